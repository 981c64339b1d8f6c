package dev.parity.graders.baseline;

import dev.parity.graders.campaign.CampaignFile;
import java.util.List;
import java.util.Objects;

/**
 * One piece of work as its page shows it to its professional.
 *
 * @param item where it stands, with its clock
 * @param requestFrom who the request is from; may be null
 * @param requestText the request
 * @param formats the requested formats' ids, e.g. {@code docx}
 * @param references the files handed over with the request
 * @param uploads the files uploaded so far, by name
 * @param notes the professional's notes; empty when none
 * @param aiTools the AI tools declared; null until declared, empty for none
 */
public record WorkView(WorkItem item, String requestFrom, String requestText, List<String> formats,
    List<CampaignFile> references, List<CampaignFile> uploads, String notes, String aiTools) {
  public WorkView {
    Objects.requireNonNull(item, "item");
    formats = List.copyOf(formats);
    references = List.copyOf(references);
    uploads = List.copyOf(uploads);
    notes = Objects.requireNonNullElse(notes, "");
  }
}

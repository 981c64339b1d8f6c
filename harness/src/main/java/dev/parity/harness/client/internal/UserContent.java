package dev.parity.harness.client.internal;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.UnableToExtractTextException;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The user turn of a request as a list of parts: reference files first (long documents before the
 * question is what the providers recommend), then the request text. A reference goes as a native
 * attachment when the API takes its format, announced by a line naming it; otherwise its text is
 * extracted and put between delimiter lines that name the file:
 *
 * <pre>
 * === BEGIN FILE: q3-actuals.xlsx ===
 * --- sheet 1: Q3 ---
 * …
 * === END FILE: q3-actuals.xlsx ===
 * </pre>
 *
 * Adjacent text parts are joined, so a request without native attachments is a single text.
 */
public final class UserContent {
  /** One part of the user turn. */
  public sealed interface Part permits Text, File {}

  /** Text to send as it is. */
  public record Text(String text) implements Part {}

  /** A reference to send as a native attachment. */
  public record File(Attachment attachment) implements Part {
    /** The file's bytes in base64, read now. */
    public String base64() {
      try {
        return Base64.getEncoder().encodeToString(attachment.bytes());
      } catch (UncheckedIOException e) {
        throw new FatalCallException(CallFailure.BAD_REQUEST, 0,
            "cannot read the reference " + attachment.name() + ": " + e.getCause().getMessage(), e);
      }
    }

    /** The file as a {@code data:} URL: {@code data:application/pdf;base64,…}. */
    public String dataUrl() {
      return "data:" + attachment.format().mediaType() + ";base64," + base64();
    }
  }

  private UserContent() {}

  /**
   * The parts of {@code request}'s user turn.
   *
   * @param natives the formats to send as native attachments ({@link ModelConfig#acceptedFormats()});
   *     an image not among them becomes a line saying it was left out, as it has no text
   * @throws FatalCallException (BAD_REQUEST) when a reference's text cannot be extracted, which
   *     would fail the same way on every try
   */
  public static List<Part> of(ModelRequest request, Set<FileFormat> natives) {
    List<Part> parts = new ArrayList<>();
    for (Attachment attachment : request.attachments()) {
      if (natives.contains(attachment.format())) {
        add(parts, "=== ATTACHED FILE: " + attachment.name() + " ===");
        parts.add(new File(attachment));
      } else if (!Documents.hasText(attachment.format())) {
        add(parts, "=== FILE NOT INCLUDED: " + attachment.name() + " (a " + attachment.format().id()
            + " image; this model is sent text only) ===");
      } else {
        add(parts, "=== BEGIN FILE: " + attachment.name() + " ===\n" + text(attachment)
            + "\n=== END FILE: " + attachment.name() + " ===");
      }
    }
    add(parts, request.text());
    return parts;
  }

  /** Whether every part is text; then there is exactly one, as adjacent texts are joined. */
  public static boolean isTextOnly(List<Part> parts) {
    return parts.stream().allMatch(part -> part instanceof Text);
  }

  private static String text(Attachment attachment) {
    try {
      return ReferenceTexts.of(attachment);
    } catch (UnableToExtractTextException e) {
      throw new FatalCallException(CallFailure.BAD_REQUEST, 0,
          "cannot include the reference " + attachment.name() + " as text: " + e.getMessage(), e);
    }
  }

  private static void add(List<Part> parts, String text) {
    int last = parts.size() - 1;
    if (last >= 0 && parts.get(last) instanceof Text previous) {
      parts.set(last, new Text(previous.text() + "\n\n" + text));
    } else {
      parts.add(new Text(text));
    }
  }
}

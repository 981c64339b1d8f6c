package dev.parity.graders.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a campaign is built and graded.
 *
 * @param name unique among campaigns, e.g. {@code q3-review}
 * @param perPair how many graders judge each pair (k), at least 1
 * @param attentionRate the share of each grader's assignments that are attention checks, 0 to 0.5
 * @param seed seeds every random choice of the campaign (who grades what, left and right, the
 *     order of a queue, attention checks); recorded on the campaign, so the same inputs and seed
 *     give the same campaign
 * @param rubricScoring whether graders also score each side against the task's rubric
 * @param minRationaleChars the shortest rationale a verdict is accepted with
 */
public record CampaignSettings(
    String name, int perPair, double attentionRate, long seed, boolean rubricScoring, int minRationaleChars) {

  /** The default shortest rationale: a sentence. */
  public static final int DEFAULT_MIN_RATIONALE_CHARS = 40;

  public CampaignSettings {
    Objects.requireNonNull(name, "name");
  }

  /** Every problem with these settings; empty when they are valid. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (name.isBlank() || name.length() > 200) {
      problems.add("name must be 1 to 200 characters");
    }
    if (perPair < 1 || perPair > 50) {
      problems.add("per-pair must be between 1 and 50, not " + perPair);
    }
    if (!(attentionRate >= 0 && attentionRate <= 0.5)) {
      problems.add("attention rate must be between 0 and 0.5, not " + attentionRate);
    }
    if (minRationaleChars < 0 || minRationaleChars > 5000) {
      problems.add("minimum rationale length must be between 0 and 5000 characters, not " + minRationaleChars);
    }
    return problems;
  }
}

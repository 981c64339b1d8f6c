package dev.parity.graders.rubric;

import java.util.Objects;

/**
 * The answer to one deterministic check.
 *
 * @param met whether the deliverable meets it
 * @param evidence what was found, in words a reviewer can verify ("found 182,400 in memo.docx")
 */
public record CheckResult(boolean met, String evidence) {
  public CheckResult {
    Objects.requireNonNull(evidence, "evidence");
  }

  static CheckResult met(String evidence) {
    return new CheckResult(true, evidence);
  }

  static CheckResult notMet(String evidence) {
    return new CheckResult(false, evidence);
  }
}

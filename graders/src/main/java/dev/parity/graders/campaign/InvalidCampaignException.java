package dev.parity.graders.campaign;

import dev.parity.core.ParityException;
import java.util.List;

/**
 * A campaign, a graders file, a packet or a submission has problems; nothing of it was stored.
 * {@link #problems()} lists every one.
 */
public final class InvalidCampaignException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public InvalidCampaignException(String what, List<String> problems) {
    super(what + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + ", nothing stored:\n  " + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
        + (problems.size() > 20 ? "\n  … and " + (problems.size() - 20) + " more" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found. */
  public List<String> problems() {
    return problems;
  }
}

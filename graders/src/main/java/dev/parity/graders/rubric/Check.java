package dev.parity.graders.rubric;

import java.util.List;

/**
 * A deterministic rubric check: a question about a deliverable that code can answer, such as
 * "does the memo contain the quarter's total?". Parsed from a criterion's {@code check} object
 * by {@link Checks#parse}; the kinds and their JSON are documented in docs/suite-format.md.
 */
public interface Check {

  /** Answers the check on {@code deliverable}. Never throws for a problem of the deliverable. */
  CheckResult evaluate(DeliverableContent deliverable);

  /** A file of the given format is present. */
  record FilePresent(dev.parity.documents.FileFormat format) implements Check {
    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      return deliverable.filesOf(format).isEmpty()
          ? CheckResult.notMet("no " + format.id() + " file delivered (files: " + deliverable.fileNames() + ")")
          : CheckResult.met(format.id() + " file delivered: " + deliverable.filesOf(format).get(0).name());
    }
  }

  /** All of the checks are met. */
  record AllOf(List<Check> checks) implements Check {
    public AllOf {
      checks = List.copyOf(checks);
    }

    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      for (Check check : checks) {
        CheckResult result = check.evaluate(deliverable);
        if (!result.met()) {
          return result;
        }
      }
      return CheckResult.met("all " + checks.size() + " checks met");
    }
  }

  /** At least one of the checks is met. */
  record AnyOf(List<Check> checks) implements Check {
    public AnyOf {
      checks = List.copyOf(checks);
    }

    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      StringBuilder misses = new StringBuilder();
      for (Check check : checks) {
        CheckResult result = check.evaluate(deliverable);
        if (result.met()) {
          return result;
        }
        misses.append(misses.length() == 0 ? "" : "; ").append(result.evidence());
      }
      return CheckResult.notMet("none of " + checks.size() + " checks met: " + misses);
    }
  }
}

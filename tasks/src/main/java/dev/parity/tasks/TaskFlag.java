package dev.parity.tasks;

import dev.parity.documents.FileFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Something that makes a task less than complete, which {@code parity suite info} and
 * {@code parity validate} show: an imported task may be run and graded, but its results should
 * be read knowing this.
 *
 * @param kind what is missing or uncertain
 * @param detail the specifics, e.g. the files not shown
 */
public record TaskFlag(Kind kind, String detail) {
  /** What a flag is about. */
  public enum Kind {
    /** No human deliverable: grading against the baseline skips the task. */
    NO_BASELINE,
    /** No rubric: rubric grading skips the task. */
    NO_RUBRIC,
    /** The professional's minutes are not measured or reported: economics and time horizons leave it out. */
    MINUTES_NOT_KNOWN,
    /** The professional's wage is not measured or reported: cost figures leave it out. */
    WAGE_NOT_KNOWN,
    /** References in a format Parity cannot show a model. */
    REFERENCES_NOT_SHOWN,
    /** References not in the suite. */
    REFERENCES_MISSING,
    /** The deliverable's formats are a guess from the request's words, or a default. */
    FORMATS_GUESSED,
    /** The request asks for a deliverable Parity cannot take. */
    DELIVERABLE_UNSUPPORTED;

    /** {@code no_baseline}, … as in JSON output. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static List<TaskFlag> of(Task task) {
    List<TaskFlag> flags = new ArrayList<>();
    if (!task.hasBaseline()) {
      flags.add(new TaskFlag(Kind.NO_BASELINE, "no human deliverable"));
    }
    if (!task.hasRubric()) {
      flags.add(new TaskFlag(Kind.NO_RUBRIC, "no rubric"));
    }
    if (task.baseline().minutes().firstHand().isEmpty()) {
      flags.add(new TaskFlag(Kind.MINUTES_NOT_KNOWN, "minutes " + task.baseline().minutes()));
    }
    if (task.baseline().hourlyWageUsd().firstHand().isEmpty()) {
      flags.add(new TaskFlag(Kind.WAGE_NOT_KNOWN, "hourly wage " + task.baseline().hourlyWageUsd()));
    }
    unshown(task, UnshownReference.Reason.UNSUPPORTED_FORMAT, Kind.REFERENCES_NOT_SHOWN, flags);
    unshown(task, UnshownReference.Reason.MISSING, Kind.REFERENCES_MISSING, flags);
    DeliverableSpec deliverable = task.deliverable();
    if (deliverable != null) {
      if (deliverable.formatsFrom() == DeliverableSpec.FormatsFrom.INFERRED_FROM_REQUEST
          || deliverable.formatsFrom() == DeliverableSpec.FormatsFrom.DEFAULTED) {
        flags.add(new TaskFlag(Kind.FORMATS_GUESSED, deliverable.formatsFrom().id() + ": "
            + deliverable.formats().stream().map(FileFormat::id).collect(Collectors.joining(", "))));
      }
      if (deliverable.unsupported() != null) {
        flags.add(new TaskFlag(Kind.DELIVERABLE_UNSUPPORTED, deliverable.unsupported()));
      }
    }
    return flags;
  }

  private static void unshown(Task task, UnshownReference.Reason reason, Kind kind, List<TaskFlag> flags) {
    List<String> files = task.referencesNotShown().stream().filter(r -> r.reason() == reason)
        .map(UnshownReference::fileName).toList();
    if (!files.isEmpty()) {
      flags.add(new TaskFlag(kind, String.join(", ", files)));
    }
  }
}

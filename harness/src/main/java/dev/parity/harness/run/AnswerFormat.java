package dev.parity.harness.run;

import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.deliverable.FormatConversion;
import dev.parity.harness.store.DeliverableFinding;
import dev.parity.tasks.Task;
import java.util.List;
import java.util.Objects;

/**
 * How a model is told to return its deliverable, and how the deliverable is taken out of its
 * answer. The two go together: the instructions describe the format that {@link #deliverable}
 * reads. Implementations must be thread-safe.
 */
public interface AnswerFormat {

  /** The system instructions sent with {@code task}'s request. */
  String instructions(Task task);

  /**
   * Which wording of the instructions this is (e.g. {@code envelope-v1}), recorded in each
   * attempt's transcript so that results made with different wordings stay distinguishable.
   */
  String version();

  /**
   * The deliverable's files taken out of {@code answer} to {@code task}; never throws for a messy
   * answer. With {@link FormatConversion#CONVERT} a requested format the model delivered only as
   * Markdown or CSV is built from that file, and the conversion is among the findings.
   */
  Deliverable deliverable(Task task, ModelAnswer answer, FormatConversion conversion);

  /**
   * The files taken out of an answer.
   *
   * @param files the deliverable's files, with unique names
   * @param extraction how they were taken out (e.g. {@code raw}, {@code envelope}), for the record
   * @param findings what was wrong with the deliverable (a promised format missing, a file that
   *     does not open) or repaired in it, one an item; empty when nothing was
   */
  record Deliverable(List<ModelAnswer.AnswerFile> files, String extraction, List<DeliverableFinding> findings) {
    public Deliverable {
      files = List.copyOf(files);
      Objects.requireNonNull(extraction, "extraction");
      findings = List.copyOf(findings);
    }
  }
}

package dev.parity.harness.run;

import dev.parity.documents.FileFormat;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.deliverable.FormatConversion;
import dev.parity.tasks.Task;
import java.util.stream.Collectors;

/**
 * The instructions of an agent attempt: work in the workspace with the tools, leave the files in
 * outputs/, call submit. The deliverable is the files in outputs/ as the loop copied them out,
 * validated as any delivered files are ({@link EnvelopeAnswerFormat#deliverable}). Thread-safe.
 */
final class AgentAnswerFormat implements AnswerFormat {
  /** The wording's version, recorded in each attempt's transcript. */
  static final String VERSION = "agent-v1";
  private static final String ROLE = "You are an experienced professional doing a task a colleague"
      + " has handed you. Deliver the finished work itself, complete and ready to hand over, not a plan"
      + " or a description of it.";

  private final AnswerFormat files = new EnvelopeAnswerFormat();

  @Override
  public String instructions(Task task) {
    String formats = task.deliverable().formats().stream().map(FileFormat::id).collect(Collectors.joining(", "));
    return ROLE + "\n\nYou work in a folder with the tools you are given. The files handed over are in inputs/"
        + " (read-only). Make the deliverable as real files in outputs/ (requested format: " + formats
        + "), for example with Python libraries such as python-docx or openpyxl, check them, then call submit."
        + " Only the files in outputs/ when you call submit are handed over; there is no network.";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public Deliverable deliverable(Task task, ModelAnswer answer, FormatConversion conversion) {
    return files.deliverable(task, answer, conversion);
  }
}

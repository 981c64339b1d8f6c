package dev.parity.harness.run;

import dev.parity.harness.client.ModelAnswer;
import dev.parity.tasks.FileFormat;
import dev.parity.tasks.Task;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The simplest answer format: the model writes its deliverable as Markdown, kept as
 * {@code answer.md}, beside any files the client delivered as files (command agents, replays).
 * Formats other than Markdown and text are noted as not delivered as files, not built.
 */
public final class PlainAnswerFormat implements AnswerFormat {
  static final String ANSWER_FILE = "answer.md";

  @Override
  public String instructions(Task task) {
    String formats = task.deliverable().formats().stream().map(FileFormat::id)
        .collect(Collectors.joining(", "));
    return "You are an experienced professional doing a task a colleague has handed you. "
        + "Deliver the finished work itself, complete and ready to hand over, not a plan or a "
        + "description of it. The deliverable is requested as: " + formats + ". "
        + "Write its full content in Markdown; tables as Markdown tables.";
  }

  @Override
  public Deliverable deliverable(Task task, ModelAnswer answer) {
    List<ModelAnswer.AnswerFile> files = new ArrayList<>();
    if (!answer.text().isBlank()) {
      files.add(new ModelAnswer.AnswerFile(ANSWER_FILE, answer.text().getBytes(StandardCharsets.UTF_8)));
    }
    answer.files().stream().filter(f -> !f.name().equals(ANSWER_FILE)).forEach(files::add);
    List<String> notes = new ArrayList<>();
    for (FileFormat format : task.deliverable().formats()) {
      boolean delivered = format == FileFormat.MD || format == FileFormat.TXT
          ? !answer.text().isBlank()
          : files.stream().anyMatch(f -> FileFormat.ofFileName(f.name()).orElse(null) == format);
      if (!delivered) {
        notes.add("promised " + format.id() + ", delivered none");
      }
    }
    return new Deliverable(files, "raw", notes);
  }
}

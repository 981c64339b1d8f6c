package dev.parity.harness.run;

import dev.parity.documents.FileFormat;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.ModelRequest;
import dev.parity.tasks.Reference;
import dev.parity.tasks.Task;
import dev.parity.tasks.UnshownReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns tasks into model requests, the same way for every model, and estimates their size.
 * Attachments are read and digested once per task. Thread-safe.
 */
final class TaskRequests {
  /** The output assumed for the worst case when a model sets no limit on it. */
  static final long DEFAULT_MAX_OUTPUT_TOKENS = 32_000;
  /** Tokens assumed per attached image (about what the providers charge for a large one). */
  static final long TOKENS_PER_IMAGE = 1_500;

  private final AnswerFormat format;
  private final Duration timeout;
  private final Map<String, List<Attachment>> attachments = new ConcurrentHashMap<>();

  TaskRequests(AnswerFormat format, Duration timeout) {
    this.format = format;
    this.timeout = timeout;
  }

  ModelRequest request(Task task, int sample) {
    return new ModelRequest(task.id(), sample, format.instructions(task), text(task),
        attachments.computeIfAbsent(task.id(), id -> attachmentsOf(task)),
        task.deliverable().formats(), timeout);
  }

  /**
   * A rough estimate of the request's input tokens: a token per 4 characters of text, per 10
   * bytes of office and PDF files (compressed, and only their text is read), and a flat count per
   * image. It sizes rate-limit reservations, budgets and dry runs, never a bill.
   */
  long estimatedInputTokens(Task task) {
    long tokens = (format.instructions(task).length() + text(task).length()) / 4;
    for (Reference reference : task.references()) {
      FileFormat kind = reference.format();
      long bytes = size(task, reference);
      tokens += kind.isImage() ? TOKENS_PER_IMAGE : bytes / (kind.isBinary() ? 10 : 4);
    }
    return Math.max(1, tokens);
  }

  private static String text(Task task) {
    StringBuilder text = new StringBuilder();
    if (task.request().from() != null) {
      text.append("From: ").append(task.request().from()).append("\n\n");
    }
    text.append(task.request().text());
    if (!task.references().isEmpty()) {
      text.append("\n\nFiles handed over:");
      for (Reference reference : task.references()) {
        text.append("\n- ").append(fileName(reference));
        if (reference.description() != null) {
          text.append(": ").append(reference.description());
        }
      }
    }
    // Files the model cannot be given are still named, so that it knows the requester sent them.
    if (!task.referencesNotShown().isEmpty()) {
      text.append("\n\nAlso handed over, but not shown to you (a format that cannot be passed on, or a missing file):");
      for (UnshownReference reference : task.referencesNotShown()) {
        text.append("\n- ").append(reference.fileName());
      }
    }
    return text.toString();
  }

  private static List<Attachment> attachmentsOf(Task task) {
    return task.references().stream()
        .map(r -> Attachment.of(task.file(r.file()), r.format()))
        .toList();
  }

  private static String fileName(Reference reference) {
    String file = reference.file();
    return file.substring(file.lastIndexOf('/') + 1);
  }

  private static long size(Task task, Reference reference) {
    try {
      return Files.size(task.file(reference.file()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference " + reference.file() + " of task " + task.id(), e);
    }
  }
}

package dev.parity.harness.run;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.ImageTokens;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.tasks.Reference;
import dev.parity.tasks.Task;
import dev.parity.tasks.UnshownReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns tasks into model requests, the same way for every model, and estimates their size.
 * Attachments are read and digested once per task. Thread-safe.
 */
final class TaskRequests {
  /** The output assumed for the worst case when a model sets no limit on it. */
  static final long DEFAULT_MAX_OUTPUT_TOKENS = 32_000;
  /** Tokens assumed per attached image whose size cannot be read (about what providers charge for a large one). */
  static final long TOKENS_PER_IMAGE = 1_500;
  /**
   * The size in pixels a provider is assumed to see each page of a PDF sent as a file at (a
   * letter page at 96 dpi): the providers draw the pages themselves and do not say how large.
   */
  static final int PDF_PAGE_WIDTH = 816;
  static final int PDF_PAGE_HEIGHT = 1056;

  private final AnswerFormat format;
  private final Duration timeout;
  private final Map<String, List<Attachment>> attachments = new ConcurrentHashMap<>();
  /** Per reference file: an image's width and height, a PDF's page count; read once. */
  private final Map<Path, int[]> measures = new ConcurrentHashMap<>();

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
   * A rough estimate of the request's input tokens for {@code model}: a token per 4 characters of
   * text, per 10 bytes of office and PDF files (compressed, and only their text is read), each image
   * the model takes by its provider's formula ({@link ImageTokens}), and for a PDF it takes as a
   * file one page image per page. It sizes rate-limit reservations, budgets and dry runs, never a
   * bill.
   */
  long estimatedInputTokens(Task task, ModelConfig model) {
    long tokens = (format.instructions(task).length() + text(task).length()) / 4;
    // Asked only for a task with files: a run estimates every attempt before its first call.
    Set<FileFormat> natives = task.references().isEmpty() ? Set.of() : model.acceptedFormats();
    for (Reference reference : task.references()) {
      FileFormat kind = reference.format();
      Path file = task.file(reference.file());
      long bytes = size(task, reference);
      if (kind.isImage()) {
        // An image the model does not take is left out of the request (a line says so).
        tokens += !natives.contains(kind) ? 0 : measure(file, kind).map(size -> ImageTokens.image(model, size[0], size[1]))
            .orElse(TOKENS_PER_IMAGE);
      } else {
        tokens += bytes / (kind.isBinary() ? 10 : 4);
        if (kind == FileFormat.PDF && natives.contains(kind)) {
          // A PDF sent as a file is read as its text and an image of each page.
          tokens += measure(file, kind).map(pages -> pages[0]).orElse(1)
              * ImageTokens.pdfPage(model, PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT);
        }
      }
    }
    return Math.max(1, tokens);
  }

  /** An image's {width, height} or a PDF's {pages}; empty when the file does not say. */
  private Optional<int[]> measure(Path file, FileFormat kind) {
    int[] measured = measures.computeIfAbsent(file, f -> {
      try {
        if (kind == FileFormat.PDF) {
          return new int[] {Documents.pages(f, kind).orElse(1)};
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
          Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
          if (!readers.hasNext()) {
            return new int[0];
          }
          ImageReader reader = readers.next();
          try {
            reader.setInput(in);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
          } finally {
            reader.dispose();
          }
        }
      } catch (IOException | RuntimeException e) {
        return new int[0];  // an estimate only: an unreadable file is counted at the flat rate
      }
    });
    return measured.length == 0 ? Optional.empty() : Optional.of(measured);
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

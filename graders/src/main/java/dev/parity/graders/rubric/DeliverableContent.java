package dev.parity.graders.rubric;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The files of one deliverable, as the checks read them: text, pages, headings and spreadsheet
 * cells, each computed once. A file that cannot be read reads as empty, with the reason kept in
 * {@link #unreadable()}, so that a broken file fails the checks that need it instead of stopping
 * the grading.
 *
 * <p>Not thread-safe for the first read of each file; safe to share once read.
 */
public final class DeliverableContent {

  /**
   * One delivered file.
   *
   * @param name the file's name as delivered, e.g. {@code memo.docx}
   * @param format its format
   * @param path where its bytes are
   */
  public record File(String name, FileFormat format, Path path) {
    public File {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(path, "path");
    }
  }

  /** Extracts the plain text of a file of a given format. */
  @FunctionalInterface
  public interface TextSource {
    String text(Path file, FileFormat format) throws IOException;
  }

  /** A cell's numeric value, or why there is none. */
  record CellValue(Double number, String description) {}

  private final List<File> files;
  private final TextSource textSource;
  private final DocumentStructure structure = new DocumentStructure();
  private final Map<File, String> texts = new ConcurrentHashMap<>();
  private final Map<File, String> unreadable = new ConcurrentHashMap<>();

  /** The content of {@code files}, their text read with Parity's text extraction (none for images). */
  public static DeliverableContent of(List<File> files) {
    return new DeliverableContent(files, (path, format) ->
        Documents.hasText(format) ? Documents.text(path, format) : "");
  }

  public DeliverableContent(List<File> files, TextSource textSource) {
    this.files = List.copyOf(files);
    this.textSource = Objects.requireNonNull(textSource, "textSource");
  }

  public List<File> files() {
    return files;
  }

  /** Files that could not be read, with the reason, so far. */
  public Map<String, String> unreadable() {
    return unreadable.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
  }

  List<File> filesOf(FileFormat format) {
    return files.stream().filter(f -> f.format() == format).toList();
  }

  /** The files of format {@code in}, or every file when {@code in} is null. */
  List<File> filesIn(FileFormat in) {
    return in == null ? files : filesOf(in);
  }

  String fileNames() {
    return files.stream().map(File::name).collect(Collectors.joining(", ", "[", "]"));
  }

  /** The text of every file (of format {@code in}, when given), one file after another. */
  String text(FileFormat in) {
    return filesIn(in).stream().map(this::text).collect(Collectors.joining("\n\n"));
  }

  String text(File file) {
    return texts.computeIfAbsent(file, f -> {
      try {
        return textSource.text(f.path(), f.format());
      } catch (IOException | RuntimeException e) {
        unreadable.put(f, String.valueOf(e.getMessage()));
        return "";
      }
    });
  }

  byte[] bytes(File file) {
    try {
      return Files.readAllBytes(file.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.name(), e);
    }
  }

  int pages(File file) {
    try {
      return structure.pages(file, text(file));
    } catch (RuntimeException e) {
      unreadable.put(file, String.valueOf(e.getMessage()));
      return 0;
    }
  }

  List<String> headings() {
    List<String> headings = new ArrayList<>();
    for (File file : files) {
      try {
        headings.addAll(structure.headings(file, text(file)));
      } catch (RuntimeException e) {
        unreadable.put(file, String.valueOf(e.getMessage()));
      }
    }
    return headings;
  }

  /** The value of a cell {@code Sheet!A1} (or {@code A1} on the first sheet) of the first XLSX file. */
  CellValue cell(String reference) {
    List<File> workbooks = filesOf(FileFormat.XLSX);
    if (workbooks.isEmpty()) {
      return new CellValue(null, "no xlsx file delivered");
    }
    try {
      return structure.cell(workbooks.get(0), reference);
    } catch (RuntimeException e) {
      unreadable.put(workbooks.get(0), String.valueOf(e.getMessage()));
      return new CellValue(null, "cannot read " + workbooks.get(0).name() + ": " + e.getMessage());
    }
  }
}

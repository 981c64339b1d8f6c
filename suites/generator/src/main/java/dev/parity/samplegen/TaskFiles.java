package dev.parity.samplegen;

import dev.parity.samplegen.office.Csv;
import dev.parity.samplegen.office.Deck;
import dev.parity.samplegen.office.Doc;
import dev.parity.samplegen.office.DocxWriter;
import dev.parity.samplegen.office.MarkdownWriter;
import dev.parity.samplegen.office.PdfWriter;
import dev.parity.samplegen.office.PptxWriter;
import dev.parity.samplegen.office.Xlsx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a task's files into its folder, by path relative to it, in the format the path's
 * extension names; remembers what it wrote so the generator can check it against
 * {@code task.json}. Not thread-safe.
 */
public final class TaskFiles {
  private final Path folder;
  private final Set<String> written = new TreeSet<>();

  TaskFiles(Path folder) {
    this.folder = folder;
  }

  public void docx(String path, Doc doc) {
    bytes(path, ".docx", DocxWriter.write(doc));
  }

  public void pdf(String path, Doc doc) {
    bytes(path, ".pdf", PdfWriter.write(doc));
  }

  public void markdown(String path, Doc doc) {
    bytes(path, ".md", MarkdownWriter.write(doc).getBytes(StandardCharsets.UTF_8));
  }

  public void pptx(String path, Deck deck) {
    bytes(path, ".pptx", PptxWriter.write(deck));
  }

  public void xlsx(String path, Xlsx workbook) {
    bytes(path, ".xlsx", workbook.toBytes());
  }

  public void csv(String path, List<String> header, List<List<String>> rows) {
    bytes(path, ".csv", Csv.write(header, rows).getBytes(StandardCharsets.UTF_8));
  }

  /** Every path written so far, relative to the task folder. */
  Set<String> written() {
    return Collections.unmodifiableSet(written);
  }

  private void bytes(String path, String extension, byte[] content) {
    if (!path.endsWith(extension)) {
      throw new IllegalArgumentException(path + " must end in " + extension + " for the format written to it");
    }
    if (!written.add(path)) {
      throw new IllegalArgumentException(path + " is written twice");
    }
    Path file = folder.resolve(path);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}

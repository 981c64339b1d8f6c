package dev.parity.benchmarks.suites;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes a suite of real documents as large as wanted: {@code COPIES} copies of each task of a
 * suite (Parity's sample suite: Word, Excel, PowerPoint and PDF references and baselines), each copy
 * in a folder of its own with its id renamed, and each of its documents' bytes made its own, still
 * a valid file of its format: an Office file gets a zip comment naming its copy, a PDF a comment
 * line after its end. So a load that remembers documents by their bytes finds none the same, as in a
 * real suite. Used by {@code benchmarks/documents-load.sh}.
 *
 * <p>Usage: {@code DocumentSuiteWriter FROM OUT COPIES}.
 */
public final class DocumentSuiteWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DocumentSuiteWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: DocumentSuiteWriter FROM OUT COPIES");
      System.exit(2);
    }
    Path from = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int copies = Integer.parseInt(args[2]);
    Files.createDirectories(out.resolve("tasks"));
    Files.copy(from.resolve("suite.json"), out.resolve("suite.json"));
    List<Path> tasks;
    try (Stream<Path> listed = Files.list(from.resolve("tasks"))) {
      tasks = listed.filter(Files::isDirectory).sorted().toList();
    }
    long files = 0;
    long bytes = 0;
    for (int copy = 1; copy <= copies; copy++) {
      String suffix = String.format(Locale.ROOT, "-%03d", copy);
      for (Path task : tasks) {
        Path to = out.resolve("tasks").resolve(task.getFileName() + suffix);
        for (Path file : regularFiles(task)) {
          Path target = to.resolve(task.relativize(file).toString());
          Files.createDirectories(target.getParent());
          byte[] written = copyOf(file, suffix);
          Files.write(target, written);
          files++;
          bytes += written.length;
        }
        Path taskFile = to.resolve("task.json");
        ObjectNode json = (ObjectNode) JSON.readTree(taskFile.toFile());
        json.put("id", json.get("id").asText() + suffix);
        JSON.writerWithDefaultPrettyPrinter().writeValue(taskFile.toFile(), json);
      }
    }
    System.out.printf(Locale.ROOT, "%,d tasks, %,d files, %.1f MB in %s%n", copies * tasks.size(), files,
        bytes / 1e6, out);
  }

  private static List<Path> regularFiles(Path folder) throws IOException {
    try (Stream<Path> walked = Files.walk(folder)) {
      return walked.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** The file's bytes, made this copy's own where it is a document. */
  private static byte[] copyOf(Path file, String copy) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    byte[] bytes = Files.readAllBytes(file);
    if (name.endsWith(".docx") || name.endsWith(".xlsx") || name.endsWith(".pptx")) {
      return withZipComment(bytes, "copy" + copy);
    }
    if (name.endsWith(".pdf")) {
      byte[] comment = ("\n%copy" + copy + "\n").getBytes(StandardCharsets.US_ASCII);
      byte[] marked = Arrays.copyOf(bytes, bytes.length + comment.length);
      System.arraycopy(comment, 0, marked, bytes.length, comment.length);
      return marked;
    }
    return bytes;
  }

  private static byte[] withZipComment(byte[] zip, String comment) throws IOException {
    ByteArrayOutputStream copy = new ByteArrayOutputStream(zip.length + 64);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(copy)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
      out.setComment(comment);
    }
    return copy.toByteArray();
  }
}

package dev.parity.documents.vetting;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.RedactedFile;
import dev.parity.documents.RedactionChange;
import dev.parity.documents.Replacements;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a redacted copy of a folder (a suite): every value the findings matched is replaced, in
 * every file of the folder and not only the one it was found in, by one typed placeholder
 * ({@code [EMAIL-1]} is the same address everywhere), each file in its own format (see
 * {@link Documents#redact}). Files of no known format are copied as they are; a previous vetting
 * record ({@code vetting.json}) is not copied, since it describes other files. Stateless.
 */
public final class Redactor {
  private static final String VETTING_RECORD = "vetting.json";
  /** A line of a PEM block that is the key's own (see {@link #keyLines}). */
  private static final Pattern KEY_LINE =
      Pattern.compile("-{4,5}(?:BEGIN|END) [A-Z0-9 ]+-{4,5}|[A-Za-z-]+: .+|[A-Za-z0-9+/]{8,}={0,2}");

  /**
   * One change in the copy.
   *
   * @param file the file's path relative to the folder, with {@code /}
   * @param change what was changed where
   */
  public record Change(String file, RedactionChange change) {
    public Change {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(change, "change");
    }
  }

  private Redactor() {}

  /**
   * The placeholders for the findings' matches, numbered per kind in the findings' order. A
   * private key block is replaced whole where a file holds it whole, and line by line where the
   * lines are apart (Word paragraphs, the lines of a PDF page), each line by the block's placeholder.
   */
  public static Replacements replacements(List<Finding> findings) {
    return Replacements.of(findings.stream().map(f -> new Replacements.Target(f.kind(), f.match(),
        f.kind().equals(Kinds.PRIVATE_KEY) ? keyLines(f.match()) : List.of())).toList());
  }

  /**
   * The lines of a key block that are the key's own: the BEGIN and END lines, headers such as
   * {@code Proc-Type: 4,ENCRYPTED}, and the base64 lines; not what a block joined over places
   * picked up besides (a page's footer), which must not be replaced wherever it stands.
   */
  static List<String> keyLines(String block) {
    return block.lines().map(String::strip).filter(line -> KEY_LINE.matcher(line).matches()).toList();
  }

  /**
   * Copies {@code from} to {@code to} with the findings' matches replaced; returns every change.
   *
   * @throws IllegalArgumentException when {@code to} exists and is not an empty folder, or is inside {@code from}
   * @throws dev.parity.documents.UnableToRedactException when a file does not open as its format
   *     (the copy is then incomplete and must not be passed on)
   */
  public static List<Change> redact(Path from, Path to, List<Finding> findings) {
    Path source = from.toAbsolutePath().normalize();
    Path target = to.toAbsolutePath().normalize();
    if (target.startsWith(source)) {
      throw new IllegalArgumentException("the redacted copy " + to + " must not be inside the folder " + from);
    }
    requireEmpty(to);
    Replacements replacements = replacements(findings);
    List<Change> changes = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = source.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        if (relative.equals(VETTING_RECORD)) {
          continue;
        }
        Path copy = target.resolve(relative);
        Files.createDirectories(copy.getParent());
        var format = FileFormat.ofFileName(relative);
        if (format.isEmpty()) {
          Files.copy(file, copy);
          continue;
        }
        RedactedFile redacted = Documents.redact(format.get(), Files.readAllBytes(file), replacements);
        Files.write(copy, redacted.bytes());
        redacted.changes().forEach(change -> changes.add(new Change(relative, change)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the redacted copy " + to + ": " + e.getMessage(), e);
    }
    return changes;
  }

  private static void requireEmpty(Path to) {
    if (!Files.exists(to)) {
      return;
    }
    if (!Files.isDirectory(to)) {
      throw new IllegalArgumentException(to + " exists and is not a folder; give a new or empty folder");
    }
    try (Stream<Path> entries = Files.list(to)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException(to + " is not empty; give a new or empty folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + to + ": " + e.getMessage(), e);
    }
  }
}

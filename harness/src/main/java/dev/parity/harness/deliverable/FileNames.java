package dev.parity.harness.deliverable;

import dev.parity.documents.FileFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Safe, unique file names for delivered files. One instance per deliverable; not thread-safe. */
final class FileNames {
  private final Set<String> used = new HashSet<>();
  private final List<String> notes;

  FileNames(List<String> notes) {
    this.notes = notes;
  }

  /** The file name without folders or unsafe characters; {@code deliverable} if nothing is left. */
  static String clean(String raw) {
    String base = raw.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    base = base.replaceAll("[^\\p{L}\\p{N}._ ()-]", "-").replaceAll("^[.\\s-]+|[.\\s]+$", "").strip();
    return base.isEmpty() ? "deliverable" : base;
  }

  /** The format of a cleaned name, if its extension names one. */
  static Optional<FileFormat> formatOf(String name) {
    return FileFormat.ofFileName(name);
  }

  /** The name with the extension of {@code format} added (or replacing a foreign one). */
  static String withFormat(String name, FileFormat format) {
    return formatOf(name).filter(f -> f == format).isPresent() ? name : name + "." + format.id();
  }

  /** {@code name} if unused, else {@code stem-2.ext}, {@code stem-3.ext}, …; case-insensitive. */
  String unique(String name) {
    String candidate = name;
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    for (int i = 2; used.contains(candidate.toLowerCase(Locale.ROOT)); i++) {
      candidate = stem + "-" + i + extension;
    }
    if (!candidate.equals(name)) {
      notes.add("the name " + name + " was given twice; the second file is " + candidate);
    }
    used.add(candidate.toLowerCase(Locale.ROOT));
    return candidate;
  }
}

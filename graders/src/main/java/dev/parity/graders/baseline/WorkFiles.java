package dev.parity.graders.baseline;

import dev.parity.documents.FileFormat;
import dev.parity.harness.deliverable.Deliverables;
import dev.parity.harness.deliverable.DeliveredFile;
import dev.parity.harness.deliverable.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a professional may upload: the checks a model's delivered files get (a deliverable
 * format, a file that opens and is not empty), plus the limits in docs/baselines.md.
 */
public final class WorkFiles {
  /** The largest file accepted. */
  public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
  /** The largest upload (all its files together) the server reads. */
  public static final long MAX_UPLOAD_BYTES = 4L * MAX_FILE_BYTES;
  /** The most files one piece of work may hand in. */
  public static final int MAX_FILES = 20;
  static final String REFERENCE = "reference";
  static final String UPLOAD = "upload";
  // A plain file name: no folders, no control characters, no leading dot.
  private static final Pattern NAME = Pattern.compile("[^./\\\\\\p{Cntrl}][^/\\\\\\p{Cntrl}]{0,199}");

  private WorkFiles() {}

  /**
   * Why {@code bytes} named {@code name} cannot be handed in; empty when it can. A file that opens
   * but has a lesser problem (a broken formula) is accepted, and the problem recorded on the attempt.
   */
  public static List<String> problems(String name, byte[] bytes) {
    List<String> problems = new ArrayList<>();
    String shown = name == null ? "" : name;
    if (name == null || !NAME.matcher(name).matches()) {
      problems.add("\"" + shown + "\" is not a plain file name (at most 200 characters, no folders, not starting with a dot)");
      return problems;
    }
    Optional<FileFormat> format = FileFormat.ofFileName(name);
    if (format.isEmpty()) {
      problems.add(name + ": not a deliverable format (" + FileFormat.knownIds() + ")");
      return problems;
    }
    if (bytes.length > MAX_FILE_BYTES) {
      problems.add(String.format(Locale.ROOT, "%s: %.1f MB is more than the %d MB a file may have", name,
          bytes.length / (1024.0 * 1024), MAX_FILE_BYTES / (1024 * 1024)));
      return problems;
    }
    for (Finding finding : Deliverables.validate(new DeliveredFile(name, format.get(), bytes))) {
      if (finding.kind() == Finding.Kind.UNREADABLE || finding.kind() == Finding.Kind.EMPTY) {
        problems.add(finding.message());
      }
    }
    return problems;
  }
}

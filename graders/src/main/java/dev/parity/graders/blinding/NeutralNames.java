package dev.parity.graders.blinding;

import dev.parity.documents.FileFormat;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Neutral file names for blind grading: a deliverable's files are renamed after its side's
 * label, so that neither a name ({@code summary_final_JD_v3.docx}) nor the order of names tells
 * who made them. Stateless and thread-safe.
 */
public final class NeutralNames {
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]{1,8}");

  private NeutralNames() {}

  /**
   * The neutral name of each original name: {@code deliverable-A.docx} when the label is
   * {@code A} and there is one file of that format; {@code deliverable-A-1.docx},
   * {@code deliverable-A-2.docx} when there are several, numbered in the order of their original
   * names. The extension is kept (lower-cased; {@code jpeg} becomes {@code jpg}), or {@code bin}
   * for an unknown one.
   *
   * @param label a short label such as {@code A}: letters and digits, at most 8
   * @param names the original names, unique
   * @return original name to neutral name, in the order given
   * @throws IllegalArgumentException if the label is not letters and digits, or names repeat
   */
  public static Map<String, String> assign(String label, List<String> names) {
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("label must be 1 to 8 letters or digits, not \"" + label + "\"");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("file names repeat: " + names);
    }
    Map<String, Long> perExtension = new HashMap<>();
    names.forEach(n -> perExtension.merge(extension(n), 1L, Long::sum));
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, String> neutral = new HashMap<>();
    names.stream().sorted(Comparator.comparing(NeutralNames::extension).thenComparing(Comparator.naturalOrder()))
        .forEach(name -> {
          String extension = extension(name);
          String stem = "deliverable-" + label;
          if (perExtension.get(extension) > 1) {
            stem += "-" + numbers.merge(extension, 1, Integer::sum);
          }
          neutral.put(name, stem + "." + extension);
        });
    Map<String, String> ordered = new LinkedHashMap<>();
    names.forEach(name -> ordered.put(name, neutral.get(name)));
    return ordered;
  }

  private static String extension(String name) {
    return FileFormat.ofFileName(name).map(FileFormat::id).orElseGet(() -> {
      int dot = name.lastIndexOf('.');
      String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
      return extension.matches("[a-z0-9]{1,8}") ? extension : "bin";
    });
  }
}

package dev.parity.tasks.gdpval;

import dev.parity.documents.FileFormat;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.DeliverableSpec.FormatsFrom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The formats a GDPval task asks for: the extensions of the expert's deliverable files where the
 * dataset has them; else a guess from the request's words by {@link #KEYWORDS} (marked
 * {@link FormatsFrom#INFERRED_FROM_REQUEST}); else {@link #DEFAULT} (marked
 * {@link FormatsFrom#DEFAULTED}). docs/gdpval.md documents the table.
 */
final class RequestedFormats {
  /** The format assumed when nothing says which: most GDPval deliverables are documents. */
  static final FileFormat DEFAULT = FileFormat.DOCX;

  /** Words of a request that name a format, as whole words, ignoring case; in this order. */
  static final Map<FileFormat, Pattern> KEYWORDS = keywords();

  private RequestedFormats() {}

  private static Map<FileFormat, Pattern> keywords() {
    Map<FileFormat, Pattern> table = new LinkedHashMap<>();
    table.put(FileFormat.XLSX, words("excel", "spreadsheet", "spreadsheets", "workbook", "xlsx"));
    table.put(FileFormat.PPTX, words("powerpoint", "slide deck", "slides", "deck", "pptx"));
    table.put(FileFormat.DOCX, words("word document", "word doc", "word file", "docx", "microsoft word", "ms word"));
    table.put(FileFormat.PDF, words("pdf"));
    table.put(FileFormat.CSV, words("csv"));
    return table;
  }

  private static Pattern words(String... words) {
    return Pattern.compile("\\b(" + String.join("|", words).replace(" ", "\\s+") + ")\\b", Pattern.CASE_INSENSITIVE);
  }

  /** The deliverable of a row whose expert files are {@code deliverableFiles} (maybe none). */
  static DeliverableSpec of(String prompt, List<String> deliverableFiles) {
    Set<FileFormat> fromFiles = new LinkedHashSet<>();
    Set<String> unsupported = new TreeSet<>();
    for (String file : deliverableFiles) {
      Optional<FileFormat> format = FileFormat.ofFileName(file);
      if (format.isPresent()) {
        fromFiles.add(format.get());
      } else {
        unsupported.add(extension(file));
      }
    }
    String reason = unsupported.isEmpty() ? null
        : "the professional delivered " + String.join(", ", unsupported) + " files, which Parity cannot take";
    if (!fromFiles.isEmpty()) {
      return new DeliverableSpec(List.copyOf(fromFiles), null, FormatsFrom.BASELINE_FILES, reason);
    }
    List<FileFormat> inferred = new ArrayList<>();
    KEYWORDS.forEach((format, pattern) -> {
      if (pattern.matcher(prompt).find()) {
        inferred.add(format);
      }
    });
    return inferred.isEmpty()
        ? new DeliverableSpec(List.of(DEFAULT), null, FormatsFrom.DEFAULTED, reason)
        : new DeliverableSpec(inferred, null, FormatsFrom.INFERRED_FROM_REQUEST, reason);
  }

  static String extension(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "extensionless" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}

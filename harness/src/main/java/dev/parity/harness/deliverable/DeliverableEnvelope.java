package dev.parity.harness.deliverable;

import dev.parity.documents.FileFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The instructions Parity adds to a request, telling a text-only model which formats are
 * requested and how to return files. The text is a versioned resource
 * ({@code envelope-prompt-v1.txt}); its version is recorded with each attempt so that a change
 * of wording is visible in the results. The envelope is described in docs/deliverable-envelope.md.
 */
public final class DeliverableEnvelope {
  /** The version of the instructions; bumped whenever their wording changes. */
  public static final int VERSION = 1;

  private static final String TEXT = load("envelope-prompt-v" + VERSION + ".txt");

  private DeliverableEnvelope() {}

  /**
   * The instructions for a request asking for {@code requested}, e.g. for DOCX and XLSX:
   * "Deliver your work as files: a Word document (.docx) and an Excel workbook (.xlsx)." followed
   * by the envelope's rules.
   *
   * @throws IllegalArgumentException if {@code requested} is empty
   */
  public static String instructions(List<FileFormat> requested) {
    if (requested.isEmpty()) {
      throw new IllegalArgumentException("no format requested: a request asks for at least one");
    }
    return TEXT.replace("{{formats}}", describe(requested));
  }

  private static String describe(List<FileFormat> requested) {
    List<String> each = requested.stream().distinct().map(DeliverableEnvelope::describe).toList();
    if (each.size() == 1) {
      return each.get(0);
    }
    return each.subList(0, each.size() - 1).stream().collect(Collectors.joining(", "))
        + " and " + each.get(each.size() - 1);
  }

  private static String describe(FileFormat format) {
    return switch (format) {
      case MD -> "a Markdown document (.md)";
      case TXT -> "a text file (.txt)";
      case DOCX -> "a Word document (.docx)";
      case XLSX -> "an Excel workbook (.xlsx)";
      case PPTX -> "a PowerPoint deck (.pptx)";
      case PDF -> "a PDF document (.pdf)";
      case CSV -> "a CSV file (.csv)";
      case JSON -> "a JSON file (.json)";
      case PNG -> "a PNG image (.png)";
      case JPG -> "a JPEG image (.jpg)";
    };
  }

  private static String load(String name) {
    try (InputStream in = DeliverableEnvelope.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.parity.documents;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The text formats (TXT, MD, CSV, JSON) read as UTF-8. Stateless and thread-safe. */
final class PlainText {
  private PlainText() {}

  /** UTF-8 text with a leading byte order mark removed; malformed bytes become U+FFFD. */
  static String text(byte[] bytes) {
    String text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Each line that is not blank, numbered from 1. */
  static List<TextPiece> pieces(byte[] bytes) {
    List<TextPiece> lines = new ArrayList<>();
    String[] split = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
    for (int i = 0; i < split.length; i++) {
      if (!split[i].isBlank()) {
        lines.add(new TextPiece("line " + (i + 1), split[i]));
      }
    }
    return lines;
  }

  /**
   * Each line that is not blank, numbered from 1, as a surface of its own; but a PEM block
   * ({@code -----BEGIN …-----} to {@code -----END …-----}) is one surface, {@code lines N–M}, so
   * that a private key is found, and redacted, whole.
   */
  static List<Surface> surfaces(byte[] bytes) {
    List<Surface> out = new ArrayList<>();
    // Each line with its own ending, so that a block's text is exactly as in the file (CRLF too).
    String[] lines = text(bytes).split("(?<=\n)|(?<=\r)(?!\n)", -1);
    for (int i = 0; i < lines.length; i++) {
      int end = lines[i].strip().startsWith("-----BEGIN ") ? pemEnd(lines, i) : i;
      String where = end == i ? "line " + (i + 1) : "lines " + (i + 1) + "\u2013" + (end + 1);
      String text = String.join("", java.util.Arrays.asList(lines).subList(i, end + 1)).replaceFirst("\\R$", "");
      Surface.add(out, where, text, "");
      i = end;
    }
    return out;
  }

  /** The line of the block's END marker, or {@code begin} itself when there is none within 200 lines. */
  private static int pemEnd(String[] lines, int begin) {
    for (int i = begin + 1; i < lines.length && i <= begin + 200; i++) {
      if (lines[i].strip().startsWith("-----END ")) {
        return i;
      }
    }
    return begin;
  }

  /**
   * Each cell of a CSV file that is not blank, at {@code row N column HEADER} (or the column's
   * number when the header is blank), labelled with its column's header; the header row's cells
   * are surfaces too. Quoted fields may span lines.
   */
  static List<Surface> csvSurfaces(byte[] bytes) throws IOException {
    List<Surface> out = new ArrayList<>();
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<String> header = List.of();
    int row = 0;
    try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(text(bytes))) {
      while (rows.hasNext()) {
        String[] cells = rows.next();
        row++;
        if (row == 1) {
          header = List.of(cells);
        }
        for (int c = 0; c < cells.length; c++) {
          String name = c < header.size() && !header.get(c).isBlank() ? header.get(c).strip() : String.valueOf(c + 1);
          Surface.add(out, "row " + row + " column " + name, cells[c], row == 1 ? "" : Surface.COLUMN + name);
        }
      }
    }
    return out;
  }
}

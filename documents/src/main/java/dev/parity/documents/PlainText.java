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

  /** Each line that is not blank, numbered from 1, as a surface of its own. */
  static List<Surface> surfaces(byte[] bytes) {
    return pieces(bytes).stream().map(piece -> new Surface(piece.where(), piece.text(), "")).toList();
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
          Surface.add(out, "row " + row + " column " + name, cells[c], row == 1 ? "" : name);
        }
      }
    }
    return out;
  }
}

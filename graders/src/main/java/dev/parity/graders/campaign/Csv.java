package dev.parity.graders.campaign;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes a CSV file with a header row, even when there is no row to follow it. */
final class Csv {
  private Csv() {}

  static void write(Writer out, List<String> columns, List<List<String>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    try {
      if (rows.isEmpty()) {
        out.write(String.join(",", columns) + "\n");
      } else {
        new CsvMapper().writerFor(List.class).with(schema.build()).writeValues(out).writeAll(rows).flush();
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

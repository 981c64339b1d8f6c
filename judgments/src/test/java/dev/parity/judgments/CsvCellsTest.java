package dev.parity.judgments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** judgments.csv was written by Jackson's CSV writer; the hand-written one must write the same bytes. */
class CsvCellsTest {
  /** Every character Jackson's quoting looks at, some that it does not, and a surrogate pair. */
  private static final String ALPHABET = alphabet();

  @Test
  void rowsAreWrittenCharacterForCharacterAsJacksonsCsvWriterWritesThem() throws IOException {
    Random random = new Random(20251206);
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < 4_000; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < JudgmentsCsv.COLUMNS.size(); c++) {
        row.add(cell(random));
      }
      rows.add(row);
    }

    assertThat(ours(rows)).isEqualTo(jacksons(rows));
  }

  @Test
  void cellsAtTheEdgesOfJacksonsRulesAreQuotedAsItQuotesThem() throws IOException {
    List<String> cells = List.of("", "a", "-", ",", "+", " ", "a b", "a\\b", "\"", "say \"hi\"", "é", "x".repeat(24),
        "x".repeat(25), "\t", "\r\n", "#", "'=1", "=1", "\u007f", "\uD83D\uDE00", "\"".repeat(9_000),
        "long ".repeat(5_000));
    List<List<String>> rows = List.of(cells.subList(0, 14), cells.subList(8, 22));

    assertThat(ours(rows)).isEqualTo(jacksons(rows));
  }

  private static String cell(Random random) {
    int kind = random.nextInt(100);
    int length = kind < 3 ? 0 : kind < 97 ? 1 + random.nextInt(40) : 4_000 + random.nextInt(20_000);
    StringBuilder text = new StringBuilder(length);
    boolean plain = random.nextInt(3) == 0;
    while (text.length() < length) {
      text.append(plain ? (char) ('a' + random.nextInt(26)) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  private static String ours(List<List<String>> rows) throws IOException {
    StringWriter out = new StringWriter();
    CsvCells cells = new CsvCells(out);
    for (List<String> row : rows) {
      for (String cell : row) {
        cells.cell(cell);
      }
      cells.endRow();
    }
    cells.flush();
    return out.toString();
  }

  /** As JudgmentsCsv.write wrote its rows before: Jackson's writer with the columns' schema, no header. */
  private static String jacksons(List<List<String>> rows) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
    JudgmentsCsv.COLUMNS.forEach(schema::addColumn);
    StringWriter out = new StringWriter();
    SequenceWriter writer = new CsvMapper().writerFor(List.class).with(schema.build()).writeValues(out);
    for (List<String> row : rows) {
      writer.write(row);
    }
    writer.flush();
    return out.toString();
  }

  private static String alphabet() {
    StringBuilder chars = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      chars.append(c);
    }
    return chars.append("éß€\u00a0\u2028\uFEFF\uD83D\uDE00").toString();
  }
}

package dev.parity.judgments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Parity's reader of plain CSV gives exactly the rows and line numbers that Jackson's parser gives
 * with JudgmentsCsv's settings, or declines the file: never other cells, never another line.
 */
class PlainCsvRowsTest {
  /** The characters CSV syntax, Jackson's trimming and line counting look at, and some they do not. */
  private static final String ALPHABET = "ab,,\"\" \t\r\n\n\\é\uFEFF\u00A0\u0000\u007f\uD83D\uDE00";

  /** What Parity's writer quotes (space, comma, quote, backslash, long text) and what it does not. */
  private static final String CELL_TEXT = "abc ,\"\\é'=+-\uD83D\uDE00";

  /** A row as a reader gave it: its line and its cells. */
  private record Line(int line, List<String> cells) {}

  @Test
  void randomTextIsReadAsJacksonReadsItOrDeclined() {
    Random random = new Random(20261206);
    int read = 0;
    for (int file = 0; file < 30_000; file++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      List<Line> plain = plain(text.toString());
      if (plain != null) {
        String shown = text.toString().replace("\r", "\\r").replace("\n", "\\n");
        assertThat(plain).as(shown).isEqualTo(jacksons(text.toString()));
        read++;
      }
    }
    // Not a reader that declines everything: about a tenth of such noise is plain.
    assertThat(read).isGreaterThan(2_000);
  }

  @Test
  void rowsAsParityWritesThemAreReadWithoutDeclining() throws IOException {
    Random random = new Random(7);
    StringWriter text = new StringWriter();
    CsvCells rows = new CsvCells(text);
    for (int r = 0; r < 20_000; r++) {
      int cells = 1 + random.nextInt(14);
      for (int c = 0; c < cells; c++) {
        rows.cell(cell(random));
      }
      rows.cell("x");
      rows.endRow();
    }
    rows.flush();

    List<Line> plain = plain(text.toString());

    // Longer than the reader's buffer: rows are cut where it refills.
    assertThat(text.toString().length()).isGreaterThan(300_000);
    assertThat(plain).hasSize(20_000).isEqualTo(jacksons(text.toString()));
  }

  @Test
  void crlfLineEndsAByteOrderMarkAndRaggedRowsAreReadAsJacksonReadsThem() {
    String text = "\uFEFFtask_id,grader\r\nt1,g1,extra\r\nt2\r\n\"t,3\",\"say \"\"hi\"\"\"\r\nt4,g4";

    List<Line> plain = plain(text);

    assertThat(plain).isEqualTo(jacksons(text)).containsExactly(
        new Line(1, List.of("\uFEFFtask_id", "grader")), new Line(2, List.of("t1", "g1", "extra")),
        new Line(3, List.of("t2")), new Line(4, List.of("t,3", "say \"hi\"")), new Line(5, List.of("t4", "g4")));
  }

  @Test
  void aRowLongerThanTheBufferIsReadWhole() {
    String text = "a,b\n\"" + "x, ".repeat(100_000) + "y\",z\n";

    assertThat(plain(text)).isEqualTo(jacksons(text)).hasSize(2);
  }

  @Test
  void whatJacksonTrimsSkipsOrCountsAsSeveralLinesIsDeclined() {
    for (String text : List.of("a,b\n\nc,d\n", "a,b\n\"c\nd\",e\n", "a, b\n", "a,b \n", "a,\"b\" \n", "a\tb\n",
        "a\rb\n", "a,b\"c\n", "a,\"b\"c\n", "a,b\n,\n", "a,\"unclosed\n", "a,\"unclosed")) {
      assertThatThrownBy(() -> read(text)).as(text).isInstanceOf(PlainCsvRows.Declined.class);
    }
  }

  @Test
  void aRowLongerThanTheLongestItReadsIsDeclined() {
    String text = "a\n" + "x".repeat(PlainCsvRows.LONGEST_ROW + 1) + "\n";

    assertThatThrownBy(() -> read(text)).isInstanceOf(PlainCsvRows.Declined.class);
  }

  private static String cell(Random random) {
    int length = random.nextInt(40);
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < length; i++) {
      cell.append(CELL_TEXT.charAt(random.nextInt(CELL_TEXT.length())));
    }
    return cell.toString().strip();
  }

  /** The plain reader's rows, or null when it declines. */
  @Test
  void aCellRepeatedInItsColumnIsTheSameStringAndCollidingCellsStayApart() throws Exception {
    // "Aa" and "BB" have the same hash, so they take the same slot of the column's cache.
    List<Line> lines = read("t1,Aa,x\nt1,BB,x\nt1,Aa,\"x\"\nt2,BB,t1\n");

    assertThat(lines).extracting(Line::cells).containsExactly(List.of("t1", "Aa", "x"), List.of("t1", "BB", "x"),
        List.of("t1", "Aa", "x"), List.of("t2", "BB", "t1"));
    assertThat(lines.get(1).cells().get(0)).isSameAs(lines.get(0).cells().get(0));
    assertThat(lines.get(2).cells().get(0)).isSameAs(lines.get(0).cells().get(0));
    assertThat(lines.get(2).cells().get(2)).as("quoted").isSameAs(lines.get(0).cells().get(2));
  }

  private static List<Line> plain(String text) {
    try {
      return read(text);
    } catch (PlainCsvRows.Declined e) {
      return null;
    }
  }

  private static List<Line> read(String text) throws PlainCsvRows.Declined {
    try {
      PlainCsvRows rows = new PlainCsvRows(new StringReader(text));
      List<Line> lines = new ArrayList<>();
      for (String[] cells = rows.next(); cells != null; cells = rows.next()) {
        lines.add(new Line(rows.line(), List.of(cells)));
      }
      return lines;
    } catch (IOException e) {
      throw new AssertionError("a string reader does not fail", e);
    }
  }

  /** Jackson's rows; a file it cannot read is not expected here, so it fails the test. */
  private static List<Line> jacksons(String text) {
    try (JudgmentsCsv.JacksonRows rows = new JudgmentsCsv.JacksonRows(new StringReader(text))) {
      List<Line> lines = new ArrayList<>();
      for (String[] cells = rows.next(); cells != null; cells = rows.next()) {
        lines.add(new Line(rows.line(), List.of(cells)));
      }
      return lines;
    } catch (IOException e) {
      throw new AssertionError("Jackson failed on what the plain reader read: " + e.getMessage(), e);
    }
  }
}

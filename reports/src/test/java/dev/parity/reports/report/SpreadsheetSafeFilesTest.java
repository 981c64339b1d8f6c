package dev.parity.reports.report;

import static dev.parity.judgments.Outcome.WIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.judgments.JudgmentsCsv;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadsheetSafeFilesTest {
  private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"see why\")";

  @TempDir Path folder;

  @Test
  void aFormulaLookingRationaleGoesIntoJudgmentsCsvAsTextAndReadsBackAsWritten() throws Exception {
    Judgments judgments = new Judgments().human("t1", "m", "g1", WIN, 12.0, FORMULA);
    ReportInput input = judgments.input().build();

    ReportFiles.write(folder, Judgments.report(input), input, null, Runnable::run);

    String csv = Files.readString(folder.resolve("judgments.csv"));
    assertThat(csv).contains("\"'=HYPERLINK(").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    assertThat(JudgmentsCsv.read("judgments.csv", new StringReader(csv), id -> Optional.empty()))
        .isEqualTo(input.judgments());
    assertThat(Files.readString(folder.resolve("report.html"))).contains("=HYPERLINK(").doesNotContain("'=HYPERLINK");
  }
}

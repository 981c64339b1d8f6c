package dev.parity.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

  @Test
  void textStartingLikeAFormulaGetsAQuoteInFront() {
    assertThat(SpreadsheetCells.guard("=HYPERLINK(\"http://evil.example\",\"click\")"))
        .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
    assertThat(SpreadsheetCells.guard("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(SpreadsheetCells.guard("-2+3+cmd")).isEqualTo("'-2+3+cmd");
    assertThat(SpreadsheetCells.guard("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
    assertThat(SpreadsheetCells.guard("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(SpreadsheetCells.guard("\r=1+1")).isEqualTo("'\r=1+1");
  }

  @Test
  void numbersAndOrdinaryTextAreLeftAlone() {
    for (String cell : List.of("-3.5", "+1e-3", "42", ".5", "-0", "good work", "", "a=b", "model-x")) {
      assertThat(SpreadsheetCells.guard(cell)).as(cell).isEqualTo(cell);
    }
    assertThat(SpreadsheetCells.guard((String) null)).isNull();
  }

  @Test
  void unguardIsTheExactInverseEvenForTextThatAlreadyStartsWithAQuote() {
    for (String cell : Arrays.asList("=1+1", "'=1+1", "''=1+1", "'quoted'", "'", "''", "-3.5", "'-3.5",
        "-x", "plain", "@home", "\tx", null)) {
      assertThat(SpreadsheetCells.unguard(SpreadsheetCells.guard(cell))).as(String.valueOf(cell)).isEqualTo(cell);
    }
    assertThat(SpreadsheetCells.guard("'=1+1")).isEqualTo("''=1+1");
  }

  @Test
  void aCellThatWasNeverGuardedComesBackUnchanged() {
    assertThat(SpreadsheetCells.unguard("'quoted'")).isEqualTo("'quoted'");
    assertThat(SpreadsheetCells.unguard("it's fine")).isEqualTo("it's fine");
    assertThat(SpreadsheetCells.unguard("'-3.5")).isEqualTo("'-3.5");
  }

  @Test
  void aListIsGuardedCellByCell() {
    assertThat(SpreadsheetCells.guard(Arrays.asList("t1", "=x", null, "-1"))).containsExactly("t1", "'=x", null, "-1");
  }
}

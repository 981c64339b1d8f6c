package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpendTest {
  @Test
  void aSumOfKnownCostsIsShownInDollars() {
    assertThat(new Spend(1.5, 0).plus(new Spend(0.25, 0)).display(2)).isEqualTo("$1.75");
    assertThat(Spend.NONE.display(4)).isEqualTo("$0.0000");
  }

  @Test
  void unknownCostsAreCountedApartAndNeverShownAsZero() {
    assertThat(new Spend(0, 3).display(2)).isEqualTo("unknown");
    assertThat(new Spend(1234.5, 0).plus(new Spend(0, 2)).display(2)).isEqualTo("$1,234.50 + 2 unknown");
  }

  @Test
  void aNegativeCountOfUnknownsIsRefused() {
    assertThatThrownBy(() -> new Spend(0, -1)).hasMessageContaining("unknown must not be negative");
  }
}

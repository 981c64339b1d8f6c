package dev.parity.judgments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every text reads as the double {@link Double#parseDouble} gives, bit for bit, or fails as it does. */
class PlainDecimalsTest {
  @Test
  void doublesAsJavaWritesThemReadBackAsTheJdkReadsThem() {
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 200_000; i++) {
      double value = switch (i % 4) {
        case 0 -> random.nextDouble(10, 60);
        case 1 -> random.nextDouble(0, 1e7);
        case 2 -> Math.exp(random.nextDouble(-20, 20));
        default -> Double.longBitsToDouble(random.nextLong() >>> 1);
      };
      assertSame(Double.toString(value));
    }
  }

  @Test
  void plainDecimalsOfEveryLengthReadAsTheJdkReadsThem() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int digits = 1 + random.nextInt(i % 10 == 0 ? 400 : 30);
      int point = random.nextInt(digits + 1);
      for (int d = 0; d < digits; d++) {
        if (d == point && d > 0) {
          text.append('.');
        }
        // Runs of zeros and nines, where rounding is closest to a tie.
        text.append(switch (random.nextInt(4)) {
          case 0 -> '0';
          case 1 -> '9';
          default -> (char) ('0' + random.nextInt(10));
        });
      }
      assertSame(text.toString());
    }
  }

  @Test
  void otherFormsGoToTheJdkAndFailAsItDoes() {
    for (String text : List.of("0", "0.0", "000120.5000", "1.", ".5", "1e3", "1.5E-7", "-0.5", "+1", "NaN",
        "Infinity", "1d", "2.5f", "0x1p3", " 1", "1 ", "4.9e-324", "2.2250738585072011e-308",
        "9007199254740993", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649"
            + "017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711"
            + "531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177"
            + "904174497792")) {
      assertSame(text);
    }
    for (String text : List.of("", ".", "1..2", "1,5", "abc", "1.2.3", "--1", "٣")) {
      assertThatThrownBy(() -> Double.parseDouble(text)).isInstanceOf(NumberFormatException.class);
      assertThatThrownBy(() -> PlainDecimals.parse(text)).as(text).isInstanceOf(NumberFormatException.class);
    }
  }

  @Test
  void plainMeansDigitsWithAtMostOnePointBetweenDigits() {
    assertThat(List.of("0", "12", "1.5", "0001.0100")).allMatch(PlainDecimals::isPlain);
    assertThat(List.of("", ".", "1.", ".5", "-1", "+1", "1e3", "1.5.5", " 1", "1d", "NaN", "٣"))
        .noneMatch(PlainDecimals::isPlain);
  }

  private static void assertSame(String text) {
    assertThat(Double.doubleToRawLongBits(PlainDecimals.parse(text)))
        .as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
  }
}

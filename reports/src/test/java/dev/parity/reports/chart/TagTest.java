package dev.parity.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TagTest {

  @Test
  void textAndAttributeValuesAreEscaped() {
    Tag tag = Tag.of("p").attr("title", "\"><script>alert(1)</script>").text("<b>&'\"</b>");

    assertThat(tag.toString()).isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
        + "&lt;b&gt;&amp;&#39;&quot;&lt;/b&gt;</p>");
  }

  @Test
  void voidElementsHaveNoEndTagAndOthersAlwaysHaveOne() {
    assertThat(Tag.of("meta").attr("charset", "utf-8").toString()).isEqualTo("<meta charset=\"utf-8\">");
    assertThat(Tag.of("line").attr("x1", 1.0).toString()).isEqualTo("<line x1=\"1\"></line>");
  }

  @Test
  void numbersHaveAtMostTwoDecimalsAndNoTrailingZeros() {
    assertThat(Tag.of("circle").attr("cx", 12.3456).attr("cy", 7.0).attr("r", -0.001).toString())
        .isEqualTo("<circle cx=\"12.35\" cy=\"7\" r=\"0\"></circle>");
  }

  @Test
  void numbersAreRoundedAsStringFormatRoundsThemThenTrimmed() {
    SplittableRandom random = new SplittableRandom(20250925);
    List<Double> values = new ArrayList<>(
        List.of(0.0, -0.0, -0.004, -0.005, 0.005, 1.005, 0.125, 99.995, -99.995, 100.0, 1e7, 123456789.125, 1e-5));
    for (int i = 0; i < 50_000; i++) {
      values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-3, 8)));
    }

    for (double value : values) {
      String formatted = String.format(Locale.ROOT, "%.2f", value);
      formatted = formatted.replaceAll("0+$", "").replaceAll("\\.$", "");
      assertThat(Tag.number(value)).as("%s", value).isEqualTo(formatted.equals("-0") ? "0" : formatted);
    }
  }

  @Test
  void aNullAttributeIsLeftOut() {
    assertThat(Tag.of("tr").attr("class", null).toString()).isEqualTo("<tr></tr>");
  }

  @Test
  void scriptsFramesAndEventHandlersCannotBeMade() {
    assertThatThrownBy(() -> Tag.of("script")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tag.of("SCRIPT")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tag.of("iframe")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tag.of("foreignObject")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tag.of("svg").attr("onload", "x()")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event handler");
  }

  @Test
  void linksPointOnlyWithinThePage() {
    assertThat(Tag.of("a").attr("href", "#methods").toString()).isEqualTo("<a href=\"#methods\"></a>");
    assertThatThrownBy(() -> Tag.of("a").attr("href", "https://example.com/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("links only within itself");
    assertThatThrownBy(() -> Tag.of("img").attr("src", "//cdn.example/x.png")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tag.of("a").attr("href", "javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesThatAreNotPlainNamesAreRefused() {
    assertThatThrownBy(() -> Tag.of("p onclick=x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tag.of("p").attr("a\"b", "x")).isInstanceOf(IllegalArgumentException.class);
    for (String name : new String[] {"", "1p", "-p", ":p", "p_x", "p.x", "p/", "h\u00e9", "\u00e9", "p\n"}) {
      assertThatThrownBy(() -> Tag.of(name)).as(name).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a plain element or attribute name");
      assertThatThrownBy(() -> Tag.of("span").attr(name, "x")).as(name).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Tag.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plainNamesAreTakenWithLettersDigitsColonsAndHyphens() {
    assertThat(Tag.of("span").attr("data-x1", "v").attr("xlink:href", "#a").toString())
        .isEqualTo("<span data-x1=\"v\" xlink:href=\"#a\"></span>");
    assertThat(Tag.of("H2").toString()).isEqualTo("<H2></H2>");
  }
}

package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static ReportInput input;
  static Report report;
  static String html;
  static Document page;

  @BeforeAll
  static void render() {
    input = SampleReports.input(false);
    report = Report.compute(input, ReportSettings.defaults().withResamples(1_000), Runnable::run);
    html = HtmlReport.render(report, input.judgments());
    page = Jsoup.parse(html);
  }

  @Test
  void thePageRunsNoScriptAndLoadsNothingFromOutside() {
    assertThat(html).doesNotContainIgnoringCase("<script");
    assertThat(page.select("script, iframe, object, embed, link, img, base")).isEmpty();
    assertThat(page.select("[href]")).isNotEmpty()
        .allSatisfy(link -> assertThat(link.attr("href")).startsWith("#"));
    assertThat(page.select("[src], [srcset], [action], [xlink:href], [poster], [data]")).isEmpty();
    assertThat(page.getAllElements()).allSatisfy(e -> e.attributes().forEach(a -> {
      assertThat(a.getKey()).doesNotStartWithIgnoringCase("on");
      assertThat(a.getValue()).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
          .doesNotContainIgnoringCase("javascript:");
    }));
    assertThat(html).doesNotContain("url(").doesNotContain("@import");
    Element csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]");
    assertThat(csp.attr("content")).startsWith("default-src 'none'");
  }

  @Test
  void userTextIsEscapedNotInterpreted() {
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain(SampleReports.HOSTILE_RATIONALE).doesNotContain("<b>x</b>");
    assertThat(page.select("blockquote").eachText()).contains(SampleReports.HOSTILE_RATIONALE);
    assertThat(page.text()).contains(SampleReports.HOSTILE_MODEL);
    assertThat(page.select("b")).isEmpty();
  }

  @Test
  void theSummaryComesFirstWithEachModelsHeadlineAndTheParityLine() {
    Element summary = page.selectFirst("section");
    assertThat(summary.id()).isEqualTo("summary");
    GroupResult a = report.group(Level.OVERALL, "All tasks", "model-a").orElseThrow();
    assertThat(summary.select("p.headline").first().text())
        .startsWith("model-a: score " + Text.wholePercent(a.score()) + " (95% interval " + Text.percentInterval(a.scoreCi()))
        .contains(a.verdict().words(), "GDPval-comparable win-or-tie rate " + Text.wholePercent(a.winOrTieRate()));
    assertThat(summary.select("svg line.reference")).isNotEmpty();
    assertThat(summary.text()).contains("Speed and cost", "Where models lead and trail");
  }

  @Test
  void everySectionIsThereAndSmallGroupsSayTheyAreTooFewToTell() {
    for (String id : new String[] {"summary", "sector", "occupation", "file_type", "task_length", "rubric",
        "agreement", "ratings", "time-horizon", "economics", "trend", "tasks", "notes", "methods", "provenance"}) {
      assertThat(page.getElementById(id)).as(id).isNotNull();
    }
    assertThat(page.getElementById("sector").select("tr.too-few").text()).contains("too few tasks to tell");
    assertThat(page.getElementById("trend").select("svg path.trend")).hasSize(1);
    assertThat(page.getElementById("methods").select("dt").eachText()).contains("score", "score_ci", "verdict", "too_few_to_tell", "win_or_tie_rate", "ci_wilson", "p_holm");
    assertThat(page.getElementById("provenance").text()).contains(report.provenance().suiteHash(), "run-1");
  }

  @Test
  void exampleDataCarriesABannerOnTopAndRealDataDoesNot() {
    assertThat(page.getElementById("example-data")).isNull();

    Report example = SampleReports.report(true);
    Document banner = Jsoup.parse(HtmlReport.render(example, java.util.List.of()));
    Element first = banner.body().child(2);
    assertThat(first.id()).isEqualTo("example-data");
    assertThat(first.text()).startsWith("Example data — not real results").contains("judgments.example.csv");
  }
}

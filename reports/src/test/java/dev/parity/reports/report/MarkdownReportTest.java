package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void textFromTheDataCannotBreakATableOrBecomeMarkup() {
    assertThat(MarkdownReport.md("a|b <script>\n*x*")).isEqualTo("a\\|b \\<script\\> \\*x\\*");
  }

  @Test
  void everyTableRowHasAsManyCellsAsItsHeaderEvenWithHostileNames() {
    String markdown = MarkdownReport.render(SampleReports.report(false));

    List<String> lines = Arrays.asList(markdown.split("\n"));
    int columns = -1;
    for (String line : lines) {
      if (!line.startsWith("|")) {
        columns = -1;
        continue;
      }
      int cells = line.replace("\\|", "").split("\\|", -1).length - 2;
      if (columns < 0) {
        columns = cells;
      }
      assertThat(cells).as(line).isEqualTo(columns);
    }
    String html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build()
        .render(Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(markdown));
    assertThat(html).doesNotContain("<script").doesNotContain("<b>").contains("model&lt;b&gt;x&lt;/b&gt;");
  }

  @Test
  void theSummaryAndEverySectionAreThereAndExampleDataSaysSoOnTop() {
    String markdown = MarkdownReport.render(SampleReports.report(true));

    assertThat(markdown).startsWith("# Parity report: sample 1.0.0\n\n> **Example data — not real results.**");
    assertThat(markdown).contains("## Summary", "## By sector", "## By occupation", "## By deliverable file type",
        "## By task length", "## Rubric scores", "## Agreement between graders", "## Ratings", "## Time horizon",
        "## Speed and cost", "## Trend by release date", "## Notes", "## Methods", "## Provenance");
    assertThat(markdown).contains("- **model-a**: score ", "GDPval-comparable win-or-tie rate");
  }
}

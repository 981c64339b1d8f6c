package dev.parity.graders.campaign;

import static dev.parity.documents.testing.SafeHtml.MEMO;
import static dev.parity.documents.testing.SafeHtml.safeBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.Rendering;
import dev.parity.graders.testing.TestFiles;
import dev.parity.harness.deliverable.DeliveredFile;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Files the harness builds render for graders as their Markdown source meant them (rendering itself: documents' RenderingTest). */
class BuiltFilesRenderTest {
  @Test
  void docxRendersHeadingsNestedListsTablesBoldAndLinks() {
    DeliveredFile docx = TestFiles.built(FileFormat.DOCX, "markdown", MEMO);
    Element body = safeBody(Documents.render(FileFormat.DOCX, docx.bytes()));

    assertThat(body.select("h1").text()).isEqualTo("Vendor review");
    assertThat(body.select("p strong").text()).isEqualTo("three vendors");
    assertThat(body.select("ul > li").eachText()).contains("Globex has the best support");
    assertThat(body.select("ul ul > li").text()).isEqualTo("by 12%");
    assertThat(body.select("tr").get(1).select("td").eachText()).containsExactly("Acme", "1,200");
    assertThat(body.text()).contains("the tender (https://example.org/tender)");
  }

  @Test
  void xlsxRendersEverySheetWithFormulaValuesAndCellAxes() {
    DeliveredFile xlsx = TestFiles.built(FileFormat.XLSX, "markdown", """
        ## Revenue
        | Month | Amount |
        |---|---|
        | Jan | 1,000 |
        | Total | =SUM(B2:B2) |

        ## Notes
        | Note |
        |---|
        | Checked <img src=x onerror=alert(1)> |
        """);
    Element body = safeBody(Documents.render(FileFormat.XLSX, xlsx.bytes()));

    assertThat(body.select("h2").eachText()).containsExactly("Sheet: Revenue", "Sheet: Notes");
    assertThat(body.select("section").get(0).select("td").eachText()).containsExactly("Month", "Amount", "Jan", "1,000", "Total", "1000");
    assertThat(body.select("th.axis").eachText()).contains("A", "B", "1", "2", "3");
    assertThat(body.select("section").get(1).text()).contains("Checked <img src=x onerror=alert(1)>");
  }

  @Test
  void pptxRendersSlideBySlideWithBulletsAndSpeakerNotes() {
    DeliveredFile pptx = TestFiles.built(FileFormat.PPTX, "outline", """
        # Vendor review
        March board

        ## Findings
        - Acme is cheapest
          - by 12%
        Notes: Start with cost.
        """);
    Element body = safeBody(Documents.render(FileFormat.PPTX, pptx.bytes()));

    assertThat(body.select("h2").eachText()).containsExactly("Slide 1", "Slide 2");
    assertThat(body.select("h3").eachText()).containsExactly("Vendor review", "Findings");
    assertThat(body.select("section").get(0).text()).contains("March board");
    assertThat(body.select("section").get(1).select("ul > li").first().ownText()).isEqualTo("Acme is cheapest");
    assertThat(body.select("section").get(1).select("ul ul li").text()).isEqualTo("by 12%");
    assertThat(body.select("aside.speaker-notes").text()).isEqualTo("Speaker notes Start with cost.");
  }

  @Test
  void pdfRendersTheTextOfEachPageAndAsksForTheOriginalBeside() {
    DeliveredFile pdf = TestFiles.built(FileFormat.PDF, "markdown", MEMO);
    Rendering rendering = Documents.render(FileFormat.PDF, pdf.bytes());
    Element body = safeBody(rendering);

    assertThat(body.select("h2").eachText()).containsExactly("Page 1 of 1");
    assertThat(body.select("pre").text()).contains("Vendor review", "Acme is cheapest", "1,200");
    assertThat(rendering.attachOriginal()).isTrue();
    assertThat(rendering.notes()).contains("this is the text of the PDF; the original PDF is attached separately for the browser's own viewer");
    assertThat(rendering.page("Deliverable B")).doesNotContain("<embed", "<object", "<iframe");
  }

  @Test
  void theSameContentLooksTheSameWhicheverFormatCarriedIt() {
    String md = safeBody(Documents.render(FileFormat.MD, MEMO.getBytes(StandardCharsets.UTF_8))).select("h1, li, td").outerHtml();
    String docx = safeBody(Documents.render(FileFormat.DOCX, TestFiles.built(FileFormat.DOCX, "markdown", MEMO).bytes())).select("h1, li, td").outerHtml();

    assertThat(docx).isEqualTo(md);
  }
}

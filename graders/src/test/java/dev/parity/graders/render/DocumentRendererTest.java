package dev.parity.graders.render;

import static dev.parity.graders.render.SafeHtml.assertSafeFragment;
import static dev.parity.graders.render.SafeHtml.assertSafePage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import dev.parity.graders.testing.TestFiles;
import dev.parity.harness.deliverable.DeliveredFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentRendererTest {
  private static final String MEMO = """
      # Vendor review

      We compared **three vendors**. See [the tender](https://example.org/tender).

      - Acme is cheapest
        - by 12%
      - Globex has the best support

      | Vendor | Cost |
      |---|---|
      | Acme | 1,200 |
      """;

  private static Element body(Rendering rendering) {
    assertThat(rendering.readable()).isTrue();
    assertSafeFragment(rendering.fragment());
    assertSafePage(rendering.page("Deliverable A"));
    return Jsoup.parseBodyFragment(rendering.fragment()).body();
  }

  private static Rendering render(FileFormat format, byte[] bytes) {
    return DocumentRenderer.render(format, bytes);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void markdownRendersHeadingsListsTablesAndShowsLinkAddressesAsText() {
    Element body = body(render(FileFormat.MD, utf8(MEMO)));

    assertThat(body.select("h1").text()).isEqualTo("Vendor review");
    assertThat(body.select("strong").text()).isEqualTo("three vendors");
    assertThat(body.select("ul > li").first().text()).startsWith("Acme is cheapest");
    assertThat(body.select("ul ul li").text()).isEqualTo("by 12%");
    assertThat(body.select("td").eachText()).containsExactly("Acme", "1,200");
    assertThat(body.text()).contains("the tender (https://example.org/tender)");
  }

  @Test
  void hostileMarkdownRendersAsHarmlessText() {
    String hostile = """
        # Report <script>alert('x')</script>

        <script>fetch('http://127.0.0.1:9/steal')</script>
        <iframe src="http://127.0.0.1:9/frame"></iframe>
        <img src="http://127.0.0.1:9/pixel.png" onerror="alert(1)">
        <div style="background:url(http://127.0.0.1:9/bg.png)" onclick="alert(2)">styled</div>
        <a href="javascript:alert(3)">raw link</a>

        [click me](javascript:alert(4)) and ![tracker](http://127.0.0.1:9/t.png)
        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)
        """;
    Rendering rendering = render(FileFormat.MD, utf8(hostile));
    Element body = body(rendering);

    assertThat(body.text()).contains("<script>alert('x')</script>", "click me", "[image: tracker — not loaded]");
    assertThat(body.select("img, iframe, script, a")).isEmpty();
    assertThat(rendering.notes()).contains("an image linked from outside the file was not loaded");
  }

  @Test
  void plainTextCsvAndJsonRenderAsTextTableAndIndentedJson() {
    assertThat(body(render(FileFormat.TXT, utf8("line <b>one</b>\nline two"))).select("pre").text())
        .isEqualTo("line <b>one</b>\nline two");
    Element csv = body(render(FileFormat.CSV, utf8("name,amount\n\"Acme, Inc.\",12\n")));
    assertThat(csv.select("th").eachText()).containsExactly("name", "amount");
    assertThat(csv.select("td").eachText()).containsExactly("Acme, Inc.", "12");
    assertThat(body(render(FileFormat.JSON, utf8("{\"a\":[1,2]}"))).select("pre").text()).contains("\"a\" : [ 1, 2 ]");
  }

  @Test
  void docxRendersHeadingsNestedListsTablesBoldAndLinks() {
    DeliveredFile docx = TestFiles.built(FileFormat.DOCX, "markdown", MEMO);
    Element body = body(render(FileFormat.DOCX, docx.bytes()));

    assertThat(body.select("h1").text()).isEqualTo("Vendor review");
    assertThat(body.select("p strong").text()).isEqualTo("three vendors");
    assertThat(body.select("ul > li").eachText()).contains("Globex has the best support");
    assertThat(body.select("ul ul > li").text()).isEqualTo("by 12%");
    assertThat(body.select("tr").get(1).select("td").eachText()).containsExactly("Acme", "1,200");
    assertThat(body.text()).contains("the tender (https://example.org/tender)");
  }

  @Test
  void hostileDocxNeverLoadsItsExternalPictureNorKeepsAScriptLink() throws IOException {
    byte[] docx;
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph p = doc.createParagraph();
      p.createRun().setText("Open ");
      XWPFHyperlinkRun link = p.createHyperlinkRun("javascript:alert(document.cookie)");
      link.setText("the dashboard");
      p.createRun().setText(" <script>alert(1)</script>");
      doc.createParagraph().createRun().addPicture(
          new java.io.ByteArrayInputStream(TestFiles.image("png")), Document.PICTURE_TYPE_PNG, "p.png", 100, 100);
      doc.write(out);
      docx = out.toByteArray();
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new AssertionError(e);
    }
    // Turn the embedded picture into one linked from a web server, as a hostile file would.
    byte[] hostile = TestFiles.rewriteEntry(docx, "word/document.xml", xml -> xml.replaceFirst("r:embed=\"rId\\d+\"", "r:link=\"rIdTrack\""));
    hostile = TestFiles.rewriteEntry(hostile, "word/_rels/document.xml.rels", rels -> rels.replace("</Relationships>",
        "<Relationship Id=\"rIdTrack\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\""
            + " Target=\"http://127.0.0.1:9/track.png\" TargetMode=\"External\"/></Relationships>"));

    Rendering rendering = render(FileFormat.DOCX, hostile);
    Element body = body(rendering);

    assertThat(body.text()).contains("Open the dashboard <script>alert(1)</script>", "[picture not loaded]");
    assertThat(body.text()).doesNotContain("javascript");
    assertThat(body.select("img")).isEmpty();
    assertThat(rendering.notes()).contains("a picture linked from outside the file was not loaded");
  }

  @Test
  void anEmbeddedDocxPictureIsShownInline() throws Exception {
    byte[] docx;
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().addPicture(
          new java.io.ByteArrayInputStream(TestFiles.image("png")), Document.PICTURE_TYPE_PNG, "p.png", 100, 100);
      doc.write(out);
      docx = out.toByteArray();
    }

    assertThat(body(render(FileFormat.DOCX, docx)).select("img").attr("src")).startsWith("data:image/png;base64,iVBOR");
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
    Element body = body(render(FileFormat.XLSX, xlsx.bytes()));

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
    Element body = body(render(FileFormat.PPTX, pptx.bytes()));

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
    Rendering rendering = render(FileFormat.PDF, pdf.bytes());
    Element body = body(rendering);

    assertThat(body.select("h2").eachText()).containsExactly("Page 1 of 1");
    assertThat(body.select("pre").text()).contains("Vendor review", "Acme is cheapest", "1,200");
    assertThat(rendering.attachOriginal()).isTrue();
    assertThat(rendering.notes()).contains(PdfRenderer.ORIGINAL_NOTE);
    assertThat(rendering.page("Deliverable B")).doesNotContain("<embed", "<object", "<iframe");
  }

  @Test
  void imagesRenderAsInlineDataUris() {
    assertThat(body(render(FileFormat.PNG, TestFiles.image("png"))).select("img").attr("src")).startsWith("data:image/png;base64,");
    assertThat(body(render(FileFormat.JPG, TestFiles.image("jpg"))).select("img").attr("src")).startsWith("data:image/jpeg;base64,");
  }

  @Test
  void aFileThatDoesNotOpenRendersAsAMessageNotAnException() {
    Rendering rendering = render(FileFormat.DOCX, utf8("not a zip"));

    assertThat(rendering.readable()).isFalse();
    assertThat(rendering.fragment()).contains("this docx file cannot be shown");
    assertSafeFragment(rendering.fragment());
    assertThat(DocumentRenderer.render("virus.exe", new byte[] {1}).readable()).isFalse();
  }

  @Test
  void theSameContentLooksTheSameWhicheverFormatCarriedIt() {
    String md = body(render(FileFormat.MD, utf8(MEMO))).select("h1, li, td").outerHtml();
    String docx = body(render(FileFormat.DOCX, TestFiles.built(FileFormat.DOCX, "markdown", MEMO).bytes())).select("h1, li, td").outerHtml();

    assertThat(docx).isEqualTo(md);
  }

  @Test
  void aFileOnDiskIsRenderedFromItsExtensionAndAMissingFileIsAClearError(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("notes.md"), "# Notes");

    assertThat(DocumentRenderer.render(file).fragment()).contains("<h1>Notes</h1>");
    assertThatThrownBy(() -> DocumentRenderer.render(dir.resolve("gone.md")))
        .isInstanceOf(UnableToRenderException.class).hasMessageContaining("gone.md");
  }

  @Test
  void thePageEscapesItsTitleAndUsesOnlyTheSharedStylesheet() {
    String page = render(FileFormat.MD, utf8("x")).page("A <b>title</b>");

    assertThat(page).contains("<title>A &lt;b&gt;title&lt;/b&gt;</title>").contains(Rendering.stylesheet());
    assertSafePage(page);
  }
}

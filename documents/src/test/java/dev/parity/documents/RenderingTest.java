package dev.parity.documents;

import static dev.parity.documents.testing.SafeHtml.assertSafeFragment;
import static dev.parity.documents.testing.SafeHtml.MEMO;
import static dev.parity.documents.testing.SafeHtml.assertSafePage;
import static dev.parity.documents.testing.SafeHtml.safeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.testing.TestBytes;
import dev.parity.documents.testing.TestDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingTest {
  private static Rendering render(FileFormat format, byte[] bytes) {
    return Documents.render(format, bytes);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void markdownRendersHeadingsListsTablesAndShowsLinkAddressesAsText() {
    Element body = safeBody(render(FileFormat.MD, utf8(MEMO)));

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
    Element body = safeBody(rendering);

    assertThat(body.text()).contains("<script>alert('x')</script>", "click me", "[image: tracker — not loaded]");
    assertThat(body.select("img, iframe, script, a")).isEmpty();
    assertThat(rendering.notes()).contains("an image linked from outside the file was not loaded");
  }

  @Test
  void plainTextCsvAndJsonRenderAsTextTableAndIndentedJson() {
    assertThat(safeBody(render(FileFormat.TXT, utf8("line <b>one</b>\nline two"))).select("pre").text())
        .isEqualTo("line <b>one</b>\nline two");
    Element csv = safeBody(render(FileFormat.CSV, utf8("name,amount\n\"Acme, Inc.\",12\n")));
    assertThat(csv.select("th").eachText()).containsExactly("name", "amount");
    assertThat(csv.select("td").eachText()).containsExactly("Acme, Inc.", "12");
    assertThat(safeBody(render(FileFormat.JSON, utf8("{\"a\":[1,2]}"))).select("pre").text()).contains("\"a\" : [ 1, 2 ]");
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
          new java.io.ByteArrayInputStream(TestBytes.image("png")), Document.PICTURE_TYPE_PNG, "p.png", 100, 100);
      doc.write(out);
      docx = out.toByteArray();
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new AssertionError(e);
    }
    // Turn the embedded picture into one linked from a web server, as a hostile file would.
    byte[] hostile = TestBytes.rewriteEntry(docx, "word/document.xml", xml -> xml.replaceFirst("r:embed=\"rId\\d+\"", "r:link=\"rIdTrack\""));
    hostile = TestBytes.rewriteEntry(hostile, "word/_rels/document.xml.rels", rels -> rels.replace("</Relationships>",
        "<Relationship Id=\"rIdTrack\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\""
            + " Target=\"http://127.0.0.1:9/track.png\" TargetMode=\"External\"/></Relationships>"));

    Rendering rendering = render(FileFormat.DOCX, hostile);
    Element body = safeBody(rendering);

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
          new java.io.ByteArrayInputStream(TestBytes.image("png")), Document.PICTURE_TYPE_PNG, "p.png", 100, 100);
      doc.write(out);
      docx = out.toByteArray();
    }

    assertThat(safeBody(render(FileFormat.DOCX, docx)).select("img").attr("src")).startsWith("data:image/png;base64,iVBOR");
  }

  @Test
  void imagesRenderAsInlineDataUris() {
    assertThat(safeBody(render(FileFormat.PNG, TestBytes.image("png"))).select("img").attr("src")).startsWith("data:image/png;base64,");
    assertThat(safeBody(render(FileFormat.JPG, TestBytes.image("jpg"))).select("img").attr("src")).startsWith("data:image/jpeg;base64,");
  }

  @Test
  void aFileThatDoesNotOpenRendersAsAMessageNotAnException() {
    Rendering rendering = render(FileFormat.DOCX, utf8("not a zip"));

    assertThat(rendering.readable()).isFalse();
    assertThat(rendering.fragment()).contains("this docx file cannot be shown");
    assertSafeFragment(rendering.fragment());
    assertThat(Documents.render("virus.exe", new byte[] {1}).readable()).isFalse();
  }

  @Test
  void aFileOnDiskIsRenderedFromItsExtensionAndAMissingFileIsAClearError(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("notes.md"), "# Notes");

    assertThat(Documents.render(file).fragment()).contains("<h1>Notes</h1>");
    assertThatThrownBy(() -> Documents.render(dir.resolve("gone.md")))
        .isInstanceOf(UnableToRenderException.class).hasMessageContaining("gone.md");
  }

  @Test
  void thePageEscapesItsTitleAndUsesOnlyTheSharedStylesheet() {
    String page = render(FileFormat.MD, utf8("x")).page("A <b>title</b>");

    assertThat(page).contains("<title>A &lt;b&gt;title&lt;/b&gt;</title>").contains(Rendering.stylesheet());
    assertSafePage(page);
  }

  @Test
  void aWorkbookShowsEachFormulaCellsFormulaBesideItsValue(@TempDir Path dir) throws IOException {
    Element body = safeBody(Documents.render(TestDocuments.xlsx(dir)));

    Element total = body.selectFirst("td.formula");
    assertThat(total.text()).isEqualTo("5000.5");
    assertThat(total.attr("title")).isEqualTo("=SUM(B2:B3)");
    assertThat(body.select("td.formula")).hasSize(1);
    Element formulas = body.selectFirst("details.formulas");
    assertThat(formulas.selectFirst("summary").text()).isEqualTo("Formulas on sheet Actuals (1)");
    assertThat(formulas.select("tr").get(1).select("td").eachText()).containsExactly("B4", "=SUM(B2:B3)", "5000.5");
    assertThat(Rendering.stylesheet()).contains("td.formula::before");
  }
}

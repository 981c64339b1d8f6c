package dev.parity.harness.deliverable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The properties that make built files valid and neutral, read back from the files' own bytes. */
class BuiltFilesTest {
  static final String TABLE_MEMO = """
      # Checklist

      | Item | Owner | Done |
      |------|-------|------|
      | Contract | Legal | ✓ |
      | 合同 | 法务部 | ✓ |

      Sign-off → Friday.
      """;

  static DeliveredFile build(String name, String content, FileFormat format) {
    String answer = "<<<FILE name=\"" + name + "\">>>\n" + content + "\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(format));
    assertThat(result.findings()).isEmpty();
    return result.files().stream().filter(f -> f.format() == format).findFirst().orElseThrow();
  }

  @Test
  void docxTablesHaveTheGridTheSchemaRequires() throws IOException {
    DeliveredFile file = build("memo.docx", TABLE_MEMO, FileFormat.DOCX);

    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.bytes()))) {
      XWPFTable table = doc.getTables().get(0);
      assertThat(table.getCTTbl().getTblGrid()).isNotNull();
      assertThat(table.getCTTbl().getTblGrid().sizeOfGridColArray()).isEqualTo(3);
      assertThat(table.getCTTbl().getTblGrid().getGridColArray(0).getW()).isNotNull();
      assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("法务部");
      assertNeutral(doc);
    }
  }

  @Test
  void pdfEmbedsSubsetsOfUnicodeFontsForSymbolsAndCjk() throws IOException {
    DeliveredFile file = build("memo.pdf", TABLE_MEMO, FileFormat.PDF);

    try (PDDocument pdf = Loader.loadPDF(file.bytes())) {
      List<String> embedded = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          if (font instanceof PDType0Font type0 && type0.getDescendantFont().isEmbedded()) {
            embedded.add(font.getName());
          }
        }
      }
      // A subset's name starts with six capitals and a plus: ABCDEF+DejaVuSans.
      assertThat(embedded).anyMatch(n -> n.matches("[A-Z]{6}\\+DejaVuSans"));
      assertThat(embedded).anyMatch(n -> n.matches("[A-Z]{6}\\+DroidSansFallback.*"));
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("✓", "合同", "法务部", "→").doesNotContain("#");
    }
  }

  @Test
  void pdfNamesTheCharactersNoFontCanShow() {
    String answer = "<<<FILE name=\"launch.pdf\">>>\nLaunch 🚀 today ✓ 🚀\n<<<END FILE>>>";

    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(FileFormat.PDF));

    assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("launch.pdf");
    assertThat(result.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Finding.Kind.MISSING_GLYPHS);
      assertThat(f.file()).isEqualTo("launch.pdf");
      assertThat(f.message()).isEqualTo("pdf file launch.pdf cannot show 1 character, printed as #: 🚀 (U+1F680)");
    });
  }

  @Test
  void decksAreSixteenByNineWithNeutralProperties() throws IOException {
    DeliveredFile file = build("deck.pptx", "# Review\nQ3\n\n## Findings\n- Acme is cheapest\n", FileFormat.PPTX);

    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(file.bytes()))) {
      assertThat(deck.getPageSize()).isEqualTo(new Dimension(960, 540));
      for (XSLFSlide slide : deck.getSlides()) {
        for (XSLFShape shape : slide.getShapes()) {
          // Placeholders fill the wide page instead of keeping the 4:3 template's 720 points.
          assertThat(shape.getAnchor().getMaxX()).isGreaterThan(800).isLessThanOrEqualTo(960);
        }
      }
      assertNeutral(deck);
      assertThat(deck.getProperties().getExtendedProperties().getUnderlyingProperties().getPresentationFormat())
          .isEqualTo("On-screen Show (16:9)");
    }
    assertThat(entry(file, "docProps/app.xml")).doesNotContain("Microsoft");
    assertThat(entry(file, "docProps/core.xml")).doesNotContain("dcterms:created", "dcterms:modified", "2006-08-16");
    assertThat(entry(file, "docProps/thumbnail.jpeg")).isNull();
  }

  @Test
  void workbooksHaveANamedDefaultStyle() throws IOException {
    DeliveredFile file = build("budget.xlsx", "Item,Cost\nRent,1200\nTotal,=SUM(B2:B2)\n", FileFormat.XLSX);

    String styles = entry(file, "xl/styles.xml");
    assertThat(styles).contains("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
    // The schema's order: the formats, fonts, fills, borders and cell formats come before the named styles.
    assertThat(styles.indexOf("<cellXfs")).isGreaterThan(styles.indexOf("<borders")).isLessThan(styles.indexOf("<cellStyles"));
    assertThat(styles).contains("<fonts", "<fills", "<cellStyleXfs");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
      assertThat(workbook.getSheetAt(0).getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1200);
      assertNeutral(workbook);
    }
  }

  private static void assertNeutral(POIXMLDocument document) {
    POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
    assertThat(core.getCreator()).isNull();
    assertThat(core.getLastModifiedByUser()).isNull();
    assertThat(core.getCreated()).isNull();
    assertThat(core.getModified()).isNull();
    POIXMLProperties.ExtendedProperties extended = document.getProperties().getExtendedProperties();
    assertThat(extended.getApplication()).isEqualTo("Parity");
    assertThat(extended.getAppVersion()).isNull();
    assertThat(extended.getCompany()).isNull();
  }

  /** The text of one zip entry of {@code file}, or null when it has none. */
  static String entry(DeliveredFile file, String name) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file.bytes()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }
}

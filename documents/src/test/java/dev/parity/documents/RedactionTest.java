package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redacting the planted vetting corpus (src/test/resources/vetting-corpus) with its manifest's
 * planted values as the findings: no planted value survives anywhere in any file, read raw (every
 * zip part, tags removed or not, percent-decoded; every PDF string and decoded stream; the JPEG's
 * bytes), and the Office files still open in POI and LibreOffice.
 */
class RedactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode manifest;
  private static Replacements replacements;
  private static final Map<String, RedactedFile> REDACTED = new LinkedHashMap<>();

  @BeforeAll
  static void redactTheCorpus() throws IOException {
    manifest = JSON.readTree(corpus("manifest.json"));
    List<Replacements.Target> targets = new ArrayList<>();
    manifest.get("planted").forEach(item -> targets.add(
        new Replacements.Target(item.get("kind").asText(), item.get("value").asText())));
    replacements = Replacements.of(targets);
    for (var files = manifest.get("files").fieldNames(); files.hasNext(); ) {
      String name = files.next();
      REDACTED.put(name, Documents.redact(FileFormat.ofFileName(name).orElseThrow(), corpus(name), replacements));
    }
  }

  @Test
  void noPlantedValueSurvivesInAnyPartOfAnyFile() throws IOException {
    List<String> survivors = new ArrayList<>();
    for (Map.Entry<String, RedactedFile> file : REDACTED.entrySet()) {
      List<String> views = views(file.getKey(), file.getValue().bytes());
      for (JsonNode item : manifest.get("planted")) {
        if (item.get("kind").asText().equals("gps_location")) {
          continue; // not text: EXIF rationals; the metadata check below covers it
        }
        String value = normal(item.get("value").asText());
        if (views.stream().anyMatch(view -> view.contains(value))) {
          survivors.add(item.get("id").asText() + " " + item.get("value").asText() + " in " + file.getKey());
        }
      }
    }
    assertThat(survivors).isEmpty();
    assertThat(ImageMetadata.inspect(REDACTED.get("site-photo.jpg").bytes()).entries()).isEmpty();
  }

  /** The check above means something only if it sees every planted value in the files as planted. */
  @Test
  void theSameReadingFindsEveryPlantedValueInTheOriginalFiles() throws IOException {
    List<String> unseen = new ArrayList<>();
    for (JsonNode item : manifest.get("planted")) {
      String file = item.get("file").asText();
      if (!item.get("kind").asText().equals("gps_location")
          && views(file, corpus(file)).stream().noneMatch(v -> v.contains(normal(item.get("value").asText())))) {
        unseen.add(item.get("id").asText());
      }
    }
    assertThat(unseen).isEmpty();
  }

  @Test
  void aValueSplitAcrossWordRunsIsReplacedOnceInTheFirstRun() throws IOException {
    String xml = part(REDACTED.get("client-memo.docx").bytes(), "word/document.xml");
    String placeholder = replacements.placeholder("email", "dana.whitlock@harborline-legal.com").orElseThrow();

    assertThat(xml).contains("<w:t xml:space=\"preserve\">" + placeholder + "</w:t>")
        .contains("<w:t xml:space=\"preserve\"> today.</w:t>")
        .doesNotContain("dana.whit").doesNotContain("lock@harborline");
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(REDACTED.get("client-memo.docx").bytes()))) {
      assertThat(document.getParagraphs()).extracting(p -> p.getText())
          .contains("Send the signed copy to " + placeholder + " today.");
    }
  }

  @Test
  void aTrackedDeletionKeepsItsPlaceWithThePlaceholder() throws IOException {
    String xml = part(REDACTED.get("client-memo.docx").bytes(), "word/document.xml");

    assertThat(xml).contains("<w:delText xml:space=\"preserve\">SSN "
        + replacements.placeholder("us_ssn", "512-48-7731").orElseThrow() + " and </w:delText>");
  }

  @Test
  void oneValueGetsOnePlaceholderInEveryFile() {
    String placeholder = replacements.placeholder("phone", "+1 (312) 846-2291").orElseThrow();

    assertThat(placeholder).matches("\\[PHONE-\\d+]");
    for (String name : List.of("client-memo.docx", "board-update.pptx", "handover.md")) {
      assertThat(REDACTED.get(name).changes()).as(name)
          .anyMatch(c -> c.kind().equals("phone") && c.placeholder().equals(placeholder));
    }
  }

  @Test
  void aPdfPageWithAValueIsRasterisedAndTheChangeListSaysItsTextIsLost() throws IOException {
    RedactedFile pdf = REDACTED.get("signed-engagement.pdf");

    assertThat(pdf.changes()).anyMatch(c -> c.place().startsWith("page ") && c.note().contains("text layer is lost"))
        .anyMatch(c -> c.place().startsWith("form field") && c.kind().equals("iban"))
        .anyMatch(c -> c.place().startsWith("annotation on page") && c.kind().equals("phone"))
        .anyMatch(c -> c.place().equals("bookmark") && c.kind().equals("date_of_birth"));
    try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
      assertThat(document.getNumberOfPages()).isEqualTo(numberOfPages(corpus("signed-engagement.pdf")));
    }
  }

  @Test
  void redactedOfficeFilesOpenInPoiAndLibreOffice() throws IOException {
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(REDACTED.get("client-memo.docx").bytes()));
        XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(REDACTED.get("payroll-extract.xlsx").bytes()));
        XMLSlideShow pptx = new XMLSlideShow(new ByteArrayInputStream(REDACTED.get("board-update.pptx").bytes()))) {
      assertThat(docx.getParagraphs()).isNotEmpty();
      assertThat(xlsx.getNumberOfSheets()).isGreaterThan(1);
      assertThat(pptx.getSlides()).isNotEmpty();
    }
    // The limit per conversion comes from PARITY_OFFICE_TIMEOUT, set long for the tests in the pom.
    OfficeSettings settings = OfficeSettings.defaults(Path.of("/usr/bin/soffice")).withMaxConcurrent(1);
    try (OfficeConverter office = new OfficeConverter(settings, OfficeConverter.WAIT)) {
      for (String name : List.of("client-memo.docx", "payroll-extract.xlsx", "board-update.pptx")) {
        byte[] pdf = office.toPdf(FileFormat.ofFileName(name).orElseThrow(), REDACTED.get(name).bytes());
        assertThat(numberOfPages(pdf)).as(name).isPositive();
      }
    }
  }

  private static int numberOfPages(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }

  /** Every way a value could still be read from the file, normalised. */
  private static List<String> views(String name, byte[] bytes) throws IOException {
    List<String> views = new ArrayList<>();
    if (name.endsWith(".docx") || name.endsWith(".xlsx") || name.endsWith(".pptx")) {
      zipViews(bytes, views);
    } else if (name.endsWith(".pdf")) {
      pdfViews(bytes, views);
    } else {
      views.add(new String(bytes, StandardCharsets.UTF_8));
      views.add(new String(bytes, StandardCharsets.ISO_8859_1));
    }
    return views.stream().map(RedactionTest::normal).toList();
  }

  private static void zipViews(byte[] bytes, List<String> views) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        byte[] content = zip.readAllBytes();
        if (content.length > 4 && content[0] == 'P' && content[1] == 'K') {
          zipViews(content, views);
          continue;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        views.add(unescape(text));
        views.add(unescape(text.replaceAll("<[^>]*>", "")));
        views.add(URLDecoder.decode(unescape(text).replace("+", "%2B").replaceAll("%(?![0-9A-Fa-f]{2})", "%25"),
            StandardCharsets.UTF_8));
      }
    }
  }

  private static void pdfViews(byte[] bytes, List<String> views) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      views.add(new PDFTextStripper().getText(document));
      StringBuilder strings = new StringBuilder();
      Set<COSBase> seen = new HashSet<>();
      for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
        COSObject object = document.getDocument().getObjectFromPool(key);
        collect(object.getObject(), strings, seen, views);
      }
      collect(document.getDocument().getTrailer(), strings, seen, views);
      views.add(strings.toString());
    }
  }

  private static void collect(COSBase base, StringBuilder strings, Set<COSBase> seen, List<String> views)
      throws IOException {
    if (base == null || !seen.add(base)) {
      return;
    }
    if (base instanceof COSObject object) {
      collect(object.getObject(), strings, seen, views);
    } else if (base instanceof COSString string) {
      strings.append(string.getString()).append('\n');
    } else if (base instanceof COSName cosName) {
      strings.append(cosName.getName()).append('\n');
    } else if (base instanceof COSArray array) {
      for (COSBase item : array) {
        collect(item, strings, seen, views);
      }
    } else if (base instanceof COSDictionary dictionary) {
      for (COSBase value : dictionary.getValues()) {
        collect(value, strings, seen, views);
      }
      if (dictionary instanceof COSStream stream && !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
        try (InputStream in = stream.createInputStream()) {
          byte[] decoded = in.readAllBytes();
          views.add(new String(decoded, StandardCharsets.ISO_8859_1));
          views.add(new String(decoded, StandardCharsets.UTF_8));
        }
      }
    }
  }

  private static String part(byte[] bytes, String name) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(name + " not in the package");
  }

  private static String unescape(String xml) {
    StringBuilder out = new StringBuilder(xml.length());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(xml);
    int at = 0;
    while (m.find()) {
      out.append(xml, at, m.start());
      String e = m.group(1);
      out.append(switch (e) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16)
            : Integer.parseInt(e.substring(1))));
      });
      at = m.end();
    }
    return out.append(xml, at, xml.length()).toString();
  }

  private static String normal(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static byte[] corpus(String name) throws IOException {
    try (InputStream in = RedactionTest.class.getResourceAsStream("/vetting-corpus/" + name)) {
      if (in == null) {
        throw new IOException("no corpus file " + name);
      }
      return in.readAllBytes();
    }
  }
}

package dev.parity.documents.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;

/**
 * Files carrying who made them, as a professional's office files do: author Jane Doe of Initech,
 * made with Microsoft Office, reviewed, with comments and tracked changes; a photo with EXIF.
 */
public final class IdentifyingFiles {
  public static final String AUTHOR = "Jane Doe";
  public static final String COMPANY = "Initech LLC";
  public static final String CONTENT = "Quarterly numbers";
  private static final Calendar WHEN = new GregorianCalendar(2024, Calendar.MARCH, 5, 14, 30);

  static {
    WHEN.setTimeZone(TimeZone.getTimeZone("America/Chicago"));
  }

  private IdentifyingFiles() {}

  private static void props(POIXMLProperties props) {
    POIXMLProperties.CoreProperties core = props.getCoreProperties();
    core.setCreator(AUTHOR);
    core.setLastModifiedByUser(AUTHOR);
    core.setCreated(Optional.of(WHEN.getTime()));
    core.setModified(Optional.of(WHEN.getTime()));
    core.setRevision("7");
    var extended = props.getExtendedProperties().getUnderlyingProperties();
    extended.setCompany(COMPANY);
    extended.setManager("Bill Lumbergh");
    extended.setApplication("Microsoft Office Word");
    extended.setAppVersion("16.0000");
    extended.setTemplate("Normal.dotm");
    extended.setTotalTime(312);
    props.getCustomProperties().addProperty("ReviewedBy", AUTHOR);
  }

  public static byte[] docx() throws IOException {
    byte[] plain;
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      props(doc.getProperties());
      XWPFParagraph p = doc.createParagraph();
      p.createRun().setText(CONTENT);
      CTRunTrackChange insertion = p.getCTP().addNewIns();
      insertion.setId(BigInteger.TEN);
      insertion.setAuthor(AUTHOR);
      insertion.setDate(WHEN);
      insertion.addNewR().addNewT().setStringValue(" rose 4%");
      XWPFComments comments = doc.createComments();
      XWPFComment comment = comments.createComment(BigInteger.ONE);
      comment.setAuthor(AUTHOR);
      comment.setInitials("JD");
      comment.createParagraph().createRun().setText("Check with finance");
      doc.write(out);
      plain = out.toByteArray();
    }
    // Parts Word writes and POI does not: the co-authors list and the attached template's path.
    byte[] withPeople = TestBytes.withEntry(plain, "word/people.xml",
        "<w15:people xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\"><w15:person w15:author=\""
            + AUTHOR + "\"><w15:presenceInfo w15:providerId=\"AD\" w15:userId=\"S::jane.doe@initech.example\"/>"
            + "</w15:person></w15:people>");
    return TestBytes.withEntry(withPeople, "word/_rels/settings.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\""
            + " Target=\"file:///C:/Users/jdoe/AppData/Roaming/Microsoft/Templates/Initech.dotm\" TargetMode=\"External\"/>"
            + "</Relationships>");
  }

  public static byte[] xlsx() throws IOException {
    byte[] plain;
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      props(workbook.getProperties());
      XSSFSheet sheet = workbook.createSheet("Sheet1");
      XSSFCell cell = sheet.createRow(0).createCell(0);
      cell.setCellValue(CONTENT);
      Drawing<?> drawing = sheet.createDrawingPatriarch();
      ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
      Comment comment = drawing.createCellComment(anchor);
      comment.setAuthor(AUTHOR);
      comment.setString(new XSSFRichTextString("Looks right"));
      cell.setCellComment(comment);
      workbook.write(out);
      plain = out.toByteArray();
    }
    // Excel records the folder a workbook was saved from; POI cannot write it, so add it as Excel does.
    return TestBytes.rewriteEntry(plain, "xl/workbook.xml", xml -> xml.replaceFirst("(<workbook[^>]*>)",
        "$1<x15ac:absPath xmlns:x15ac=\"http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac\""
            + " url=\"C:\\\\Users\\\\jdoe\\\\Initech\\\\\"/>"));
  }

  public static byte[] pptx() throws IOException {
    byte[] plain;
    try (XMLSlideShow deck = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      props(deck.getProperties());
      XSLFTextBox box = deck.createSlide().createTextBox();
      box.setText(CONTENT);
      deck.write(out);
      plain = out.toByteArray();
    }
    // PowerPoint's list of comment authors, which POI does not write.
    return TestBytes.withEntry(plain, "ppt/commentAuthors.xml",
        "<p:cmAuthorLst xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\">"
            + "<p:cmAuthor id=\"1\" name=\"" + AUTHOR + "\" initials=\"JD\" lastIdx=\"2\" clrIdx=\"0\"/></p:cmAuthorLst>");
  }

  public static byte[] pdf() throws IOException {
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      TestBytes.textPage(pdf, CONTENT);
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setAuthor(AUTHOR);
      info.setCreator("Microsoft Word for Microsoft 365");
      info.setProducer("Microsoft Word for Microsoft 365");
      info.setCreationDate(WHEN);
      info.setCustomMetadataValue("Company", COMPANY);
      PDMetadata xmp = new PDMetadata(pdf);
      xmp.importXMPMetadata(("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
          + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
          + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">"
          + "<dc:creator><rdf:Seq><rdf:li>" + AUTHOR + "</rdf:li></rdf:Seq></dc:creator>"
          + "<xmp:CreatorTool>Microsoft Word for Microsoft 365</xmp:CreatorTool>"
          + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>").getBytes(StandardCharsets.UTF_8));
      pdf.getDocumentCatalog().setMetadata(xmp);
      pdf.save(out);
      return out.toByteArray();
    }
  }

  /** A JPEG with an EXIF block (artist, camera, software) and a comment, as a phone or editor writes. */
  public static byte[] jpeg() {
    byte[] plain = TestBytes.image("jpg");
    byte[] exif = exif(new String[][] {{"010F", "Canon"}, {"0131", "Adobe Photoshop 25.0"}, {"013B", AUTHOR}});
    byte[] comment = ("Edited for " + COMPANY).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 2);
    segment(out, 0xE1, exif);
    segment(out, 0xFE, comment);
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /** A PNG with text chunks naming its author and the software. */
  public static byte[] png() {
    byte[] plain = TestBytes.image("png");
    int afterHeader = 8 + 4 + 4 + 13 + 4;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, afterHeader);
    chunk(out, "tEXt", ("Author\0" + AUTHOR).getBytes(StandardCharsets.ISO_8859_1));
    chunk(out, "tEXt", "Software\0Adobe ImageReady".getBytes(StandardCharsets.ISO_8859_1));
    out.write(plain, afterHeader, plain.length - afterHeader);
    return out.toByteArray();
  }

  public static BufferedImage pixels(byte[] image) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(image));
  }

  private static byte[] exif(String[][] asciiTags) {
    ByteBuffer tiff = ByteBuffer.allocate(512);
    tiff.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
    tiff.putShort((short) asciiTags.length);
    int dataOffset = 8 + 2 + asciiTags.length * 12 + 4;
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (String[] tag : asciiTags) {
      byte[] value = (tag[1] + "\0").getBytes(StandardCharsets.ISO_8859_1);
      tiff.putShort((short) Integer.parseInt(tag[0], 16)).putShort((short) 2).putInt(value.length).putInt(dataOffset + data.size());
      data.writeBytes(value);
    }
    tiff.putInt(0).put(data.toByteArray());
    ByteArrayOutputStream exif = new ByteArrayOutputStream();
    exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    exif.write(tiff.array(), 0, tiff.position());
    return exif.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
    out.write(0xFF);
    out.write(marker);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xFF);
    out.writeBytes(payload);
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}

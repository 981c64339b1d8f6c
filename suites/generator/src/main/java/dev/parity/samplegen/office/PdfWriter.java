package dev.parity.samplegen.office;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a {@link Doc} as a PDF on US Letter paper with the standard Helvetica fonts: wrapped
 * paragraphs, lists with hanging indents, tables that break across pages with their header
 * repeated, and a footer with the title and page numbers. Text must be encodable in
 * WinAnsiEncoding (Latin-1 plus typographic quotes, dashes and the bullet); anything else is
 * refused with the offending text named. The output is byte-for-byte reproducible.
 */
public final class PdfWriter {
  private static final float PAGE_WIDTH = PDRectangle.LETTER.getWidth();
  private static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();
  private static final float MARGIN = 54;
  private static final float TOP = PAGE_HEIGHT - 58;
  private static final float BOTTOM = 64;
  private static final float TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
  private static final float BODY = 10.5f;
  private static final float CELL = 9f;
  private static final float CELL_PADDING = 4;
  private static final Color ACCENT = new Color(0x1F, 0x38, 0x64);
  private static final Color GREY = new Color(0x59, 0x59, 0x59);
  private static final Color HEADER_FILL = new Color(0xD9, 0xE2, 0xF3);
  private static final Color TOTAL_FILL = new Color(0xF2, 0xF2, 0xF2);
  private static final Color RULE = new Color(0x80, 0x80, 0x80);

  private final PDDocument document = new PDDocument();
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream page;
  private float y;

  private PdfWriter() {}

  /** The document as PDF bytes. */
  public static byte[] write(Doc doc) {
    return new PdfWriter().render(doc);
  }

  private byte[] render(Doc doc) {
    try (PDDocument d = document) {
      newPage();
      title(doc.title());
      for (Doc.Block block : doc.blocks()) {
        block(block);
      }
      page.close();
      footers(doc.title());
      properties(doc);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      d.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the PDF " + doc.title(), e);
    }
  }

  private void block(Doc.Block block) throws IOException {
    if (block instanceof Doc.Heading h) {
      heading(h);
    } else if (block instanceof Doc.Paragraph p) {
      float size = p.small() ? 8.5f : BODY;
      text(p.text(), MARGIN, TEXT_WIDTH, size, p.small() ? GREY : Color.BLACK);
      y -= size * 0.6f;
    } else if (block instanceof Doc.ListBlock l) {
      list(l);
    } else if (block instanceof Doc.Table t) {
      table(t);
    } else {
      page.close();
      newPage();
    }
  }

  private void title(String title) throws IOException {
    List<Line> lines = wrap(Inline.parse("**" + title + "**"), TEXT_WIDTH, 19);
    for (Line line : lines) {
      y -= 19 * 1.2f;
      draw(line, MARGIN, y, 19, ACCENT);
    }
    y -= 8;
    page.setStrokingColor(ACCENT);
    page.setLineWidth(1.2f);
    page.moveTo(MARGIN, y);
    page.lineTo(PAGE_WIDTH - MARGIN, y);
    page.stroke();
    y -= 14;
  }

  private void heading(Doc.Heading heading) throws IOException {
    float size = heading.level() == 1 ? 14 : heading.level() == 2 ? 12 : 10.5f;
    float before = heading.level() == 1 ? 12 : 8;
    // Keep the heading with at least three lines of what follows.
    ensure(before + size * 1.3f + 3 * BODY * 1.35f);
    y -= before;
    text("**" + Inline.plain(heading.text()) + "**", MARGIN, TEXT_WIDTH, size, ACCENT);
    y -= 3;
  }

  private void list(Doc.ListBlock list) throws IOException {
    for (int i = 0; i < list.items().size(); i++) {
      String marker = list.numbered() ? (i + 1) + "." : "\u2022";
      List<Line> lines = wrap(Inline.parse(list.items().get(i)), TEXT_WIDTH - 16, BODY);
      ensure(BODY * 1.35f);
      float markerY = y - BODY * 1.35f;
      page.beginText();
      page.setFont(regular, BODY);
      page.setNonStrokingColor(Color.BLACK);
      page.newLineAtOffset(MARGIN + 2, markerY);
      page.showText(marker);
      page.endText();
      lines(lines, MARGIN + 16, BODY, Color.BLACK);
      y -= 2.5f;
    }
    y -= BODY * 0.4f;
  }

  private void table(Doc.Table table) throws IOException {
    double[] shares = ColumnWidths.of(table, TEXT_WIDTH / (CELL * 0.5f));
    float[] widths = new float[shares.length];
    for (int c = 0; c < shares.length; c++) {
      widths[c] = (float) (shares[c] * TEXT_WIDTH);
    }
    row(table, table.header(), widths, true, HEADER_FILL);
    for (int r = 0; r < table.rows().size(); r++) {
      boolean total = table.totalRow() && r == table.rows().size() - 1;
      List<List<Line>> cells = cells(table.rows().get(r), widths, total);
      if (y - height(cells) < BOTTOM) {
        page.close();
        newPage();
        row(table, table.header(), widths, true, HEADER_FILL);
      }
      drawRow(table, cells, widths, total ? TOTAL_FILL : null);
    }
    y -= BODY * 0.9f;
  }

  private void row(Doc.Table table, List<String> texts, float[] widths, boolean bold, Color fill) throws IOException {
    List<List<Line>> cells = cells(texts, widths, bold);
    // A header needs room for itself and the first row under it.
    ensure(height(cells) + CELL * 1.3f * 2 + 2 * CELL_PADDING);
    drawRow(table, cells, widths, fill);
  }

  private List<List<Line>> cells(List<String> texts, float[] widths, boolean bold) throws IOException {
    List<List<Line>> cells = new ArrayList<>();
    for (int c = 0; c < texts.size(); c++) {
      String text = bold && !texts.get(c).isEmpty() ? "**" + Inline.plain(texts.get(c)) + "**" : texts.get(c);
      cells.add(text.isEmpty() ? List.of() : wrap(Inline.parse(text), widths[c] - 2 * CELL_PADDING, CELL));
    }
    return cells;
  }

  private static float height(List<List<Line>> cells) {
    int lines = cells.stream().mapToInt(List::size).max().orElse(1);
    return Math.max(1, lines) * CELL * 1.3f + 2 * CELL_PADDING;
  }

  private void drawRow(Doc.Table table, List<List<Line>> cells, float[] widths, Color fill) throws IOException {
    float height = height(cells);
    float x = MARGIN;
    for (int c = 0; c < cells.size(); c++) {
      if (fill != null) {
        page.setNonStrokingColor(fill);
        page.addRect(x, y - height, widths[c], height);
        page.fill();
      }
      page.setStrokingColor(RULE);
      page.setLineWidth(0.5f);
      page.addRect(x, y - height, widths[c], height);
      page.stroke();
      float lineY = y - CELL_PADDING;
      for (Line line : cells.get(c)) {
        lineY -= CELL * 1.3f;
        float lineX = table.isNumeric(c) ? x + widths[c] - CELL_PADDING - line.width() : x + CELL_PADDING;
        draw(line, lineX, lineY + CELL * 0.3f, CELL, Color.BLACK);
      }
      x += widths[c];
    }
    y -= height;
  }

  /** Wraps and draws text from the cursor down, starting new pages as needed. */
  private void text(String text, float x, float width, float size, Color color) throws IOException {
    lines(wrap(Inline.parse(text), width, size), x, size, color);
  }

  private void lines(List<Line> lines, float x, float size, Color color) throws IOException {
    for (Line line : lines) {
      ensure(size * 1.35f);
      y -= size * 1.35f;
      draw(line, x, y, size, color);
    }
  }

  private void draw(Line line, float x, float baseline, float size, Color color) throws IOException {
    page.beginText();
    page.setNonStrokingColor(color);
    page.newLineAtOffset(x, baseline);
    for (Segment segment : line.segments()) {
      page.setFont(segment.bold() ? bold : regular, size);
      page.showText(segment.text());
    }
    page.endText();
  }

  private void ensure(float height) throws IOException {
    if (y - height < BOTTOM) {
      page.close();
      newPage();
    }
  }

  private void newPage() throws IOException {
    PDPage p = new PDPage(PDRectangle.LETTER);
    document.addPage(p);
    page = new PDPageContentStream(document, p);
    y = TOP;
  }

  private void footers(String title) throws IOException {
    int count = document.getNumberOfPages();
    for (int i = 0; i < count; i++) {
      try (PDPageContentStream footer = new PDPageContentStream(
          document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        footer.setStrokingColor(RULE);
        footer.setLineWidth(0.5f);
        footer.moveTo(MARGIN, 46);
        footer.lineTo(PAGE_WIDTH - MARGIN, 46);
        footer.stroke();
        footer.beginText();
        footer.setNonStrokingColor(GREY);
        footer.setFont(regular, 8);
        footer.newLineAtOffset(MARGIN, 34);
        footer.showText(checked(Inline.plain(title), regular));
        String number = "Page " + (i + 1) + " of " + count;
        footer.newLineAtOffset(TEXT_WIDTH - width(number, regular, 8), 0);
        footer.showText(number);
        footer.endText();
      }
    }
  }

  private void properties(Doc doc) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(doc.title());
    info.setAuthor(doc.author());
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    date.clear();
    date.set(doc.date().getYear(), doc.date().getMonthValue() - 1, doc.date().getDayOfMonth());
    info.setCreationDate(date);
    info.setModificationDate(date);
    // PDFBox derives the file identifier from the clock unless one is given.
    byte[] id = Arrays.copyOf(sha256(doc.title() + "\n" + doc.author() + "\n" + doc.date()), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    document.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  /** A run of text in one font. */
  private record Segment(String text, boolean bold) {}

  /** One laid-out line. */
  private record Line(List<Segment> segments, float width) {}

  /** Greedy word wrapping of styled runs into lines no wider than {@code width}. */
  private List<Line> wrap(List<Inline> runs, float width, float size) throws IOException {
    List<Line> lines = new ArrayList<>();
    List<Segment> current = new ArrayList<>();
    float used = 0;
    for (Inline run : runs) {
      PDType1Font font = run.bold() ? bold : regular;
      checked(run.text(), font);
      // Split on spaces but keep them, so a run's leading or trailing space survives.
      for (String token : run.text().split("(?<= )")) {
        String word = token;
        float w = width(word, font, size);
        float visible = width(word.stripTrailing(), font, size);
        if (used + visible > width && !current.isEmpty()) {
          lines.add(line(current, used, size));
          current = new ArrayList<>();
          used = 0;
          word = word.stripLeading();
          w = width(word, font, size);
        }
        if (!current.isEmpty() && current.get(current.size() - 1).bold() == run.bold()) {
          Segment last = current.remove(current.size() - 1);
          current.add(new Segment(last.text() + word, run.bold()));
        } else {
          current.add(new Segment(word, run.bold()));
        }
        used += w;
      }
    }
    if (!current.isEmpty()) {
      lines.add(line(current, used, size));
    }
    return lines;
  }

  private Line line(List<Segment> segments, float used, float size) throws IOException {
    Segment last = segments.get(segments.size() - 1);
    String trimmed = last.text().stripTrailing();
    float trailing = width(last.text().substring(trimmed.length()), last.bold() ? bold : regular, size);
    List<Segment> copy = new ArrayList<>(segments);
    copy.set(copy.size() - 1, new Segment(trimmed, last.bold()));
    return new Line(List.copyOf(copy), used - trailing);
  }

  private static float width(String text, PDType1Font font, float size) throws IOException {
    return font.getStringWidth(text) / 1000f * size;
  }

  private static String checked(String text, PDType1Font font) {
    try {
      font.encode(text);
      return text;
    } catch (IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException("text cannot be set in " + font.getName()
          + " (WinAnsiEncoding): \"" + text + "\"; " + e.getMessage(), e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

package dev.parity.samplegen.office;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.TableCell.BorderEdge;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

/**
 * Renders a {@link Deck} as a 16:9 PowerPoint file. Slide titles sit in the layouts' title
 * placeholders, so outline views and converters find them; bullets, figures and tables are laid
 * out below. The output is byte-for-byte reproducible.
 */
public final class PptxWriter {
  private static final double WIDTH = 960;
  private static final double HEIGHT = 540;
  private static final double MARGIN = 40;
  private static final double CONTENT_TOP = 105;
  private static final Color ACCENT = new Color(0x1F, 0x38, 0x64);
  private static final Color TILE = new Color(0xD9, 0xE2, 0xF3);
  private static final Color TOTAL = new Color(0xF2, 0xF2, 0xF2);
  private static final Color BORDER = new Color(0xBF, 0xBF, 0xBF);

  private PptxWriter() {}

  /** The deck as .pptx bytes. */
  public static byte[] write(Deck deck) {
    try (XMLSlideShow show = new XMLSlideShow()) {
      show.setPageSize(new Dimension((int) WIDTH, (int) HEIGHT));
      XSLFSlideMaster master = show.getSlideMasters().get(0);
      titleSlide(show.createSlide(master.getLayout(SlideLayout.TITLE)), deck);
      for (Deck.Slide slide : deck.slides()) {
        XSLFSlide s = show.createSlide(master.getLayout(SlideLayout.TITLE_ONLY));
        content(s, slide);
        if (slide.notes() != null) {
          notes(show.getNotesSlide(s), slide.notes());
        }
      }
      properties(show, deck);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      show.write(bytes);
      return DeterministicZip.normalize(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the deck " + deck.title(), e);
    }
  }

  private static void titleSlide(XSLFSlide slide, Deck deck) {
    XSLFTextShape title = slide.getPlaceholder(0);
    title.setAnchor(new Rectangle2D.Double(MARGIN, 150, WIDTH - 2 * MARGIN, 120));
    title.setText(deck.title());
    style(title, 36, true, ACCENT);
    XSLFTextShape subtitle = slide.getPlaceholder(1);
    subtitle.setAnchor(new Rectangle2D.Double(MARGIN, 290, WIDTH - 2 * MARGIN, 90));
    subtitle.setText(deck.subtitle());
    style(subtitle, 18, false, Color.DARK_GRAY);
  }

  private static void content(XSLFSlide slide, Deck.Slide content) {
    XSLFTextShape title = slide.getPlaceholder(0);
    title.setAnchor(new Rectangle2D.Double(MARGIN, 25, WIDTH - 2 * MARGIN, 65));
    title.setText(content.title());
    style(title, 26, true, ACCENT);
    title.setHorizontalCentered(false);
    title.getTextParagraphs().get(0).setTextAlign(TextAlign.LEFT);
    double top = CONTENT_TOP;
    if (!content.metrics().isEmpty()) {
      top = metrics(slide, content.metrics(), top);
    }
    if (!content.bullets().isEmpty()) {
      top = bullets(slide, content.bullets(), top, content.table() == null);
    }
    if (content.table() != null) {
      table(slide, content.table(), top);
    }
  }

  private static double metrics(XSLFSlide slide, List<Deck.Metric> metrics, double top) {
    double gap = 14;
    double width = (WIDTH - 2 * MARGIN - gap * (metrics.size() - 1)) / metrics.size();
    for (int i = 0; i < metrics.size(); i++) {
      XSLFAutoShape tile = slide.createAutoShape();
      tile.setShapeType(ShapeType.RECT);
      tile.setAnchor(new Rectangle2D.Double(MARGIN + i * (width + gap), top, width, 72));
      tile.setFillColor(TILE);
      tile.setVerticalAlignment(VerticalAlignment.MIDDLE);
      tile.clearText();
      XSLFTextParagraph value = tile.addNewTextParagraph();
      value.setTextAlign(TextAlign.CENTER);
      run(value, metrics.get(i).value(), 24, true, ACCENT);
      XSLFTextParagraph label = tile.addNewTextParagraph();
      label.setTextAlign(TextAlign.CENTER);
      run(label, metrics.get(i).label(), 12, false, Color.DARK_GRAY);
    }
    return top + 72 + 16;
  }

  private static double bullets(XSLFSlide slide, List<String> bullets, double top, boolean fillSlide) {
    XSLFTextBox box = slide.createTextBox();
    double size = bullets.size() > 6 ? 14 : 16;
    // A rough height: characters per line at this size, with room for wrapped lines.
    double charsPerLine = (WIDTH - 2 * MARGIN - 30) / (size * 0.5);
    double lines = bullets.stream().mapToDouble(b -> Math.ceil(Inline.plain(b).length() / charsPerLine)).sum();
    double height = fillSlide ? HEIGHT - top - 30 : lines * size * 1.35 + bullets.size() * 6 + 10;
    box.setAnchor(new Rectangle2D.Double(MARGIN, top, WIDTH - 2 * MARGIN, height));
    box.clearText();
    for (String bullet : bullets) {
      XSLFTextParagraph paragraph = box.addNewTextParagraph();
      paragraph.setBullet(true);
      paragraph.setBulletCharacter("\u2022");
      paragraph.setIndent(-14.0);
      paragraph.setLeftMargin(18.0);
      paragraph.setSpaceAfter(30.0);
      runs(paragraph, bullet, size, false, Color.BLACK);
    }
    return top + height + 8;
  }

  private static void table(XSLFSlide slide, Doc.Table table, double top) {
    int columns = table.header().size();
    XSLFTable t = slide.createTable(table.rows().size() + 1, columns);
    double size = table.rows().size() > 10 ? 10 : table.rows().size() > 7 ? 11 : 12;
    double[] shares = ColumnWidths.of(table, (WIDTH - 2 * MARGIN) / (size * 0.55));
    for (int c = 0; c < columns; c++) {
      t.setColumnWidth(c, shares[c] * (WIDTH - 2 * MARGIN));
    }
    for (int r = 0; r <= table.rows().size(); r++) {
      boolean header = r == 0;
      boolean total = table.totalRow() && r == table.rows().size();
      List<String> texts = header ? table.header() : table.rows().get(r - 1);
      for (int c = 0; c < columns; c++) {
        XSLFTableCell cell = t.getCell(r, c);
        cell.clearText();
        XSLFTextParagraph paragraph = cell.addNewTextParagraph();
        paragraph.setTextAlign(table.isNumeric(c) ? TextAlign.RIGHT : TextAlign.LEFT);
        runs(paragraph, texts.get(c), size, header || total, header ? Color.WHITE : Color.BLACK);
        cell.setFillColor(header ? ACCENT : total ? TOTAL : Color.WHITE);
        cell.setVerticalAlignment(VerticalAlignment.MIDDLE);
        cell.setTopInset(3.0);
        cell.setBottomInset(3.0);
        for (BorderEdge edge : BorderEdge.values()) {
          cell.setBorderColor(edge, BORDER);
          cell.setBorderWidth(edge, 0.75);
        }
      }
      t.setRowHeight(r, size * 1.8);
    }
    t.setAnchor(new Rectangle2D.Double(MARGIN, top, WIDTH - 2 * MARGIN, (table.rows().size() + 1) * size * 1.8));
  }

  /** Puts the text in the notes body, and drops the date and number placeholders POI's template adds. */
  private static void notes(XSLFNotes notes, String text) {
    boolean written = false;
    for (XSLFTextShape shape : notes.getPlaceholders()) {
      Placeholder type = shape.getTextType();
      if (type == Placeholder.BODY) {
        shape.setText(Inline.plain(text));
        written = true;
      } else if (type == Placeholder.DATETIME || type == Placeholder.SLIDE_NUMBER
          || type == Placeholder.HEADER || type == Placeholder.FOOTER) {
        notes.removeShape(shape);
      }
    }
    if (!written) {
      throw new IllegalStateException("the notes layout has no body placeholder");
    }
  }

  private static void style(XSLFTextShape shape, double size, boolean bold, Color color) {
    for (XSLFTextParagraph paragraph : shape.getTextParagraphs()) {
      for (XSLFTextRun run : paragraph.getTextRuns()) {
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontColor(color);
      }
    }
  }

  private static void runs(XSLFTextParagraph paragraph, String text, double size, boolean allBold, Color color) {
    for (Inline inline : Inline.parse(text.isEmpty() ? " " : text)) {
      run(paragraph, inline.text(), size, allBold || inline.bold(), color);
    }
  }

  private static void run(XSLFTextParagraph paragraph, String text, double size, boolean bold, Color color) {
    XSLFTextRun run = paragraph.addNewTextRun();
    run.setText(text);
    run.setFontSize(size);
    run.setBold(bold);
    run.setFontColor(color);
  }

  private static void properties(XMLSlideShow show, Deck deck) {
    POIXMLProperties.CoreProperties core = show.getProperties().getCoreProperties();
    core.setTitle(deck.title());
    core.setCreator(deck.author());
    Date date = Date.from(deck.date().atStartOfDay().toInstant(ZoneOffset.UTC));
    core.setCreated(Optional.of(date));
    core.setModified(Optional.of(date));
  }
}

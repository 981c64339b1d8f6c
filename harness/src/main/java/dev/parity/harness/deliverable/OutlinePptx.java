package dev.parity.harness.deliverable;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.TextShape.TextAutofit;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSimpleShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTShape;

/**
 * A slide outline to a 16:9 PPTX with Apache POI's default master: a title slide for each title, a
 * title-and-content slide for each other slide, bullets with their levels and bold/italic,
 * speaker notes on the notes page. Thread-safe (each call builds its own deck).
 */
final class OutlinePptx {
  /** 16:9 in points (13.333 × 7.5 inches). */
  private static final Dimension WIDE = new Dimension(960, 540);

  private OutlinePptx() {}

  static byte[] build(SlideOutline outline) {
    try (XMLSlideShow deck = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      widescreen(deck);
      XSLFSlideMaster master = deck.getSlideMasters().get(0);
      for (SlideOutline.Slide s : outline.slides()) {
        XSLFSlide slide = deck.createSlide(master.getLayout(s.titleSlide() ? SlideLayout.TITLE : SlideLayout.TITLE_AND_CONTENT));
        slide.getPlaceholder(0).setText(s.title());
        XSLFTextShape body = slide.getPlaceholder(1);
        body.clearText();
        body.setTextAutofit(TextAutofit.NORMAL);
        for (SlideOutline.Line line : s.lines()) {
          XSLFTextParagraph p = body.addNewTextParagraph();
          if (!s.titleSlide()) {
            p.setIndentLevel(line.level());
            p.setBullet(line.bullet());
          }
          for (Markdown.Span span : line.spans()) {
            if (span.lineBreak()) {
              p.addLineBreak();
              continue;
            }
            XSLFTextRun run = p.addNewTextRun();
            run.setText(span.text());
            run.setBold(span.bold());
            run.setItalic(span.italic());
            if (span.code()) {
              run.setFontFamily("Consolas");
            }
          }
        }
        if (!s.notes().isEmpty()) {
          notes(deck, slide, s.notes());
        }
      }
      OfficeProperties.neutral(deck, "On-screen Show (16:9)");
      deck.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes POI's 4:3 template 16:9, today's default in PowerPoint and LibreOffice: the page grows to
   * 960 × 540 points and every shape of the masters and layouts is stretched across, so the
   * placeholders slides take their places from fill the wider page.
   */
  private static void widescreen(XMLSlideShow deck) {
    Dimension old = deck.getPageSize();
    double stretch = WIDE.getWidth() / old.getWidth();
    deck.setPageSize(WIDE);
    double lift = WIDE.getHeight() / old.getHeight();
    for (XSLFSlideMaster master : deck.getSlideMasters()) {
      stretch(master.getShapes(), stretch, lift);
      for (XSLFSlideLayout layout : master.getSlideLayouts()) {
        stretch(layout.getShapes(), stretch, lift);
      }
    }
  }

  /**
   * Stretches the shapes that have a place of their own; a placeholder without one takes the
   * master's (setting its anchor would move the master's placeholder once more).
   */
  private static void stretch(List<XSLFShape> shapes, double x, double y) {
    for (XSLFShape shape : shapes) {
      if (shape instanceof XSLFSimpleShape simple && shape.getXmlObject() instanceof CTShape xml
          && xml.getSpPr().isSetXfrm()) {
        Rectangle2D a = simple.getAnchor();
        simple.setAnchor(new Rectangle2D.Double(a.getX() * x, a.getY() * y, a.getWidth() * x, a.getHeight() * y));
      }
    }
  }

  private static void notes(XMLSlideShow deck, XSLFSlide slide, String text) {
    XSLFNotes notes = deck.getNotesSlide(slide);
    for (XSLFTextShape shape : notes.getPlaceholders()) {
      if (shape.getTextType() == Placeholder.BODY) {
        shape.setText(text);
        return;
      }
    }
  }
}

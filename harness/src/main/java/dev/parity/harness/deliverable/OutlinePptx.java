package dev.parity.harness.deliverable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.TextShape.TextAutofit;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

/**
 * A slide outline to PPTX with Apache POI's default master: a title slide for each title, a
 * title-and-content slide for each other slide, bullets with their levels and bold/italic,
 * speaker notes on the notes page. Thread-safe (each call builds its own deck).
 */
final class OutlinePptx {
  private OutlinePptx() {}

  static byte[] build(SlideOutline outline) {
    try (XMLSlideShow deck = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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
      deck.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

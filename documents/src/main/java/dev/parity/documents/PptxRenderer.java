package dev.parity.documents;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.jsoup.nodes.Element;

/**
 * PPTX to HTML with Apache POI, slide by slide: the title, then the shapes in reading order
 * (top to bottom, left to right) as paragraphs, nested bullet lists, tables and pictures, then
 * the speaker notes.
 */
final class PptxRenderer {
  private PptxRenderer() {}

  static void render(byte[] bytes, Draft draft) throws IOException {
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
      int number = 0;
      for (XSLFSlide slide : deck.getSlides()) {
        Element section = draft.root.appendElement("section").addClass("part");
        section.appendElement("h2").addClass("part-label").text("Slide " + ++number);
        for (XSLFShape shape : readingOrder(slide.getShapes())) {
          shape(shape, section, draft);
        }
        notes(slide.getNotes(), section);
      }
      if (number == 0) {
        draft.root.appendChild(Html.omitted("(no slides)"));
      }
    }
  }

  private static List<XSLFShape> readingOrder(List<XSLFShape> shapes) {
    List<XSLFShape> ordered = new ArrayList<>(shapes);
    ordered.sort(Comparator.comparingDouble((XSLFShape s) -> anchor(s).getY()).thenComparingDouble(s -> anchor(s).getX()));
    return ordered;
  }

  private static Rectangle2D anchor(XSLFShape shape) {
    Rectangle2D anchor = shape.getAnchor();
    return anchor == null ? new Rectangle2D.Double() : anchor;
  }

  private static void shape(XSLFShape shape, Element section, Draft draft) {
    if (shape instanceof XSLFGroupShape group) {
      readingOrder(group.getShapes()).forEach(s -> shape(s, section, draft));
    } else if (shape instanceof XSLFTable table) {
      Element t = section.appendElement("table");
      for (XSLFTableRow row : table.getRows()) {
        Element tr = t.appendElement("tr");
        for (XSLFTableCell cell : row.getCells()) {
          tr.appendElement("td").text(cell.getText());
        }
      }
    } else if (shape instanceof XSLFPictureShape picture) {
      if (picture.isExternalLinkedPicture() || picture.getPictureData() == null) {
        section.appendChild(Html.omitted("[picture not loaded]"));
        draft.note("a picture linked from outside the file was not loaded");
      } else if (!Html.appendImage(section, picture.getPictureData().getData(), "picture")) {
        section.appendChild(Html.omitted("[picture not shown]"));
        draft.note("a picture in a format browsers do not show inline was left out");
      }
    } else if (shape instanceof XSLFTextShape text && !text.getText().isBlank()) {
      Placeholder type = text.getTextType();
      if (type == Placeholder.TITLE || type == Placeholder.CENTERED_TITLE) {
        section.appendElement("h3").text(text.getText().strip());
      } else {
        paragraphs(text.getTextParagraphs(), section);
      }
    }
  }

  private static void paragraphs(List<XSLFTextParagraph> paragraphs, Element into) {
    Html.ListNester lists = new Html.ListNester(into);
    for (XSLFTextParagraph p : paragraphs) {
      if (p.getText().isBlank()) {
        continue;
      }
      if (p.isBullet()) {
        runs(p, lists.item(Math.max(p.getIndentLevel(), 0), p.getAutoNumberingScheme() != null));
      } else {
        lists.end();
        runs(p, into.appendElement("p"));
      }
    }
  }

  private static void runs(XSLFTextParagraph p, Element into) {
    for (XSLFTextRun run : p.getTextRuns()) {
      Element target = into;
      if (run.isBold()) {
        target = target.appendElement("strong");
      }
      if (run.isItalic()) {
        target = target.appendElement("em");
      }
      if (run.getHyperlink() != null) {
        Html.appendLink(target, run.getRawText(), run.getHyperlink().getAddress());
      } else {
        target.appendText(run.getRawText());
      }
    }
  }

  private static void notes(XSLFNotes notes, Element section) {
    if (notes == null) {
      return;
    }
    Element aside = new Element("aside").addClass("speaker-notes");
    for (XSLFShape shape : notes.getShapes()) {
      if (shape instanceof XSLFTextShape text && text.getTextType() == Placeholder.BODY && !text.getText().isBlank()) {
        aside.appendElement("h4").text("Speaker notes");
        paragraphs(text.getTextParagraphs(), aside);
      }
    }
    if (!aside.children().isEmpty()) {
      section.appendChild(aside);
    }
  }
}

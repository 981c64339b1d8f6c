package dev.parity.harness.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

/** A deck's text, slide by slide: the text of every shape and table, then the speaker notes. */
final class PptxText {
  private PptxText() {}

  static String extract(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); XMLSlideShow deck = new XMLSlideShow(in)) {
      StringBuilder text = new StringBuilder();
      List<XSLFSlide> slides = deck.getSlides();
      for (XSLFSlide slide : slides) {
        String title = slide.getTitle();
        text.append("--- slide ").append(slide.getSlideNumber())
            .append(title == null || title.isBlank() ? "" : ": " + title.strip().replaceAll("\\s+", " "))
            .append(" ---\n");
        appendShapes(slide.getShapes(), text);
        appendNotes(slide.getNotes(), text);
        text.append("\n");
      }
      return text.toString().strip();
    }
  }

  private static void appendShapes(List<XSLFShape> shapes, StringBuilder text) {
    for (XSLFShape shape : shapes) {
      if (shape instanceof XSLFTextShape textShape) {
        String content = textShape.getText().strip();
        if (!content.isEmpty()) {
          text.append(content).append("\n");
        }
      } else if (shape instanceof XSLFTable table) {
        for (XSLFTableRow row : table.getRows()) {
          text.append(row.getCells().stream()
                  .map(cell -> cell.getText().strip().replaceAll("\\s*\\R\\s*", " "))
                  .collect(Collectors.joining(" | ", "| ", " |")))
              .append("\n");
        }
      } else if (shape instanceof XSLFGroupShape group) {
        appendShapes(group.getShapes(), text);
      }
    }
  }

  /** The speaker notes: the notes page's body placeholder (its others repeat the slide and its number). */
  private static void appendNotes(XSLFNotes notes, StringBuilder text) {
    if (notes == null) {
      return;
    }
    String content = notes.getShapes().stream()
        .filter(shape -> shape instanceof XSLFTextShape textShape && textShape.getTextType() == Placeholder.BODY)
        .map(shape -> ((XSLFTextShape) shape).getText().strip())
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
    if (!content.isEmpty()) {
      text.append("notes: ").append(content).append("\n");
    }
  }
}

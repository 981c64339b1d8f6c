package dev.parity.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

/**
 * The reader of decks, slide by slide: one text with the title in each slide's delimiter line,
 * then the text of every other shape and table, then the speaker notes; the pieces of text of
 * each slide and its notes; the slides' titles and count; and ({@link OoxmlReader}) the hidden
 * places and the metadata. Stateless and thread-safe.
 */
final class PptxReader extends OoxmlReader {
  private static final Set<Placeholder> TITLES = Set.of(Placeholder.TITLE, Placeholder.CENTERED_TITLE);

  @Override
  public String text(byte[] bytes) throws IOException {
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
      StringBuilder text = new StringBuilder();
      List<XSLFSlide> slides = deck.getSlides();
      for (XSLFSlide slide : slides) {
        XSLFTextShape title = title(slide);
        text.append("--- slide ").append(slide.getSlideNumber())
            .append(title == null ? "" : ": " + title.getText().strip().replaceAll("\\s+", " "))
            .append(" ---\n");
        appendShapes(slide.getShapes(), title, text);
        appendNotes(slide.getNotes(), text);
        text.append("\n");
      }
      return text.toString().strip();
    }
  }

  /** The slide's title placeholder, if it has one with text; it goes in the delimiter line, not the body. */
  private static XSLFTextShape title(XSLFSlide slide) {
    for (XSLFShape shape : slide.getShapes()) {
      if (shape instanceof XSLFTextShape text && TITLES.contains(text.getTextType()) && !text.getText().isBlank()) {
        return text;
      }
    }
    return null;
  }

  private static void appendShapes(List<XSLFShape> shapes, XSLFTextShape title, StringBuilder text) {
    for (XSLFShape shape : shapes) {
      if (shape == title) {
        continue;
      }
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
        appendShapes(group.getShapes(), title, text);
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

  @Override
  public List<TextPiece> pieces(byte[] bytes) throws IOException {
    List<TextPiece> out = new ArrayList<>();
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
      int number = 0;
      for (XSLFSlide slide : deck.getSlides()) {
        number++;
        textShapes(slide.getShapes(), "slide " + number, out);
        XSLFNotes notes = slide.getNotes();
        if (notes != null) {
          textShapes(notes.getShapes(), "slide " + number + " notes", out);
        }
      }
    }
    return out;
  }

  private static void textShapes(List<XSLFShape> shapes, String where, List<TextPiece> out) {
    for (XSLFShape shape : shapes) {
      if (shape instanceof XSLFTextShape text) {
        TextPiece.add(out, where, text.getText());
      }
    }
  }

  /** Slides (the length and the pages), tables, slides with a title (or centred title) and pictures, those in groups included. */
  @Override
  public DocumentFeatures features(byte[] bytes) throws IOException {
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
      int[] tablesAndPictures = new int[2];
      int titles = 0;
      for (XSLFSlide slide : deck.getSlides()) {
        count(slide.getShapes(), tablesAndPictures);
        titles += title(slide) == null ? 0 : 1;
      }
      int slides = deck.getSlides().size();
      return new DocumentFeatures(slides, DocumentFeatures.LengthUnit.SLIDES, tablesAndPictures[0], titles, slides,
          tablesAndPictures[1]);
    }
  }

  private static void count(List<XSLFShape> shapes, int[] tablesAndPictures) {
    for (XSLFShape shape : shapes) {
      if (shape instanceof XSLFTable) {
        tablesAndPictures[0]++;
      } else if (shape instanceof XSLFPictureShape) {
        tablesAndPictures[1]++;
      } else if (shape instanceof XSLFGroupShape group) {
        count(group.getShapes(), tablesAndPictures);
      }
    }
  }

  /** The slides. */
  @Override
  public OptionalInt pages(byte[] bytes) throws IOException {
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
      return OptionalInt.of(deck.getSlides().size());
    }
  }

  /** Each slide's title, as POI finds it, for slides that have one. */
  @Override
  public Optional<List<String>> headings(byte[] bytes) throws IOException {
    List<String> titles = new ArrayList<>();
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
      for (XSLFSlide slide : deck.getSlides()) {
        if (slide.getTitle() != null) {
          titles.add(slide.getTitle().strip());
        }
      }
    }
    return Optional.of(titles);
  }
}

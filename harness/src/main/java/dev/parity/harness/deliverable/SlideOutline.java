package dev.parity.harness.deliverable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * A deck as an outline, read from Markdown (syntax in docs/deliverable-envelope.md): the
 * slide heading level is {@code ##}, or {@code #} when the outline has no {@code ##}; a heading
 * above that level makes a title slide; lists are bullets; a paragraph starting
 * {@code Notes:} starts the slide's speaker notes; {@code ---} starts a new slide.
 */
record SlideOutline(List<Slide> slides) {
  private static final Pattern NOTES_LINE = Pattern.compile("(?im)^[ \\t]*((?:speaker\\s+)?notes?\\s*:)");
  private static final Pattern NOTES = Pattern.compile("(?is)^\\s*(?:speaker\\s+)?notes?\\s*:\\s*(.*)");

  /** One bullet or plain line of a slide; level 0 is the outermost. */
  record Line(List<Markdown.Span> spans, int level, boolean bullet) {}

  /** A slide: a title slide has a subtitle in its lines and no bullets. */
  record Slide(String title, boolean titleSlide, List<Line> lines, String notes) {}

  static SlideOutline parse(String markdown) {
    // A "Notes:" line right under a bullet would continue the bullet in Markdown: make it a paragraph.
    Node document = Markdown.parse(NOTES_LINE.matcher(markdown).replaceAll("\n$1"));
    int slideLevel = hasLevel(document, 2) ? 2 : 1;
    List<Slide> slides = new ArrayList<>();
    Draft draft = null;
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && h.getLevel() <= slideLevel) {
        add(slides, draft);
        draft = new Draft(Markdown.text(h), h.getLevel() < slideLevel);
      } else if (n instanceof ThematicBreak) {
        add(slides, draft);
        draft = null;
      } else {
        if (draft == null) {
          draft = new Draft("", false);
        }
        draft.add(n);
      }
    }
    add(slides, draft);
    return new SlideOutline(List.copyOf(slides));
  }

  private static boolean hasLevel(Node document, int level) {
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && h.getLevel() == level) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<Slide> slides, Draft draft) {
    if (draft != null && !draft.isEmpty()) {
      slides.add(new Slide(draft.title, draft.titleSlide, List.copyOf(draft.lines), draft.notes.toString().strip()));
    }
  }

  /** A slide being read. */
  private static final class Draft {
    final String title;
    final boolean titleSlide;
    final List<Line> lines = new ArrayList<>();
    final StringBuilder notes = new StringBuilder();
    boolean inNotes;

    Draft(String title, boolean titleSlide) {
      this.title = title;
      this.titleSlide = titleSlide;
    }

    boolean isEmpty() {
      return title.isBlank() && lines.isEmpty() && notes.isEmpty();
    }

    void add(Node block) {
      if (block instanceof Paragraph && NOTES.matcher(Markdown.text(block)).matches()) {
        inNotes = true;
        String rest = NOTES.matcher(Markdown.text(block)).replaceFirst("$1");
        notes.append(rest).append('\n');
      } else if (inNotes) {
        notes.append(plain(block)).append('\n');
      } else if (block instanceof ListBlock list) {
        list(list, 0);
      } else if (block instanceof TableBlock) {
        Tables.textRows(block).forEach(row ->
            lines.add(new Line(List.of(span(String.join("  |  ", row))), 0, false)));
      } else if (block instanceof FencedCodeBlock code) {
        code.getLiteral().lines().forEach(l -> lines.add(new Line(List.of(span(l)), 0, false)));
      } else if (block instanceof IndentedCodeBlock code) {
        code.getLiteral().lines().forEach(l -> lines.add(new Line(List.of(span(l)), 0, false)));
      } else if (block instanceof BlockQuote) {
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
          add(child);
        }
      } else if (block instanceof Heading h) {
        lines.add(new Line(List.of(new Markdown.Span(Markdown.text(h), true, false, false, null, false)), 0, false));
      } else {
        lines.add(new Line(Markdown.spans(block), 0, false));
      }
    }

    private void list(ListBlock list, int level) {
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
          if (child instanceof ListBlock nested) {
            list(nested, level + 1);
          } else {
            lines.add(new Line(Markdown.spans(child), level, true));
          }
        }
      }
    }

    private static Markdown.Span span(String text) {
      return new Markdown.Span(text, false, false, false, null, false);
    }

    private static String plain(Node block) {
      if (block instanceof ListBlock) {
        StringBuilder text = new StringBuilder();
        for (Node item = block.getFirstChild(); item != null; item = item.getNext()) {
          text.append("- ").append(Markdown.text(item.getFirstChild())).append('\n');
        }
        return text.toString().strip();
      }
      return Markdown.text(block);
    }
  }
}

package dev.parity.harness.deliverable;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** The one Markdown dialect the builders read: CommonMark with GitHub tables. Thread-safe. */
final class Markdown {
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  private Markdown() {}

  static Node parse(String markdown) {
    return PARSER.parse(markdown);
  }

  /**
   * A run of text with one style. {@code link} is the target of a link, or null; images become
   * their alternative text in brackets, since a built file never loads anything from outside.
   */
  record Span(String text, boolean bold, boolean italic, boolean code, String link, boolean lineBreak) {}

  /** The inline content of a block as styled spans, in order. */
  static List<Span> spans(Node block) {
    List<Span> spans = new ArrayList<>();
    collect(block.getFirstChild(), false, false, null, spans);
    return spans;
  }

  /** The plain text of a block, with line breaks as spaces. */
  static String text(Node block) {
    StringBuilder text = new StringBuilder();
    for (Span span : spans(block)) {
      text.append(span.lineBreak() ? " " : span.text());
    }
    return text.toString().strip();
  }

  private static void collect(Node node, boolean bold, boolean italic, String link, List<Span> out) {
    for (Node n = node; n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        out.add(new Span(t.getLiteral(), bold, italic, false, link, false));
      } else if (n instanceof Code c) {
        out.add(new Span(c.getLiteral(), bold, italic, true, link, false));
      } else if (n instanceof StrongEmphasis) {
        collect(n.getFirstChild(), true, italic, link, out);
      } else if (n instanceof Emphasis) {
        collect(n.getFirstChild(), bold, true, link, out);
      } else if (n instanceof Link l) {
        collect(n.getFirstChild(), bold, italic, l.getDestination(), out);
      } else if (n instanceof Image image) {
        String alt = text(image);
        out.add(new Span("[image" + (alt.isEmpty() ? "" : ": " + alt) + "]", bold, true, false, null, false));
      } else if (n instanceof SoftLineBreak) {
        out.add(new Span(" ", bold, italic, false, link, false));
      } else if (n instanceof HardLineBreak) {
        out.add(new Span("\n", bold, italic, false, null, true));
      } else if (n instanceof HtmlInline html) {
        // Models put <br> in table cells; any other inline HTML is kept as the text it is.
        boolean br = html.getLiteral().matches("(?i)<br\\s*/?>");
        out.add(new Span(br ? "\n" : html.getLiteral(), bold, italic, false, link, br));
      } else {
        collect(n.getFirstChild(), bold, italic, link, out);
      }
    }
  }
}

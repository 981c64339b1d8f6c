package dev.parity.documents;

import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/** Building and sanitising rendered HTML. Stateless helpers; thread-safe. */
final class Html {
  /** What a rendered fragment may hold: structure and text, and images as data: URIs only. */
  private static final Safelist SAFELIST = new Safelist()
      .addTags("div", "section", "aside", "span", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
          "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "caption", "pre", "code",
          "blockquote", "strong", "em", "b", "i", "u", "s", "sub", "sup", "img", "figure", "figcaption",
          "details", "summary")
      .addAttributes(":all", "class")
      .addAttributes("img", "src", "alt")
      .addAttributes("td", "colspan", "rowspan", "title")
      .addAttributes("th", "colspan", "rowspan")
      .addAttributes("ol", "start")
      .addProtocols("img", "src", "data");
  private static final Pattern IMAGE_DATA_URI = Pattern.compile("^data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=]+$");
  private static final Pattern WEB_LINK = Pattern.compile("(?i)^(https?://|mailto:)\\S+$");

  private Html() {}

  /** A fresh container for a rendered document. */
  static Element container() {
    return new Element("div").addClass("parity-doc");
  }

  /**
   * The container as sanitised HTML: links are already text (see {@link #link}); whatever else
   * slipped in that is not on the safelist (scripts, handlers, styles, frames, forms, outside
   * images) is removed, and every image left must be an inline data: URI.
   */
  static String sanitise(Element container) {
    Document dirty = Jsoup.parseBodyFragment("");
    dirty.body().appendChild(container);
    for (Element a : dirty.select("a")) {
      link(a, a.text(), a.attr("href"));
    }
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    for (Element img : clean.select("img")) {
      if (!IMAGE_DATA_URI.matcher(img.attr("src")).matches()) {
        img.replaceWith(omitted("[image not shown]"));
      }
    }
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }

  /**
   * Puts a link's text where {@code at} is, followed by its web address as plain text: a grader
   * sees where it points, and nothing on the page follows or preloads it.
   */
  static void link(Element at, String text, String target) {
    Element span = new Element("span").text(text);
    if (target != null && WEB_LINK.matcher(target.strip()).matches() && !target.strip().equals(text.strip())) {
      span.appendText(" ").appendElement("span").addClass("link-target").text("(" + target.strip() + ")");
    }
    at.replaceWith(span);
  }

  /** Appends text with a link's address after it, for renderers that build from scratch. */
  static void appendLink(Element parent, String text, String target) {
    Element placeholder = parent.appendElement("span");
    link(placeholder, text, target);
  }

  static Element omitted(String text) {
    return new Element("span").addClass("omitted").text(text);
  }

  /** Appends an image as a data: URI if it is PNG, JPEG or GIF; returns false (nothing added) otherwise. */
  static boolean appendImage(Element parent, byte[] bytes, String alt) {
    String type = imageType(bytes);
    if (type == null) {
      return false;
    }
    parent.appendElement("img").attr("alt", alt).attr("src", "data:image/" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
    return true;
  }

  /** {@code png}, {@code jpeg} or {@code gif} from the file's first bytes, or null. */
  static String imageType(byte[] b) {
    if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "png";
    }
    if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "jpeg";
    }
    if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return "gif";
    }
    return null;
  }

  /** A table from rows of text; the first row as header cells when {@code header}. */
  static Element table(List<List<String>> rows, boolean header) {
    Element table = new Element("table");
    for (int r = 0; r < rows.size(); r++) {
      Element tr = table.appendElement("tr");
      for (String cell : rows.get(r)) {
        tr.appendElement(header && r == 0 ? "th" : "td").text(cell);
      }
    }
    return table;
  }

  /**
   * Nests list items by level into {@code ul}/{@code ol} elements, for formats that store lists
   * as flat paragraphs with a level (DOCX, PPTX). Call {@link #end()} at the first non-list block.
   */
  static final class ListNester {
    private record Open(int level, Element list) {}

    private final Element container;
    private final Deque<Open> open = new ArrayDeque<>();

    ListNester(Element container) {
      this.container = container;
    }

    /** A new list item at {@code level} (0 outermost) in a list of that kind; returns the item. */
    Element item(int level, boolean ordered) {
      String tag = ordered ? "ol" : "ul";
      while (!open.isEmpty() && (open.peek().level() > level
          || (open.peek().level() == level && !open.peek().list().tagName().equals(tag)))) {
        open.pop();
      }
      if (open.isEmpty() || open.peek().level() < level) {
        Element parent = open.isEmpty() ? container
            : open.peek().list().children().isEmpty() ? open.peek().list().appendElement("li") : open.peek().list().children().last();
        open.push(new Open(level, parent.appendElement(tag)));
      }
      return open.peek().list().appendElement("li");
    }

    void end() {
      open.clear();
    }
  }
}

package dev.parity.reports.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An HTML or SVG element built in code, whose text and attribute values are always escaped: the
 * one way Parity's reports write markup, so that user text (task titles, grader rationales, model
 * names) can never become markup.
 *
 * <p>Element and attribute names are checked against a strict pattern instead of escaped, since
 * they come from code. There is deliberately no way to add raw markup (a chart is a {@code Tag}
 * and is added as one), and no way to make a {@code <script>}, an {@code <iframe>} or an event
 * handler attribute ({@code onclick}, …): a page built of tags runs no code. Links ({@code href},
 * {@code src}, …) may only point within the page ({@code #id}): a page built of tags loads
 * nothing and sends nothing.
 *
 * <p>A builder: mutable, not thread-safe. {@link #toString()} renders it.
 */
public final class Tag {
  private static final Set<String> VOID_ELEMENTS =
      Set.of("area", "br", "col", "hr", "img", "input", "link", "meta", "wbr");

  private static final Set<String> FORBIDDEN_ELEMENTS =
      Set.of("script", "iframe", "object", "embed", "frame", "frameset", "base", "foreignobject");

  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "xlink:href", "action", "formaction", "srcset", "poster", "data");

  private final String name;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final List<Object> children = new ArrayList<>();

  private Tag(String name) {
    this.name = checkName(name);
    if (FORBIDDEN_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("<" + name + "> is not allowed in a report");
    }
  }

  /**
   * A new element.
   *
   * @throws IllegalArgumentException if the name is not a plain element name
   */
  public static Tag of(String name) {
    return new Tag(name);
  }

  /** A new element holding {@code text}, escaped. */
  public static Tag of(String name, String text) {
    return new Tag(name).text(text);
  }

  /**
   * Sets an attribute; its value is escaped. Numbers are written with at most two decimals; a
   * null value leaves the attribute out.
   *
   * @throws IllegalArgumentException if the name is not a plain attribute name, is an event
   *     handler ({@code on…}), or is a link whose value does not start with {@code #}
   */
  public Tag attr(String attribute, Object value) {
    checkName(attribute);
    if (attribute.toLowerCase(Locale.ROOT).startsWith("on")) {
      throw new IllegalArgumentException("event handler attributes are not allowed: " + attribute);
    }
    if (URL_ATTRIBUTES.contains(attribute.toLowerCase(Locale.ROOT)) && value != null
        && !value.toString().startsWith("#")) {
      throw new IllegalArgumentException(
          "a report links only within itself: " + attribute + "=\"" + value + "\"");
    }
    if (value == null) {
      attributes.remove(attribute);
    } else {
      attributes.put(attribute, value instanceof Double || value instanceof Float
          ? number(((Number) value).doubleValue()) : value.toString());
    }
    return this;
  }

  /** Adds {@code text} as a child, escaped; null adds nothing. */
  public Tag text(String text) {
    if (text != null) {
      children.add(text);
    }
    return this;
  }

  /** Adds a child element. */
  public Tag add(Tag child) {
    children.add(Objects.requireNonNull(child, "child"));
    return this;
  }

  /** Adds a new child element and returns it, for building nested elements. */
  public Tag child(String childName) {
    Tag child = new Tag(childName);
    children.add(child);
    return child;
  }

  /** Adds a new child element holding {@code text} and returns this element. */
  public Tag child(String childName, String text) {
    children.add(new Tag(childName).text(text));
    return this;
  }

  /** The element's name. */
  public String name() {
    return name;
  }

  /** The value of an attribute as set, or null. */
  public String attribute(String attribute) {
    return attributes.get(attribute);
  }

  /** Writes the element to {@code out}. */
  public void render(StringBuilder out) {
    out.append('<').append(name);
    attributes.forEach((key, value) -> {
      out.append(' ').append(key).append("=\"");
      escape(value, out);
      out.append('"');
    });
    out.append('>');
    if (VOID_ELEMENTS.contains(name)) {
      if (!children.isEmpty()) {
        throw new IllegalStateException("<" + name + "> cannot have content");
      }
      return;
    }
    for (Object child : children) {
      if (child instanceof Tag tag) {
        tag.render(out);
      } else {
        escape((String) child, out);
      }
    }
    out.append("</").append(name).append('>');
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    render(out);
    return out.toString();
  }

  /** A number as an attribute value: at most two decimals, no trailing zeros, a dot. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    String text = Decimals.fixed(value, 2);
    int end = text.length(); // the text has two decimals, so the zeros stripped end at its dot
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    if (text.charAt(end - 1) == '.') {
      end--;
    }
    String trimmed = text.substring(0, end);
    return trimmed.equals("-0") ? "0" : trimmed;
  }

  /** Escapes the five characters that matter in HTML text and quoted attribute values. */
  static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  private static String checkName(String name) {
    if (!plainName(name)) {
      throw new IllegalArgumentException("not a plain element or attribute name: " + name);
    }
    return name;
  }

  /**
   * A letter, then letters, digits, colons and hyphens, ASCII only; by hand rather than a regular
   * expression, as every element and attribute of a report's page is checked (a matcher each).
   */
  private static boolean plainName(String name) {
    if (name == null || name.isEmpty() || !asciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != ':' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}

package dev.parity.harness.deliverable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the files of the envelope in a model's answer, forgiving what real answers get wrong:
 * markers in another case or with stray spaces, a missing end marker, code fences around the
 * envelope or around one file's content, names given bare or with paths, the same name twice.
 * Stateless and thread-safe. The rules are listed in docs/deliverable-envelope.md.
 */
final class EnvelopeParser {
  /** {@code <<<FILE name="a.docx" content="markdown">>>}; two or three angle brackets, any case. */
  private static final Pattern OPEN =
      Pattern.compile("<{2,3}[ \\t]*FILE\\b([^<>\\n]*)>{2,3}", Pattern.CASE_INSENSITIVE);
  /** {@code <<<END FILE>>>}, also {@code <<<END>>>}, {@code <<<END_FILE>>>}, {@code <<</FILE>>>}. */
  private static final Pattern END = Pattern.compile(
      "<{2,3}[ \\t]*(?:END(?:[ \\t_-]*FILE)?|/[ \\t]*FILE)[ \\t]*>{2,3}", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "([A-Za-z_-]+)[ \\t]*[=:][ \\t]*(?:\"([^\"]*)\"|'([^']*)'|“([^”]*)”|([^\\s\"'<>]+))");
  private static final Pattern BARE_NAME = Pattern.compile("(?:^|\\s)([\\w.-]+\\.[A-Za-z0-9]{1,5})(?=\\s|$)");

  private EnvelopeParser() {}

  /** One file of the envelope, before its format is built. */
  record Block(String name, String contentKind, String content, int line) {}

  /** The blocks found, in order, and what the parser had to repair on the way. */
  record Parsed(List<Block> blocks, List<String> notes) {
    boolean found() {
      return !blocks.isEmpty();
    }
  }

  static Parsed parse(String answer) {
    String text = answer.replace("\r\n", "\n").replace('\r', '\n');
    List<Block> blocks = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Matcher open = OPEN.matcher(text);
    List<int[]> opens = new ArrayList<>();
    while (open.find()) {
      opens.add(new int[] {open.start(), open.end()});
    }
    int outside = 0;
    int previousEnd = 0;
    for (int i = 0; i < opens.size(); i++) {
      int start = opens.get(i)[0];
      int contentStart = opens.get(i)[1];
      int limit = i + 1 < opens.size() ? opens.get(i + 1)[0] : text.length();
      outside += nonBlank(text, previousEnd, start);
      Matcher end = END.matcher(text).region(contentStart, limit);
      int contentEnd;
      Map<String, String> attributes = attributes(text.substring(start, contentStart));
      String rawName = name(text.substring(start, contentStart), attributes);
      int line = lineOf(text, start);
      if (end.find()) {
        contentEnd = end.start();
        previousEnd = end.end();
      } else {
        contentEnd = limit;
        previousEnd = limit;
        notes.add("file at line " + line + (rawName.isEmpty() ? "" : " (" + rawName + ")")
            + " has no end marker; it runs to " + (limit == text.length() ? "the end of the answer" : "the next file"));
      }
      String content = unwrap(text.substring(contentStart, contentEnd), line, notes);
      blocks.add(new Block(rawName, contentKind(attributes), content, line));
    }
    outside += nonBlank(text, previousEnd, text.length());
    if (!blocks.isEmpty() && outside > 0) {
      notes.add(outside + " characters outside the envelope were not delivered");
    }
    return new Parsed(List.copyOf(blocks), List.copyOf(notes));
  }

  /** The text without envelope markers, for delivering a broken envelope's answer as it is. */
  static String withoutMarkers(String answer) {
    return END.matcher(OPEN.matcher(answer).replaceAll("")).replaceAll("");
  }

  private static Map<String, String> attributes(String marker) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(marker);
    while (m.find()) {
      String value = m.group(2) != null ? m.group(2)
          : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
      attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value.trim());
    }
    return attributes;
  }

  private static String name(String marker, Map<String, String> attributes) {
    for (String key : List.of("name", "filename", "file", "path")) {
      if (attributes.containsKey(key)) {
        return attributes.get(key);
      }
    }
    // <<<FILE summary.docx>>>: a bare name, once the attributes are taken out.
    Matcher bare = BARE_NAME.matcher(ATTRIBUTE.matcher(marker.replaceFirst("(?i)^<{2,3}\\s*FILE", " ")
        .replaceAll(">+$", " ")).replaceAll(" "));
    return bare.find() ? bare.group(1) : "";
  }

  private static String contentKind(Map<String, String> attributes) {
    for (String key : List.of("content", "format", "type", "encoding", "kind")) {
      if (attributes.containsKey(key)) {
        return attributes.get(key).toLowerCase(Locale.ROOT);
      }
    }
    return "";
  }

  /**
   * The content without the blank rest of the marker lines, without the code fences wrapped around
   * all of it (one, or several nested: {@link Fences}), and without a fence left over from a fence
   * around the whole envelope.
   */
  private static String unwrap(String raw, int line, List<String> notes) {
    String content = raw.replaceFirst("^[ \\t]*\\n", "").replaceFirst("\\n[ \\t]*$", "");
    List<String> lines = Fences.trimmed(List.of(content.split("\n", -1)));
    if (Fences.count(lines) % 2 == 1 && Fences.isBareFence(lines.get(lines.size() - 1))) {
      // The closing fence of a fence around the whole envelope, when the end marker is missing.
      lines = lines.subList(0, lines.size() - 1);
    }
    List<String> unwrapped = Fences.unwrapAll(lines);
    if (unwrapped.size() < Fences.trimmed(lines).size()) {
      notes.add("file at line " + line + " was wrapped in a code fence; the fence was removed");
    }
    return String.join("\n", unwrapped);
  }

  private static int nonBlank(String text, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '`' && c != '~') {
        count++;
      }
    }
    return count;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

package dev.parity.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redacts a text file (TXT, Markdown, CSV) as UTF-8. Stateless.
 *
 * <p>The whole text is searched at once, not line by line, so that a value spanning lines (a
 * private key block, an address broken over two lines) is replaced whole; each change names the
 * line, or the lines, it stood on.
 */
final class TextRedaction {
  private TextRedaction() {}

  static RedactedFile redact(byte[] bytes, Replacements replacements) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<RedactionChange> changes = new ArrayList<>();
    String replaced = replacements.apply(text, hit -> changes.add(RedactionChange.replaced(lines(text, hit), hit)));
    return new RedactedFile(changes.isEmpty() ? bytes : replaced.getBytes(StandardCharsets.UTF_8), changes);
  }

  /** {@code line N}, or {@code lines N–M} for a value spanning lines, as {@link PlainText#surfaces} names them. */
  static String lines(String text, Replacements.Hit hit) {
    int first = lineOf(text, hit.start());
    int last = lineOf(text, Math.max(hit.start(), hit.end() - 1));
    return first == last ? "line " + first : "lines " + first + "\u2013" + last;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      line += text.charAt(i) == '\n' ? 1 : 0;
    }
    return line;
  }
}

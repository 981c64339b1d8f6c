package dev.parity.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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
    int[] lineStarts = lineStarts(text);
    List<RedactionChange> changes = new ArrayList<>();
    String replaced = replacements.apply(text,
        hit -> changes.add(RedactionChange.replaced(lines(lineStarts, hit), hit)));
    return new RedactedFile(changes.isEmpty() ? bytes : replaced.getBytes(StandardCharsets.UTF_8), changes);
  }

  /** {@code line N}, or {@code lines N–M} for a value spanning lines, as {@link PlainText#surfaces} names them. */
  private static String lines(int[] lineStarts, Replacements.Hit hit) {
    int first = lineOf(lineStarts, hit.start());
    int last = lineOf(lineStarts, Math.max(hit.start(), hit.end() - 1));
    return first == last ? "line " + first : "lines " + first + "\u2013" + last;
  }

  /** The offset at which each line starts: 0, then one after each line feed. */
  private static int[] lineStarts(String text) {
    return IntStream.concat(IntStream.of(0),
        IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1)).toArray();
  }

  /** The number, from 1, of the line holding {@code offset} (a binary search: a big CSV has many values). */
  private static int lineOf(int[] lineStarts, int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }
}

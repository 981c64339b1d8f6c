package dev.parity.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Redacts a text file (TXT, Markdown, CSV, JSON) line by line, as UTF-8. Stateless. */
final class TextRedaction {
  private TextRedaction() {}

  static RedactedFile redact(byte[] bytes, Replacements replacements) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<RedactionChange> changes = new ArrayList<>();
    StringBuilder out = new StringBuilder(text.length());
    int line = 0;
    // Line by line, keeping each line's own ending, so the change list can say where.
    for (String piece : text.split("(?<=\n)", -1)) {
      String place = "line " + ++line;
      out.append(replacements.apply(piece, hit -> changes.add(RedactionChange.replaced(place, hit))));
    }
    return new RedactedFile(changes.isEmpty() ? bytes : out.toString().getBytes(StandardCharsets.UTF_8), changes);
  }
}

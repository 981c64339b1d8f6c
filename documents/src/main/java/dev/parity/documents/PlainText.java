package dev.parity.documents;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The text formats (TXT, MD, CSV, JSON) read as UTF-8. Stateless and thread-safe. */
final class PlainText {
  private PlainText() {}

  /** UTF-8 text with a leading byte order mark removed; malformed bytes become U+FFFD. */
  static String text(byte[] bytes) {
    String text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Each line that is not blank, numbered from 1. */
  static List<TextPiece> pieces(byte[] bytes) {
    List<TextPiece> lines = new ArrayList<>();
    String[] split = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
    for (int i = 0; i < split.length; i++) {
      if (!split[i].isBlank()) {
        lines.add(new TextPiece("line " + (i + 1), split[i]));
      }
    }
    return lines;
  }
}

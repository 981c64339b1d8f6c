package dev.parity.samplegen.office;

import java.util.ArrayList;
import java.util.List;

/** Splits text with {@code **bold**} spans into runs; the only inline markup documents use. */
record Inline(String text, boolean bold) {

  static List<Inline> parse(String text) {
    List<Inline> runs = new ArrayList<>();
    String[] parts = text.split("\\*\\*", -1);
    if (parts.length % 2 == 0) {
      throw new IllegalArgumentException("unbalanced ** in: " + text);
    }
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        runs.add(new Inline(parts[i], i % 2 == 1));
      }
    }
    return runs;
  }

  /** The text without markup. */
  static String plain(String text) {
    return text.replace("**", "");
  }
}

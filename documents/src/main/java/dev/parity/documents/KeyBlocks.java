package dev.parity.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins a PEM block ({@code -----BEGIN …-----} to {@code -----END …-----}) that a document holds
 * over several places into one surface, so that a private key is found, and redacted, whole: a
 * key pasted into Word is one paragraph a line, and one in a PDF may run on to the next page.
 * {@link PlainText#surfaces} does the same for the lines of a text file. Stateless.
 */
final class KeyBlocks {
  /** At most this many places are joined looking for the END line (a 4096-bit key has about 50 lines). */
  private static final int MOST_PLACES = 200;
  private static final Pattern NUMBERED = Pattern.compile("([a-z]+) (\\d+)");

  private KeyBlocks() {}

  static List<Surface> join(List<Surface> surfaces) {
    List<Surface> out = new ArrayList<>(surfaces.size());
    for (int i = 0; i < surfaces.size(); i++) {
      Surface first = surfaces.get(i);
      int end = opensABlock(first.text()) ? endOf(surfaces, i) : i;
      if (end == i) {
        out.add(first);
        continue;
      }
      StringBuilder text = new StringBuilder(first.text());
      for (int k = i + 1; k <= end; k++) {
        text.append('\n').append(surfaces.get(k).text());
      }
      out.add(new Surface(span(first.where(), surfaces.get(end).where()), text.toString(), ""));
      i = end;
    }
    return out;
  }

  /** Whether the text's last BEGIN line has no END line after it. */
  private static boolean opensABlock(String text) {
    int begin = text.lastIndexOf("-----BEGIN ");
    return begin >= 0 && text.indexOf("-----END ", begin) < 0;
  }

  private static int endOf(List<Surface> surfaces, int begin) {
    for (int k = begin + 1; k < surfaces.size() && k <= begin + MOST_PLACES; k++) {
      String text = surfaces.get(k).text();
      if (text.contains("-----END ")) {
        return k;
      }
      if (text.contains("-----BEGIN ")) {
        return begin; // another block starts first: this one has no end
      }
    }
    return begin;
  }

  /** {@code paragraphs 3–30} for {@code paragraph 3} to {@code paragraph 30}, else {@code A to B}. */
  private static String span(String from, String to) {
    Matcher first = NUMBERED.matcher(from);
    Matcher last = NUMBERED.matcher(to);
    if (first.matches() && last.matches() && first.group(1).equals(last.group(1))) {
      return first.group(1) + "s " + first.group(2) + "\u2013" + last.group(2);
    }
    return from + " to " + to;
  }
}

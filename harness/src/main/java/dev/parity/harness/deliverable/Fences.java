package dev.parity.harness.deliverable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code fences that wrap a whole file or a whole answer, as models write them: around a file's
 * content, around the envelope, around an answer that is one Markdown file, and nested ("a fenced
 * file inside a fenced answer"), often with the same three backticks inside and out. Such a fence
 * is taken off; a fence that is part of the document (a code block among the text) is kept.
 * Stateless and thread-safe.
 */
final class Fences {
  private static final Pattern FENCE = Pattern.compile("^[ \\t]*(`{3,}|~{3,})[ \\t]*([\\w+-]*)[ \\t]*$");
  /** The languages a fence around a Markdown answer is marked with. */
  private static final Set<String> MARKDOWN = Set.of("", "markdown", "md", "text", "txt");
  /** The most text around a fenced answer that is still taken for a preamble ("Here is the memo:"). */
  static final int MAX_PROSE_AROUND = 300;

  private Fences() {}

  /** An answer's fenced Markdown file, and how many characters of prose were around its fence. */
  record Unwrapped(String content, int proseAround) {}

  /**
   * The content of {@code lines} when a fence opens on the first line and closes on the last, and
   * the fences between pair up (every block opened inside is closed inside), else empty.
   */
  static Optional<List<String>> wrapped(List<String> lines) {
    if (lines.size() < 2) {
      return Optional.empty();
    }
    Matcher first = FENCE.matcher(lines.get(0));
    Matcher last = FENCE.matcher(lines.get(lines.size() - 1));
    if (!first.matches() || !last.matches() || !last.group(2).isEmpty()
        || first.group(1).charAt(0) != last.group(1).charAt(0)
        || last.group(1).length() < first.group(1).length()) {
      return Optional.empty();
    }
    List<String> inside = lines.subList(1, lines.size() - 1);
    return balanced(inside) ? Optional.of(List.copyOf(inside)) : Optional.empty();
  }

  /**
   * Whether the fences of {@code lines} pair up: outside a block any fence opens one, inside a
   * block only a bare fence of the same character, at least as long, closes it.
   */
  private static boolean balanced(List<String> lines) {
    String open = null;
    for (String line : lines) {
      Matcher fence = FENCE.matcher(line);
      if (!fence.matches()) {
        continue;
      }
      if (open == null) {
        open = fence.group(1);
      } else if (fence.group(2).isEmpty() && fence.group(1).charAt(0) == open.charAt(0)
          && fence.group(1).length() >= open.length()) {
        open = null;
      }
    }
    return open == null;
  }

  /** Whether {@code line} is a bare fence (no language), such as a left-over closing fence. */
  static boolean isBareFence(String line) {
    Matcher fence = FENCE.matcher(line);
    return fence.matches() && fence.group(2).isEmpty();
  }

  /** How many lines of {@code lines} are fences. */
  static long count(List<String> lines) {
    return lines.stream().filter(l -> FENCE.matcher(l).matches()).count();
  }

  /**
   * The Markdown file of an answer that is one fenced Markdown file (fence marked {@code markdown},
   * {@code md}, {@code text} or nothing), possibly fenced again inside, with at most
   * {@value #MAX_PROSE_AROUND} characters of prose around the outer fence; else empty.
   */
  static Optional<Unwrapped> answerFile(String answer) {
    List<String> lines = List.of(answer.split("\n", -1));
    int open = -1;
    for (int i = 0; i < lines.size() && open < 0; i++) {
      if (FENCE.matcher(lines.get(i)).matches()) {
        open = i;
      }
    }
    int close = -1;
    for (int i = lines.size() - 1; i > open && close < 0; i--) {
      if (isBareFence(lines.get(i))) {
        close = i;
      }
    }
    if (open < 0 || close < 0) {
      return Optional.empty();
    }
    Matcher opening = FENCE.matcher(lines.get(open));
    if (!opening.matches() || !MARKDOWN.contains(opening.group(2).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    int prose = String.join("\n", lines.subList(0, open)).strip().length()
        + String.join("\n", lines.subList(close + 1, lines.size())).strip().length();
    if (prose > MAX_PROSE_AROUND) {
      return Optional.empty();
    }
    return wrapped(lines.subList(open, close + 1))
        .map(inside -> new Unwrapped(String.join("\n", unwrapAll(new ArrayList<>(inside))).strip(), prose));
  }

  /** {@code lines} without every fence wrapped around all of them, outermost first. */
  static List<String> unwrapAll(List<String> lines) {
    List<String> current = trimmed(lines);
    for (Optional<List<String>> inside = wrapped(current); inside.isPresent(); inside = wrapped(current)) {
      current = trimmed(inside.get());
    }
    return current;
  }

  /** {@code lines} without blank lines at either end. */
  static List<String> trimmed(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return new ArrayList<>(lines.subList(from, to));
  }
}

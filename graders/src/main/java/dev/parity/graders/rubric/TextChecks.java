package dev.parity.graders.rubric;

import dev.parity.documents.FileFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on the text of a deliverable, optionally of its files of one format only. */
final class TextChecks {
  private TextChecks() {}

  /** The text contains (or, negated, does not contain) a phrase; whitespace runs match any whitespace. */
  record Contains(String text, boolean caseSensitive, boolean negated, FileFormat in) implements Check {
    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      String haystack = normalise(deliverable.text(in), caseSensitive);
      String needle = normalise(text, caseSensitive);
      int at = haystack.indexOf(needle);
      String shown = "\"" + text + "\"";
      if (negated) {
        return at < 0 ? CheckResult.met("does not contain " + shown)
            : CheckResult.notMet("contains " + shown + ": …" + around(haystack, at, needle.length()) + "…");
      }
      return at >= 0 ? CheckResult.met("contains " + shown + ": …" + around(haystack, at, needle.length()) + "…")
          : CheckResult.notMet("does not contain " + shown + scope(in));
    }
  }

  /** The text matches a regular expression somewhere. */
  record Matches(Pattern pattern, boolean negated, FileFormat in) implements Check {
    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      Matcher matcher = pattern.matcher(deliverable.text(in));
      boolean found = matcher.find();
      String shown = "/" + pattern.pattern() + "/";
      if (found != negated) {
        return CheckResult.met(found ? "matches " + shown + ": \"" + clip(matcher.group()) + "\"" : "no match for " + shown);
      }
      return CheckResult.notMet(found ? "matches " + shown + ": \"" + clip(matcher.group()) + "\""
          : "no match for " + shown + scope(in));
    }
  }

  /** The number of words is within a range. */
  record WordCount(Integer min, Integer max, FileFormat in) implements Check {
    @Override
    public CheckResult evaluate(DeliverableContent deliverable) {
      String text = deliverable.text(in).strip();
      int words = text.isEmpty() ? 0 : text.split("\\s+").length;
      return Ranges.check("word count", words, min, max);
    }
  }

  static String normalise(String text, boolean caseSensitive) {
    String spaced = text.replaceAll("\\s+", " ");
    return caseSensitive ? spaced : spaced.toLowerCase(Locale.ROOT);
  }

  private static String around(String text, int at, int length) {
    int from = Math.max(0, at - 30);
    int to = Math.min(text.length(), at + length + 30);
    return text.substring(from, to);
  }

  private static String clip(String text) {
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  static String scope(FileFormat in) {
    return in == null ? "" : " in the " + in.id() + " files";
  }
}

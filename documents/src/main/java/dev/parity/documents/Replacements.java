package dev.parity.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a redaction replaces and with what: each value to remove, of its kind, gets a typed
 * placeholder numbered per kind ({@code [EMAIL-1]}, {@code [EMAIL-2]}, {@code [PHONE-1]}), the same
 * one wherever the value stands, so a redacted suite still reads consistently. A value is found
 * ignoring case and however the white space inside it is broken (a line break, two spaces), since
 * the same address or marker is written differently from one place to another.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class Replacements {
  /**
   * One value to remove: its kind ({@code email}, {@code us_ssn}, …), its exact text, and the
   * parts of it that are to be replaced on their own too, by the same placeholder, where a file
   * holds the value in pieces (the lines of a private key block, one Word paragraph or PDF line
   * each); empty for most values.
   */
  public record Target(String kind, String match, List<String> parts) {
    public Target {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(match, "match");
      parts = List.copyOf(parts);
    }

    /** A value replaced only whole. */
    public Target(String kind, String match) {
      this(kind, match, List.of());
    }
  }

  /** A value's placeholder and the pattern that finds it. */
  record Entry(String kind, String placeholder, Pattern pattern) {}

  /** Where an entry's value stands in a text: [start, end). */
  record Hit(int start, int end, Entry entry) {}

  private final List<Entry> entries;
  private final Map<String, Entry> byValue;

  private Replacements(List<Entry> entries, Map<String, Entry> byValue) {
    this.entries = List.copyOf(entries);
    this.byValue = Map.copyOf(byValue);
  }

  /**
   * Placeholders for {@code targets}, numbered per kind in the order given; blank matches are
   * ignored, and a value given twice (same kind, same text up to case and white space) gets one
   * placeholder.
   */
  public static Replacements of(List<Target> targets) {
    Map<String, Entry> byValue = new LinkedHashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Target target : targets) {
      String value = target.match().strip();
      if (value.isEmpty()) {
        continue;
      }
      String label = target.kind().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
      Entry whole = byValue.computeIfAbsent(key(target.kind(), value), k -> new Entry(target.kind(),
          "[" + label + "-" + counts.merge(label, 1, Integer::sum) + "]", pattern(value)));
      for (String part : target.parts()) {
        if (!part.isBlank()) {
          byValue.putIfAbsent(key(target.kind(), part), new Entry(target.kind(), whole.placeholder(), pattern(part.strip())));
        }
      }
    }
    List<Entry> entries = new ArrayList<>(byValue.values());
    // Longer values first, so that one inside another (a street in a full address) is not cut in two.
    entries.sort(Comparator.comparingInt((Entry e) -> e.pattern().pattern().length()).reversed());
    return new Replacements(entries, byValue);
  }

  private static String key(String kind, String value) {
    return kind + "\u0000" + value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  /** Whether there is nothing to replace. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The placeholder of {@code match} of {@code kind}; empty when it is not one of the targets. */
  public java.util.Optional<String> placeholder(String kind, String match) {
    return java.util.Optional.ofNullable(byValue.get(key(kind, match))).map(Entry::placeholder);
  }

  /** Every value in {@code text}, in order, none overlapping (at one place the longest wins). */
  List<Hit> find(String text) {
    List<Hit> hits = new ArrayList<>();
    for (Entry entry : entries) {
      Matcher matcher = entry.pattern().matcher(text);
      while (matcher.find()) {
        hits.add(new Hit(matcher.start(), matcher.end(), entry));
      }
    }
    if (hits.size() < 2) {
      return hits;
    }
    hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
    List<Hit> kept = new ArrayList<>();
    int end = -1;
    for (Hit hit : hits) {
      if (hit.start() >= end) {
        kept.add(hit);
        end = hit.end();
      }
    }
    return kept;
  }

  /** {@code text} with every value replaced by its placeholder; each hit is handed to {@code applied}. */
  String apply(String text, java.util.function.Consumer<Hit> applied) {
    List<Hit> hits = find(text);
    if (hits.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Hit hit : hits) {
      out.append(text, at, hit.start()).append(hit.entry().placeholder());
      applied.accept(hit);
      at = hit.end();
    }
    return out.append(text, at, text.length()).toString();
  }

  /**
   * Replaces the values in a text split over several pieces (the runs of a Word paragraph, the
   * rich-text runs of a cell): a value spanning pieces is replaced in the first and its rest is
   * cut from the others. Returns the pieces' new texts, or null when nothing was found.
   */
  List<String> applyAcross(List<String> pieces, java.util.function.Consumer<Hit> applied) {
    String joined = String.join("", pieces);
    List<Hit> hits = find(joined);
    if (hits.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>(pieces.size());
    int offset = 0;
    int h = 0;
    for (String piece : pieces) {
      StringBuilder text = new StringBuilder(piece.length());
      for (int i = 0; i < piece.length(); i++) {
        int at = offset + i;
        while (h < hits.size() && hits.get(h).end() <= at) {
          h++;
        }
        if (h < hits.size() && hits.get(h).start() <= at) {
          if (hits.get(h).start() == at) {
            text.append(hits.get(h).entry().placeholder());
            applied.accept(hits.get(h));
          }
        } else {
          text.append(piece.charAt(i));
        }
      }
      out.add(text.toString());
      offset += piece.length();
    }
    return out;
  }

  private static Pattern pattern(String value) {
    StringBuilder regex = new StringBuilder();
    for (String part : value.split("\\s+")) {
      if (!regex.isEmpty()) {
        regex.append("\\s+");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}

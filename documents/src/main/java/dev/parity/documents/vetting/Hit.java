package dev.parity.documents.vetting;

/** A detector's find in one piece of text: its kind and where it stands ({@code [start, end)}). */
record Hit(String kind, int start, int end) {
  /** Adds a hit of {@code kind} for every match of {@code pattern} in {@code text}. */
  static void addAll(String kind, java.util.regex.Pattern pattern, String text, java.util.List<Hit> out) {
    java.util.regex.Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.add(new Hit(kind, m.start(), m.end()));
    }
  }

  boolean overlaps(Hit other) {
    return start < other.end && other.start < end;
  }
}

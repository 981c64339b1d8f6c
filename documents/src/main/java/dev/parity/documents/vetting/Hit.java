package dev.parity.documents.vetting;

/** A detector's find in one piece of text: its kind and where it stands ({@code [start, end)}). */
record Hit(String kind, int start, int end) {
  boolean overlaps(Hit other) {
    return start < other.end && other.start < end;
  }
}

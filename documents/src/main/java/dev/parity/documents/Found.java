package dev.parity.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identifying metadata found in one file, merged so that fifty tracked changes by one author are one
 * line ("Jane Doe (50 times)"). Not thread-safe.
 */
final class Found {
  /** (where, what) to how many times it was found, in the order first found. */
  private final Map<List<String>, Integer> counts = new LinkedHashMap<>();

  void add(String where, String what) {
    counts.merge(List.of(where, what), 1, Integer::sum);
  }

  /** Everything {@code other} found, each place prefixed, e.g. by the zip entry it is in. */
  void addAll(String prefix, Found other) {
    other.counts.forEach((key, count) -> counts.merge(List.of(prefix + key.get(0), key.get(1)), count, Integer::sum));
  }

  List<MetadataEntry> entries() {
    List<MetadataEntry> entries = new ArrayList<>();
    counts.forEach((key, count) ->
        entries.add(new MetadataEntry(key.get(0), key.get(1) + (count > 1 ? " (" + count + " times)" : ""))));
    return entries;
  }

  /** Printable runs of at least four characters in binary metadata, to show what it says. */
  static String strings(byte[] bytes, int from, int to) {
    List<String> runs = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = from; i < to && runs.size() < 6; i++) {
      char c = (char) (bytes[i] & 0xFF);
      if (c >= 0x20 && c < 0x7F) {
        run.append(c);
      } else {
        if (run.toString().strip().length() >= 4 && !runs.contains(run.toString().strip())) {
          runs.add(cut(run.toString().strip()));
        }
        run.setLength(0);
      }
    }
    if (run.toString().strip().length() >= 4 && runs.size() < 6) {
      runs.add(cut(run.toString().strip()));
    }
    return runs.isEmpty() ? "" : "\"" + String.join("\", \"", runs) + "\"";
  }

  static String cut(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 80 ? line.substring(0, 77) + "..." : line;
  }
}

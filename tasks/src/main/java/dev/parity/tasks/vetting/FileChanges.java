package dev.parity.tasks.vetting;

import java.util.ArrayList;
import java.util.List;

/**
 * How a suite's files differ from those a vetting record lists: relative paths, sorted.
 *
 * @param changed files in both whose digest differs
 * @param added files in the suite the record does not list
 * @param removed files the record lists that the suite no longer has
 */
public record FileChanges(List<String> changed, List<String> added, List<String> removed) {
  private static final int SHOWN = 5;

  public FileChanges {
    changed = List.copyOf(changed);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  /** Whether the suite's files are exactly those the record lists. */
  public boolean isEmpty() {
    return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
  }

  /** {@code changed tasks/a/task.json; added tasks/b/ref.pdf; removed …}, at most five names each. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    part(parts, "changed", changed);
    part(parts, "added", added);
    part(parts, "removed", removed);
    return parts.isEmpty() ? "no changes" : String.join("; ", parts);
  }

  private static void part(List<String> parts, String what, List<String> files) {
    if (files.isEmpty()) {
      return;
    }
    String shown = String.join(", ", files.subList(0, Math.min(SHOWN, files.size())));
    parts.add(what + " " + shown + (files.size() > SHOWN ? " and " + (files.size() - SHOWN) + " more" : ""));
  }
}

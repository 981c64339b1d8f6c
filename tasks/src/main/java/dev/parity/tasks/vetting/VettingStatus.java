package dev.parity.tasks.vetting;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Whether a suite has a vetting record that matches its files now, for {@code parity validate
 * --require-vetted} (which refuses anything else) and {@code parity run} (which warns).
 *
 * @param state what was found
 * @param changes how the files differ from the record's; empty unless {@link State#FILES_CHANGED}
 * @param problem why the record cannot be read; null unless {@link State#UNREADABLE}
 */
public record VettingStatus(State state, FileChanges changes, String problem) {
  private static final FileChanges NONE = new FileChanges(java.util.List.of(), java.util.List.of(), java.util.List.of());

  /** What {@link #of} found. */
  public enum State {
    /** vetting.json lists exactly the suite's files with their digests. */
    VETTED,
    /** There is no vetting.json. */
    NOT_VETTED,
    /** There is one, but files were changed, added or removed since. */
    FILES_CHANGED,
    /** There is one, but it cannot be read. */
    UNREADABLE
  }

  public VettingStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(changes, "changes");
  }

  /** The status of the suite in {@code root}; reads every file to take its digest. */
  public static VettingStatus of(Path root) {
    try {
      return VettingRecord.read(root).map(record -> {
        FileChanges changes = record.changes(root);
        return changes.isEmpty() ? new VettingStatus(State.VETTED, NONE, null)
            : new VettingStatus(State.FILES_CHANGED, changes, null);
      }).orElse(new VettingStatus(State.NOT_VETTED, NONE, null));
    } catch (InvalidVettingRecordException e) {
      return new VettingStatus(State.UNREADABLE, NONE, e.getMessage());
    }
  }

  /** Whether the suite is vetted as it is now. */
  public boolean isVetted() {
    return state == State.VETTED;
  }

  /** One line saying what is wrong, naming what differs; {@code vetted} when nothing is. */
  public String describe() {
    return switch (state) {
      case VETTED -> "vetted";
      case NOT_VETTED -> "not vetted: no " + VettingRecord.FILE_NAME;
      case FILES_CHANGED -> "files changed since it was vetted: " + changes;
      case UNREADABLE -> "its vetting record cannot be read: " + problem;
    };
  }
}

package dev.parity.tasks.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;

/**
 * What a file looked like without reading it: its inode, size, modification and change times
 * (links followed). Equal stamps stand for equal contents, as for git's index and make: a file
 * written again gets a new modification or change time, a file replaced by a rename a new inode.
 * Where there are no inodes (not a Unix file system) both are zero and size and time decide.
 */
public record FileStamp(long inode, long size, long modifiedNanos, long changedNanos) {
  /** The stamp of {@code file} now; empty when it cannot be read (missing, not allowed). */
  public static Optional<FileStamp> of(Path file) {
    try {
      Map<String, Object> unix = Files.readAttributes(file, "unix:ino,size,lastModifiedTime,ctime");
      return Optional.of(new FileStamp((Long) unix.get("ino"), (Long) unix.get("size"),
          nanos((FileTime) unix.get("lastModifiedTime")), nanos((FileTime) unix.get("ctime"))));
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // No "unix" attribute view (Windows, some mounted file systems): not an error, the stamp
      // falls back to size and modification time, as the class comment says.
      return basic(file);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Field by field, written out: the equality a record generates is bootstrapped through method
   * handles on its first call, which spins classes at the start of a short command that compares
   * thousands of stamps ({@code parity suite info}).
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof FileStamp stamp && inode == stamp.inode && size == stamp.size
        && modifiedNanos == stamp.modifiedNanos && changedNanos == stamp.changedNanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(inode) * 31 * 31 * 31 + Long.hashCode(size) * 31 * 31 + Long.hashCode(modifiedNanos) * 31
        + Long.hashCode(changedNanos);
  }

  private static Optional<FileStamp> basic(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(new FileStamp(0, attributes.size(), nanos(attributes.lastModifiedTime()), 0));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long nanos(FileTime time) {
    return time.to(java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}

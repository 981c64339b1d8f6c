package dev.parity.tasks.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How the caches in the user's cache folder are written: whole or not at all, never failing a command. */
final class CacheFile {
  private CacheFile() {}

  /**
   * Replaces {@code file} with {@code bytes}: written to a temporary file beside it, then renamed
   * over it, so that a reader sees the old file or the new one, never half of one. A folder that
   * cannot be written (read-only, full) leaves the old file, or none: a cache may cost work, never
   * a command.
   */
  static void replace(Path file, byte[] bytes) {
    Path temporary = null;
    try {
      Files.createDirectories(file.getParent());
      temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.write(temporary, bytes);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // A stray temporary file is never read as the cache.
        }
      }
    }
  }
}

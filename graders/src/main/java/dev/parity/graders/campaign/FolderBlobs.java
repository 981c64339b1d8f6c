package dev.parity.graders.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@link Blobs} in a folder, in the store's layout: {@code <folder>/<first two hex digits>/<sha256>}.
 * Writes are atomic (a temporary file moved into place), so a blob under its name is complete.
 */
public final class FolderBlobs implements Blobs {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final Path folder;

  /** Blobs in {@code folder}, created when the first blob is written. */
  public FolderBlobs(Path folder) {
    this.folder = folder;
  }

  @Override
  public String put(byte[] bytes) {
    String sha = sha256(bytes);
    Path target = path(sha);
    if (Files.exists(target)) {
      return sha;
    }
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), sha.substring(0, 8), ".part");
      try {
        Files.write(temporary, bytes);
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
          // Another thread stored the same bytes first: the blob is there, complete.
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write blob " + sha + " in " + folder, e);
    }
    return sha;
  }

  @Override
  public byte[] get(String sha256) {
    try {
      return Files.readAllBytes(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + sha256 + " in " + folder, e);
    }
  }

  private Path path(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a hex sha256: \"" + sha256 + "\"");
    }
    return folder.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

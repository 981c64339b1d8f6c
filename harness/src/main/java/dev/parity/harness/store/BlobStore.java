package dev.parity.harness.store;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Files kept by content: each is stored once, named by the hex sha256 of its bytes, in
 * {@code <folder>/<first two hex digits>/<sha256>}.
 *
 * <p>Writes are atomic (a temporary file moved into place), so a file under its name is always
 * complete, and writing the same bytes twice is harmless. Safe to use from many threads.
 */
public final class BlobStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final Path folder;
  private final Set<Path> madeFolders = ConcurrentHashMap.newKeySet();

  /** The blob store in {@code folder}, created when the first blob is written. */
  public BlobStore(Path folder) {
    this.folder = folder;
  }

  /** The folder holding the blobs. */
  public Path folder() {
    return folder;
  }

  /** Stores {@code bytes} and returns their sha256, the name to read them back by. */
  public String put(byte[] bytes) {
    String sha = sha256(bytes);
    Path target = path(sha);
    if (Files.exists(target)) {
      return sha;
    }
    try {
      if (!madeFolders.contains(target.getParent())) {
        Files.createDirectories(target.getParent());
        madeFolders.add(target.getParent());
      }
      Path temporary = Files.createTempFile(target.getParent(), sha.substring(0, 8), ".part");
      try {
        Files.write(temporary, bytes);
        move(temporary, target);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write blob " + sha + " in " + folder, e);
    }
    return sha;
  }

  /**
   * The bytes stored as {@code sha256}.
   *
   * @throws UncheckedIOException when there is no such blob or it cannot be read
   */
  public byte[] get(String sha256) {
    try {
      return Files.readAllBytes(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + sha256 + " in " + folder, e);
    }
  }

  /** Where the blob {@code sha256} is (or would be) kept. */
  public Path path(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a hex sha256: \"" + sha256 + "\"");
    }
    return folder.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /** The hex sha256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void move(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Another thread stored the same bytes first: the blob is there, complete.
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

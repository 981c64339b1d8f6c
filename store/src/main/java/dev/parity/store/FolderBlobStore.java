package dev.parity.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} in a folder: {@code <folder>/<first two hex digits>/<sha256>}, the layout
 * of every store so far ({@code <db>.blobs/} beside an SQLite file).
 *
 * <p>Writes go to a temporary file moved into place atomically, so a file under its name is
 * always complete; a crash leaves at most a {@code .part} file behind, which nothing reads.
 * Safe to use from many threads and processes.
 */
public final class FolderBlobStore implements BlobStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final Path folder;
  private final Set<Path> madeFolders = ConcurrentHashMap.newKeySet();

  /** The blob store in {@code folder}, created when the first blob is written. */
  public FolderBlobStore(Path folder) {
    this.folder = folder;
  }

  /** The folder holding the blobs. */
  public Path folder() {
    return folder;
  }

  @Override
  public String put(byte[] bytes) {
    String sha = BlobStore.sha256(bytes);
    Path target = path(sha);
    if (Files.exists(target)) {
      return sha;
    }
    try {
      makeFolder(target.getParent());
      Path temporary = newTemporary(target, bytes);
      boolean moved = false;
      try {
        moved = move(temporary, target);
      } finally {
        if (!moved) {
          Files.deleteIfExists(temporary);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write blob " + sha + " in " + folder, e);
    }
    return sha;
  }

  @Override
  public String put(InputStream in) {
    try {
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, "incoming", ".part");
      try {
        MessageDigest digest = BlobStore.digest();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
          in.transferTo(out);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        Path target = path(sha);
        if (!Files.exists(target)) {
          makeFolder(target.getParent());
          move(temporary, target);
        }
        return sha;
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a blob in " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] get(String sha256) {
    try {
      return Files.readAllBytes(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + sha256 + " in " + folder, e);
    }
  }

  @Override
  public InputStream open(String sha256) {
    try {
      return Files.newInputStream(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + sha256 + " in " + folder, e);
    }
  }

  @Override
  public boolean exists(String sha256) {
    return Files.isRegularFile(path(sha256));
  }

  @Override
  public Path file(String sha256) {
    return path(sha256);
  }

  /**
   * Where the blob {@code sha256} is (or would be) kept.
   *
   * @throws IllegalArgumentException when {@code sha256} is not 64 lower-case hex digits
   */
  public Path path(String sha256) {
    return folder.resolve(checkedName(sha256).substring(0, 2)).resolve(sha256);
  }

  /** {@code sha256} when it is 64 lower-case hex digits; an {@link IllegalArgumentException} otherwise. */
  static String checkedName(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a hex sha256: \"" + sha256 + "\"");
    }
    return sha256;
  }

  @Override
  public List<String> list() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder, 2)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> SHA256.matcher(name).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the blobs in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code bytes} to a new file beside {@code target}, named by it and a random number, and
   * returns it. One open that creates the file: {@link Files#createTempFile} draws its name from
   * the shared {@code SecureRandom} (a lock every attempt's thread took) and a second open to write
   * truncates, which makes ext4 write the file out at its close (benchmarks/README.md, the run rows).
   * The names need not be unpredictable: the folder is the store's, not a shared temporary folder,
   * and a file made with CREATE_NEW is never one that was there before.
   */
  private static Path newTemporary(Path target, byte[] bytes) throws IOException {
    while (true) {
      Path temporary = target.resolveSibling(target.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
      try {
        Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return temporary;
      } catch (FileAlreadyExistsException e) {
        // Another writer drew the same name: draw again.
      } catch (IOException e) {
        Files.deleteIfExists(temporary);
        throw e;
      }
    }
  }

  private void makeFolder(Path parent) throws IOException {
    if (!madeFolders.contains(parent)) {
      Files.createDirectories(parent);
      madeFolders.add(parent);
    }
  }

  /** Moves the temporary file to the blob's name; false when a blob was there already (the file stays). */
  private static boolean move(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Another thread stored the same bytes first: the blob is there, complete.
      return false;
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return true;
  }

  @Override
  public String toString() {
    return "FolderBlobStore[" + folder + "]";
  }
}

package dev.parity.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * Files kept by content: each is stored once, named by the hex sha256 of its bytes. A blob is
 * always complete under its name, and storing the same bytes twice is harmless. Write a blob
 * before or in the transaction that names it ({@link #stage}), so that a committed row never
 * points at a missing blob.
 *
 * <p>Implementations are safe to use from many threads.
 */
public interface BlobStore {
  /** Stores {@code bytes} (a no-op when they are there already) and returns their hex sha256. */
  String put(byte[] bytes);

  /**
   * Names {@code bytes} now and stores them in a transaction of the caller's on this store's own
   * database, so that the blob commits with the rows that name it (one transaction for both,
   * instead of one each): run {@link Staged#write} in that transaction. A store outside the
   * database (a folder) stores the blob now, in the calling thread, and its write does nothing.
   */
  default Staged stage(byte[] bytes) {
    String sha256 = put(bytes);
    return new Staged(sha256, handle -> null);
  }

  /**
   * A blob named and not yet written: {@code write}, run in a transaction on the store's database,
   * stores it there (a no-op when it is there already). See {@link #stage}.
   */
  record Staged(String sha256, Database.Work<?> write) {}

  /**
   * Writes blobs this store staged, in the caller's transaction on its database, in the order
   * given: as each one's {@link Staged#write} would, in fewer round trips where the store can. A
   * store outside the database wrote them when they were staged. Callers that may write the same
   * new blobs in two transactions at once give them in one order (by name), so that the two wait
   * for each other instead of deadlocking.
   */
  default void write(Handle handle, List<Staged> staged) throws SQLException {
    for (Staged blob : staged) {
      blob.write().apply(handle);
    }
  }

  /**
   * Stores what {@code in} holds, read to its end (not closed), and returns its hex sha256.
   *
   * @throws UncheckedIOException when {@code in} cannot be read or the blob cannot be written
   */
  default String put(InputStream in) {
    try {
      return put(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bytes of a new blob: " + e.getMessage(), e);
    }
  }

  /**
   * The bytes stored as {@code sha256}.
   *
   * @throws UncheckedIOException when there is no such blob or it cannot be read
   * @throws IllegalArgumentException when {@code sha256} is not 64 lower-case hex digits
   */
  byte[] get(String sha256);

  /**
   * The blob {@code sha256} as a stream, for the caller to close.
   *
   * @throws UncheckedIOException when there is no such blob or it cannot be read
   */
  default InputStream open(String sha256) {
    return new ByteArrayInputStream(get(sha256));
  }

  /** Whether the blob {@code sha256} is stored. */
  boolean exists(String sha256);

  /** The names (hex sha256) of every blob stored, in order; for copying a store. */
  List<String> list();

  /**
   * A file on this machine holding the blob {@code sha256}, for readers that need a file
   * (document parsers); a store that keeps blobs elsewhere writes a copy to a cache folder.
   * Read it, never write it.
   *
   * @throws UncheckedIOException when there is no such blob or it cannot be made available
   */
  Path file(String sha256);

  /** The hex sha256 of {@code bytes}: the name {@link #put} gives them. */
  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** A fresh SHA-256 digest. */
  static MessageDigest digest() {
    return Sha256Prototype.fresh();
  }
}

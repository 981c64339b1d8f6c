package dev.parity.graders.campaign;

/**
 * Where campaign files are kept, by the hex sha256 of their bytes. The store's content-addressed
 * blob folder implements it (its {@code put} and {@code get} have these contracts); so does
 * {@link FolderBlobs}. Implementations are safe to use from many threads.
 */
public interface Blobs {
  /** Stores {@code bytes} (a no-op when they are there already) and returns their hex sha256. */
  String put(byte[] bytes);

  /**
   * The bytes stored as {@code sha256}.
   *
   * @throws java.io.UncheckedIOException when there is no such blob or it cannot be read
   */
  byte[] get(String sha256);
}

package dev.parity.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A {@link BlobStore} in the database's own tables ({@code store_blobs}, {@code store_blob_chunks},
 * migration {@code db/migration-postgresql/store/V0_1__blobs.sql}), so that workers on other
 * machines need nothing shared but the database. A blob is written and read in chunks of at most
 * {@value #CHUNK} bytes, never whole in memory, and every read is checked against its sha256.
 *
 * <p>A blob is written in one transaction. Bytes at hand ({@link #put(byte[])}, {@link #stage})
 * are hashed first: the row is added, and its chunks only when the row was not there (a writer of
 * the same bytes waits at the row for the other's commit, then writes nothing). A stream is
 * written as it is read: its chunks under a temporary name, then, once the hash is known, renamed
 * and its row added, or dropped when the row was there already. {@link #file} copies a blob to a folder on this
 * machine, a cache shared by every database since blobs are named by their content.
 *
 * <p>Safe to use from many threads and processes.
 */
final class DatabaseBlobStore implements BlobStore {
  static final int CHUNK = 1 << 20;
  private final Database database;
  private final FolderBlobStore cache;

  DatabaseBlobStore(Database database, Path cacheFolder) {
    this.database = database;
    this.cache = new FolderBlobStore(cacheFolder);
  }

  @Override
  public String put(byte[] bytes) {
    Staged staged = stage(bytes);
    database.transaction("store a blob", staged.write());
    return staged.sha256();
  }

  @Override
  public Staged stage(byte[] bytes) {
    String sha = BlobStore.sha256(bytes);
    return new Staged(sha, new NewBlob(sha, bytes));
  }

  /** A blob staged here: its write adds its row and, unless the row was there already, its chunks. */
  private record NewBlob(String sha256, byte[] bytes) implements Database.Work<Void> {
    @Override
    public Void apply(Handle h) throws SQLException {
      writeAll(h, List.of(this));
      return null;
    }

    int chunks() {
      return (bytes.length + CHUNK - 1) / CHUNK;
    }
  }

  /** The blobs staged here in two statements, each one batch: their rows, then the chunks of those that were new. */
  @Override
  public void write(Handle h, List<Staged> staged) throws SQLException {
    List<NewBlob> blobs = new ArrayList<>();
    for (Staged blob : staged) {
      if (blob.write() instanceof NewBlob mine) {
        blobs.add(mine);
      } else {
        blob.write().apply(h);
      }
    }
    writeAll(h, blobs);
  }

  /**
   * Adds the blobs' rows and the chunks of those whose row was not there: a writer of the same
   * bytes waits at the row for the other's commit, then writes no chunk.
   */
  private static void writeAll(Handle h, List<NewBlob> blobs) throws SQLException {
    int[] added = h.batchCounts(h.dialect().upsert("store_blobs", List.of("sha256"),
        List.of("sha256", "size_bytes", "chunks"), List.of()),
        blobs.stream().map(b -> new Object[] {b.sha256(), b.bytes().length, b.chunks()}).toList());
    List<Object[]> rows = new ArrayList<>();
    for (int b = 0; b < blobs.size(); b++) {
      if (added[b] == 0) {
        continue;
      }
      byte[] bytes = blobs.get(b).bytes();
      for (int i = 0; i < blobs.get(b).chunks(); i++) {
        rows.add(new Object[] {blobs.get(b).sha256(), i,
            Arrays.copyOfRange(bytes, i * CHUNK, Math.min(bytes.length, (i + 1) * CHUNK))});
      }
    }
    h.batch("INSERT INTO store_blob_chunks (sha256, ordinal, bytes) VALUES (?, ?, ?)", rows);
  }

  @Override
  public String put(InputStream in) {
    String staging = "part-" + UUID.randomUUID().toString().replace("-", "");
    return database.transaction("store a blob", h -> {
      MessageDigest digest = BlobStore.digest();
      byte[] buffer = new byte[CHUNK];
      long size = 0;
      int chunks = 0;
      int read;
      while ((read = readChunk(in, buffer)) > 0) {
        digest.update(buffer, 0, read);
        h.update("INSERT INTO store_blob_chunks (sha256, ordinal, bytes) VALUES (?, ?, ?)",
            staging, chunks, Arrays.copyOf(buffer, read));
        size += read;
        chunks++;
      }
      String sha = HexFormat.of().formatHex(digest.digest());
      // Waits for another writer of the same bytes to commit, then finds its row: keep one copy.
      int added = h.update(h.dialect().upsert("store_blobs", List.of("sha256"),
          List.of("sha256", "size_bytes", "chunks"), List.of()), sha, size, chunks);
      if (added == 1) {
        h.update("UPDATE store_blob_chunks SET sha256 = ? WHERE sha256 = ?", sha, staging);
      } else {
        h.update("DELETE FROM store_blob_chunks WHERE sha256 = ?", staging);
      }
      return sha;
    });
  }

  private static int readChunk(InputStream in, byte[] buffer) {
    try {
      return in.readNBytes(buffer, 0, buffer.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bytes of a new blob: " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] get(String sha256) {
    try (InputStream in = open(sha256)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(String sha256) {
    int chunks = database.read("find blob " + sha256, h -> h.first(
        "SELECT chunks FROM store_blobs WHERE sha256 = ?", r -> r.integer(1), checked(sha256)))
        .orElseThrow(() -> new UncheckedIOException(
            new IOException("no blob " + sha256 + " in " + database.name())));
    return new ChunkStream(sha256, chunks);
  }

  @Override
  public boolean exists(String sha256) {
    return database.read("find blob " + sha256, h -> h.first(
        "SELECT 1 FROM store_blobs WHERE sha256 = ?", r -> r.integer(1), checked(sha256))).isPresent();
  }

  @Override
  public Path file(String sha256) {
    if (!cache.exists(sha256)) {
      try (InputStream in = open(sha256)) {
        cache.put(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy blob " + sha256 + " to " + cache.folder(), e);
      }
    }
    return cache.path(sha256);
  }

  @Override
  public List<String> list() {
    return database.read("list the blobs",
        h -> h.list("SELECT sha256 FROM store_blobs ORDER BY sha256", r -> r.text(1)));
  }

  private static String checked(String sha256) {
    return FolderBlobStore.checkedName(sha256);
  }

  /** A blob read a chunk at a time, its hash checked when the last chunk is read. */
  private final class ChunkStream extends InputStream {
    private final String sha256;
    private final int chunks;
    private final MessageDigest digest = BlobStore.digest();
    private byte[] chunk = new byte[0];
    private int position;
    private int next;
    private boolean verified;

    ChunkStream(String sha256, int chunks) {
      this.sha256 = sha256;
      this.chunks = chunks;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (position == chunk.length) {
        if (next == chunks) {
          verify();
          return -1;
        }
        chunk = fetch(next++);
        position = 0;
      }
      int count = Math.min(length, chunk.length - position);
      System.arraycopy(chunk, position, into, offset, count);
      position += count;
      return count;
    }

    private byte[] fetch(int ordinal) throws IOException {
      byte[] bytes;
      try {
        bytes = database.read("read blob " + sha256, h -> h.first(
            "SELECT bytes FROM store_blob_chunks WHERE sha256 = ? AND ordinal = ?",
            r -> r.resultSet().getBytes(1), sha256, ordinal)).orElse(null);
      } catch (StoreException e) {
        throw new IOException(e.getMessage(), e);
      }
      if (bytes == null) {
        throw new IOException("blob " + sha256 + " in " + database.name() + " is missing its chunk " + ordinal);
      }
      digest.update(bytes);
      return bytes;
    }

    private void verify() throws IOException {
      if (verified) {
        return;
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equals(sha256)) {
        throw new IOException("blob " + sha256 + " in " + database.name() + " is damaged: its bytes hash to " + actual);
      }
      verified = true;
    }
  }

  @Override
  public String toString() {
    return "DatabaseBlobStore[" + database.name() + "]";
  }
}

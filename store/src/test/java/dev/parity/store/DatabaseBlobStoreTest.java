package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseBlobStoreTest {
  private static final byte[] MEMO = "# Memo".getBytes(StandardCharsets.UTF_8);
  @RegisterExtension final TestStores stores = new TestStores();

  @Test
  void aPostgresqlStoreKeepsItsBlobsInTheDatabaseByTheirSha256() {
    Database database = stores.open(Engine.POSTGRESQL);
    BlobStore blobs = database.blobs();

    String sha = blobs.put(MEMO);

    assertThat(blobs).isInstanceOf(DatabaseBlobStore.class);
    assertThat(sha).isEqualTo(BlobStore.sha256(MEMO));
    assertThat(blobs.put(MEMO)).isEqualTo(sha);
    assertThat(blobs.exists(sha)).isTrue();
    assertThat(blobs.get(sha)).isEqualTo(MEMO);
    assertThat(blobs.list()).containsExactly(sha);
    assertThat(count(database, "SELECT COUNT(*) FROM store_blob_chunks")).isEqualTo(1);
  }

  @Test
  void aLargeBlobIsWrittenAndReadInChunksAndComesBackWhole() throws Exception {
    BlobStore blobs = stores.open(Engine.POSTGRESQL).blobs();
    byte[] large = new byte[DatabaseBlobStore.CHUNK * 2 + 123];
    new Random(7).nextBytes(large);

    String sha = blobs.put(new ByteArrayInputStream(large));

    assertThat(sha).isEqualTo(BlobStore.sha256(large));
    try (InputStream in = blobs.open(sha)) {
      assertThat(in.readNBytes(10)).isEqualTo(java.util.Arrays.copyOf(large, 10));
      assertThat(in.readAllBytes()).hasSize(large.length - 10);
    }
    assertThat(blobs.file(sha)).hasBinaryContent(large);
    assertThat(stores.folder().resolve("blob-cache")).isDirectory();
  }

  @Test
  void theEmptyBlobIsABlobToo() {
    BlobStore blobs = stores.open(Engine.POSTGRESQL).blobs();

    String sha = blobs.put(new byte[0]);

    assertThat(blobs.get(sha)).isEmpty();
    assertThat(sha).isEqualTo(BlobStore.sha256(new byte[0]));
  }

  @Test
  void damagedBytesAreCaughtWhenRead() throws IOException {
    Database database = stores.open(Engine.POSTGRESQL);
    String sha = database.blobs().put(MEMO);
    database.transaction("damage the blob", h -> h.update(
        "UPDATE store_blob_chunks SET bytes = ? WHERE sha256 = ?", "# Mema".getBytes(StandardCharsets.UTF_8), sha));

    assertThatThrownBy(() -> database.blobs().get(sha))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("blob " + sha).hasMessageContaining("is damaged");
    try (InputStream in = database.blobs().open(sha)) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("is damaged");
    }
  }

  @Test
  void aMissingBlobIsReportedAndAMalformedNameRefused() {
    BlobStore blobs = stores.open(Engine.POSTGRESQL).blobs();
    String absent = "0".repeat(64);

    assertThat(blobs.exists(absent)).isFalse();
    assertThatThrownBy(() -> blobs.get(absent)).isInstanceOf(UncheckedIOException.class).hasMessageContaining(absent);
    assertThatThrownBy(() -> blobs.file(absent)).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> blobs.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writersOfTheSameBytesAtOnceLeaveOneCopy() throws Exception {
    Database database = stores.open(Engine.POSTGRESQL);
    byte[] bytes = new byte[DatabaseBlobStore.CHUNK + 1];
    new Random(3).nextBytes(bytes);

    putEightTimesAtOnce(bytes, () -> database.blobs().put(new ByteArrayInputStream(bytes)));

    assertThat(count(database, "SELECT COUNT(*) FROM store_blobs")).isEqualTo(1);
    assertThat(count(database, "SELECT COUNT(*) FROM store_blob_chunks")).isEqualTo(2);
    assertThat(database.blobs().get(BlobStore.sha256(bytes))).isEqualTo(bytes);
  }

  @Test
  void writersOfTheSameBytesInMemoryAtOnceLeaveOneCopyInChunks() throws Exception {
    Database database = stores.open(Engine.POSTGRESQL);
    byte[] bytes = new byte[DatabaseBlobStore.CHUNK * 2 + 5];
    new Random(4).nextBytes(bytes);

    putEightTimesAtOnce(bytes, () -> database.blobs().put(bytes));

    assertThat(count(database, "SELECT COUNT(*) FROM store_blobs")).isEqualTo(1);
    assertThat(count(database, "SELECT COUNT(*) FROM store_blob_chunks")).isEqualTo(3);
    assertThat(database.blobs().get(BlobStore.sha256(bytes))).isEqualTo(bytes);
  }

  @Test
  void aStagedBlobCommitsWithTheCallersTransactionAndNeverWithoutIt() {
    Database database = stores.open(Engine.POSTGRESQL);
    BlobStore.Staged memo = database.blobs().stage(MEMO);
    BlobStore.Staged other = database.blobs().stage("other".getBytes(StandardCharsets.UTF_8));

    assertThat(memo.sha256()).isEqualTo(BlobStore.sha256(MEMO));
    assertThat(database.blobs().exists(memo.sha256())).isFalse();
    assertThatThrownBy(() -> database.transaction("fail after staging", h -> {
      other.write().apply(h);
      throw new java.sql.SQLException("the caller's own statement failed");
    })).isInstanceOf(StoreException.class);
    database.transaction("record with the memo", h -> memo.write().apply(h));

    assertThat(database.blobs().get(memo.sha256())).isEqualTo(MEMO);
    assertThat(database.blobs().exists(other.sha256())).isFalse();
    assertThat(count(database, "SELECT COUNT(*) FROM store_blob_chunks")).isEqualTo(1);
  }

  @Test
  void aFolderBlobStoreStoresAStagedBlobAtOnce() {
    Database database = stores.open(Engine.SQLITE);

    BlobStore.Staged memo = database.blobs().stage(MEMO);

    assertThat(database.blobs().get(memo.sha256())).isEqualTo(MEMO);
  }

  @Test
  void aFolderBlobStoreListsItsBlobsInOrder() {
    Database database = stores.open(Engine.SQLITE);
    String memo = database.blobs().put(MEMO);
    String other = database.blobs().put("other".getBytes(StandardCharsets.UTF_8));

    assertThat(database.blobs().list()).containsExactly(
        memo.compareTo(other) < 0 ? new String[] {memo, other} : new String[] {other, memo});
  }

  /** Runs {@code put} eight times, four at once, and checks that each named the bytes by their sha256. */
  private static void putEightTimesAtOnce(byte[] bytes, Callable<String> put) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> puts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        puts.add(threads.submit(put));
      }
      for (Future<String> done : puts) {
        assertThat(done.get()).isEqualTo(BlobStore.sha256(bytes));
      }
    } finally {
      threads.shutdown();
    }
  }

  private static int count(Database database, String sql) {
    return database.read("count", h -> h.first(sql, r -> r.integer(1))).orElseThrow();
  }
}

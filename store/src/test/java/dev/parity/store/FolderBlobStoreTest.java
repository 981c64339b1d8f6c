package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderBlobStoreTest {
  private static final byte[] MEMO = "# Memo".getBytes(StandardCharsets.UTF_8);
  @TempDir Path folder;

  @Test
  void blobsAreKeptOnceByTheirSha256InTheStoresLayout() throws Exception {
    FolderBlobStore blobs = new FolderBlobStore(folder.resolve("blobs"));

    String sha = blobs.put(MEMO);

    assertThat(sha).isEqualTo(BlobStore.sha256(MEMO)).hasSize(64);
    assertThat(BlobStore.sha256("hello".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(blobs.put(MEMO)).isEqualTo(sha);
    assertThat(blobs.path(sha)).isEqualTo(folder.resolve("blobs/" + sha.substring(0, 2) + "/" + sha));
    assertThat(blobs.file(sha)).hasBinaryContent(MEMO);
    assertThat(blobs.get(sha)).isEqualTo(MEMO);
    assertThat(blobs.exists(sha)).isTrue();
    try (Stream<Path> files = Files.walk(folder.resolve("blobs"))) {
      assertThat(files.filter(Files::isRegularFile)).containsExactly(blobs.path(sha));
    }
  }

  @Test
  void theSameBytesPutFromManyThreadsAtOnceLeaveOneWholeBlobAndNoTemporaryFile() throws Exception {
    FolderBlobStore blobs = new FolderBlobStore(folder.resolve("blobs"));
    byte[] large = new byte[256 * 1024];
    Arrays.fill(large, (byte) 'x');
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> shas = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        shas.add(pool.submit(() -> {
          start.await();
          return blobs.put(large);
        }));
      }
      for (Future<String> sha : shas) {
        assertThat(sha.get()).isEqualTo(BlobStore.sha256(large));
      }
    } finally {
      pool.shutdownNow();
    }

    String sha = BlobStore.sha256(large);
    assertThat(blobs.get(sha)).isEqualTo(large);
    try (Stream<Path> files = Files.walk(folder.resolve("blobs"))) {
      assertThat(files.filter(Files::isRegularFile)).containsExactly(blobs.path(sha));
    }
  }

  @Test
  void aStreamGoesInAndComesOutUnderTheSameNameAsItsBytes() throws Exception {
    FolderBlobStore blobs = new FolderBlobStore(folder.resolve("blobs"));

    String sha = blobs.put(new ByteArrayInputStream(MEMO));

    assertThat(sha).isEqualTo(BlobStore.sha256(MEMO));
    try (InputStream in = blobs.open(sha)) {
      assertThat(in.readAllBytes()).isEqualTo(MEMO);
    }
    assertThat(blobs.put(new ByteArrayInputStream(MEMO))).isEqualTo(sha);
    try (Stream<Path> files = Files.walk(folder.resolve("blobs"))) {
      assertThat(files.filter(Files::isRegularFile)).containsExactly(blobs.path(sha));
    }
  }

  @Test
  void aMissingBlobIsReportedAndAMalformedNameRefused() {
    FolderBlobStore blobs = new FolderBlobStore(folder.resolve("blobs"));
    String absent = "0".repeat(64);

    assertThat(blobs.exists(absent)).isFalse();
    assertThatThrownBy(() -> blobs.get(absent)).isInstanceOf(UncheckedIOException.class).hasMessageContaining(absent);
    assertThatThrownBy(() -> blobs.open(absent)).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> blobs.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {
  private static final String TABLE = "CREATE TABLE notes (id VARCHAR(20) PRIMARY KEY, body TEXT, n BIGINT,"
      + " share DOUBLE PRECISION, done BOOLEAN, at VARCHAR(40), wait_ms BIGINT)";
  @TempDir Path folder;
  @RegisterExtension final TestStores stores = new TestStores();

  @Test
  void openingCreatesTheFileInWalModeWithItsBlobFolderBesideIt() throws Exception {
    Path file = folder.resolve("nested/parity.db");
    try (Database database = Database.open(file)) {
      assertThat(database.dialect().name()).isEqualTo("sqlite");
      assertThat(((FolderBlobStore) database.blobs()).folder()).isEqualTo(file.resolveSibling("parity.db.blobs"));
      String journal = database.read("read the journal mode",
          h -> h.first("PRAGMA journal_mode", r -> r.text(1)).orElseThrow());
      int foreignKeys = database.read("read the foreign keys setting",
          h -> h.first("PRAGMA foreign_keys", r -> r.integer(1)).orElseThrow());
      assertThat(journal).isEqualTo("wal");
      assertThat(foreignKeys).isEqualTo(1);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
      assertThat(rows.next()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void parametersAndColumnsRoundTripWithNullsAsNull(Engine engine) {
    Instant at = Instant.parse("2025-06-01T12:00:00.123Z");
    try (Database database = stores.open(engine)) {
      database.transaction("create notes", h -> h.update(TABLE));
      database.transaction("write notes", h -> {
        h.update("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?)", "a", "text", 7L, 0.5, true, at, Duration.ofSeconds(2));
        h.batch("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?)",
            List.<Object[]>of(new Object[] {"b", null, null, null, false, null, null}));
        return null;
      });

      List<String> read = database.read("read notes", h -> h.list("SELECT * FROM notes ORDER BY id",
          r -> r.text("id") + "|" + r.text("body") + "|" + r.bigint("n") + "|" + r.real("share") + "|" + r.bool("done")
              + "|" + r.instant("at") + "|" + r.millis("wait_ms")));

      assertThat(read).containsExactly("a|text|7|0.5|true|" + at + "|PT2S", "b|null|null|null|false|null|null");
      Optional<String> text = database.read("read the time as text",
          h -> h.first("SELECT at FROM notes WHERE id = ?", r -> r.text("at"), "a"));
      assertThat(text).contains("2025-06-01T12:00:00.123Z");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTransactionThatFailsLeavesNothingBehindAndSaysWhatItWasDoing(Engine engine) {
    try (Database database = stores.open(engine)) {
      database.transaction("create notes", h -> h.update(TABLE));

      assertThatThrownBy(() -> database.transaction("write two notes", h -> {
        h.update("INSERT INTO notes (id) VALUES (?)", "a");
        return h.update("INSERT INTO notes (id) VALUES (?)", "a");
      })).isInstanceOf(StoreException.class)
          .hasMessageStartingWith("cannot write two notes in " + database.name());
      assertThatThrownBy(() -> database.transaction("write a note", h -> {
        h.update("INSERT INTO notes (id) VALUES (?)", "b");
        throw new IllegalStateException("the caller's own failure");
      })).isExactlyInstanceOf(IllegalStateException.class);

      Optional<Integer> count = database.read("count notes", h -> h.first("SELECT COUNT(*) FROM notes", r -> r.integer(1)));
      assertThat(count).contains(0);
    }
  }

  @Test
  void concurrentWritersQueueInsteadOfFailingOnTheBusyDatabase() throws Exception {
    // SQLite's one writer at a time: PostgreSQL lets writers run side by side instead.
    try (Database database = stores.open(Engine.SQLITE)) {
      database.transaction("create notes", h -> h.update(TABLE));
      ExecutorService threads = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          String id = "n" + i;
          writes.add(threads.submit(() -> database.transaction("write " + id, h -> {
            int before = h.first("SELECT COUNT(*) FROM notes", r -> r.integer(1)).orElseThrow();
            h.update("INSERT INTO notes (id, n) VALUES (?, ?)", id, (long) before);
            return before;
          })));
        }
        for (Future<Integer> write : writes) {
          write.get();
        }
      } finally {
        threads.shutdown();
      }
      // Each write saw every write before it: no two read the same count.
      List<Long> counts = database.read("read counts", h -> h.list("SELECT DISTINCT n FROM notes", r -> r.bigint("n")));
      assertThat(counts).hasSize(200);
    }
  }

  @Test
  void anUnopenableFileIsAStoreExceptionNamingIt() throws Exception {
    Path notAFolder = folder.resolve("file");
    java.nio.file.Files.writeString(notAFolder, "x");
    assertThatThrownBy(() -> Database.open(notAFolder.resolve("parity.db")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot open the store " + notAFolder.resolve("parity.db"));
  }
}

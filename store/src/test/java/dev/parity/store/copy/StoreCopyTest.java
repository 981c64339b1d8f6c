package dev.parity.store.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.store.Database;
import dev.parity.store.StoreException;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreCopyTest {
  // Tables of a store's shape: a parent, a child naming it, the types the migrations use.
  private static final List<String> SCHEMA = List.of(
      "CREATE TABLE parents (id VARCHAR(20) NOT NULL PRIMARY KEY, at VARCHAR(40) NOT NULL)",
      "CREATE TABLE children (parent_id VARCHAR(20) NOT NULL REFERENCES parents (id), n INTEGER NOT NULL,"
          + " big BIGINT, share DOUBLE PRECISION, done BOOLEAN NOT NULL, note TEXT, sha256 VARCHAR(64),"
          + " PRIMARY KEY (parent_id, n))");
  @RegisterExtension final TestStores stores = new TestStores();

  @ParameterizedTest
  @CsvSource({"SQLITE, POSTGRESQL", "POSTGRESQL, SQLITE", "SQLITE, SQLITE"})
  void aStoreCopiesWithItsRowsAndBlobsAndTheCopyIsChecked(Engine fromEngine, Engine toEngine) {
    Database from = storeWithSchema(fromEngine);
    Database to = storeWithSchema(toEngine);
    String memo = from.blobs().put("# Memo".getBytes(StandardCharsets.UTF_8));
    String big = from.blobs().put(new byte[3 << 20]);
    from.transaction("fill", h -> {
      h.update("INSERT INTO parents VALUES (?, ?)", "p1", "2025-06-01T12:00:00.123Z");
      h.update("INSERT INTO children VALUES (?, ?, ?, ?, ?, ?, ?)", "p1", 1, 9_000_000_000L, 0.1, true, "ünïcode", memo);
      h.update("INSERT INTO children VALUES (?, ?, ?, ?, ?, ?, ?)", "p1", 2, null, null, false, null, big);
      return null;
    });

    StoreCopy.Result result = StoreCopy.copy(from, to, false);

    assertThat(result.tables()).contains(
        new StoreCopy.TableCount("parents", 1, 1), new StoreCopy.TableCount("children", 2, 2));
    assertThat(result.blobs()).isEqualTo(2);
    assertThat(result.blobBytes()).isEqualTo(6 + (3 << 20));
    assertThat(to.blobs().get(memo)).isEqualTo("# Memo".getBytes(StandardCharsets.UTF_8));
    List<String> rows = to.read("read", h -> h.list("SELECT * FROM children ORDER BY n", r -> r.text("parent_id")
        + "|" + r.integer("n") + "|" + r.bigint("big") + "|" + r.real("share") + "|" + r.bool("done") + "|" + r.text("note")));
    assertThat(rows).containsExactly("p1|1|9000000000|0.1|true|ünïcode", "p1|2|null|null|false|null");
  }

  @Test
  void aTargetThatHoldsRowsIsRefusedUnlessToldAndThenKeepsItsOwn() {
    Database from = storeWithSchema(Engine.SQLITE);
    Database to = storeWithSchema(Engine.POSTGRESQL);
    from.transaction("fill", h -> h.update("INSERT INTO parents VALUES (?, ?)", "p1", "2025"));
    to.transaction("fill", h -> h.update("INSERT INTO parents VALUES (?, ?)", "p2", "2026"));

    assertThatThrownBy(() -> StoreCopy.copy(from, to, false))
        .isInstanceOf(StoreException.class)
        .hasMessage("the target store " + to.name() + " is not empty (parents: 1 rows): copy into a new store,"
            + " or say --into-non-empty to add to it");

    StoreCopy.Result result = StoreCopy.copy(from, to, true);
    assertThat(result.tables()).contains(new StoreCopy.TableCount("parents", 1, 2));
    StoreCopy.copy(from, to, true); // Again: the rows are there, nothing added, nothing different.
  }

  @Test
  void aRowThatDiffersInTheTargetFailsTheCheckNamingTheTable() {
    Database from = storeWithSchema(Engine.SQLITE);
    Database to = storeWithSchema(Engine.POSTGRESQL);
    from.transaction("fill", h -> h.update("INSERT INTO parents VALUES (?, ?)", "p1", "2025"));
    to.transaction("fill", h -> h.update("INSERT INTO parents VALUES (?, ?)", "p1", "another time"));

    assertThatThrownBy(() -> StoreCopy.copy(from, to, true))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("1 of 1 rows of parents are not in the target");
  }

  @Test
  void aFailedCopyLeavesTheTargetEmptySoItCanRunAgain() {
    Database from = storeWithSchema(Engine.SQLITE);
    Database to = storeWithSchema(Engine.POSTGRESQL);
    to.transaction("narrow a column", h -> h.update("ALTER TABLE children ALTER COLUMN note TYPE VARCHAR(3)"));
    from.transaction("fill", h -> {
      h.update("INSERT INTO parents VALUES (?, ?)", "p1", "2025");
      h.update("INSERT INTO children VALUES (?, ?, ?, ?, ?, ?, ?)", "p1", 1, null, null, true, "too long", null);
      return null;
    });

    assertThatThrownBy(() -> StoreCopy.copy(from, to, false)).isInstanceOf(StoreException.class);

    long parents = to.read("count", h -> h.first("SELECT COUNT(*) FROM parents", r -> r.bigint(1)).orElseThrow());
    assertThat(parents).isZero();
  }

  @Test
  void aDamagedSourceBlobIsNamed() throws Exception {
    Database from = stores.open(Engine.SQLITE);
    Database to = stores.open(Engine.POSTGRESQL);
    String sha = from.blobs().put("# Memo".getBytes(StandardCharsets.UTF_8));
    Path file = from.blobs().file(sha);
    Files.writeString(file, "# Mema");

    assertThatThrownBy(() -> StoreCopy.copy(from, to, false))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("blob " + sha + " of " + from.name() + " is damaged");
  }

  @Test
  void aStoreIsNotCopiedOntoItself() {
    String location = stores.location(Engine.SQLITE);
    Database one = stores.open(location);
    Database same = stores.open(location);

    assertThatThrownBy(() -> StoreCopy.copy(one, same, true)).hasMessageContaining("onto itself");
  }

  private Database storeWithSchema(Engine engine) {
    Database database = stores.open(engine);
    database.transaction("create the tables", h -> {
      for (String statement : SCHEMA) {
        h.update(statement);
      }
      return null;
    });
    return database;
  }
}

package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DialectTest {
  @RegisterExtension final TestStores stores = new TestStores();

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anUpsertInsertsTheFirstTimeAndUpdatesTheNamedColumnsAfter(Engine engine) {
    try (Database database = stores.open(engine)) {
      String upsert = database.dialect().upsert("people", List.of("id"), List.of("id", "name", "since"), List.of("name"));
      assertThat(upsert).isEqualTo("INSERT INTO people (id, name, since) VALUES (?, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET name = excluded.name");
      database.transaction("create people", h -> h.update(
          "CREATE TABLE people (id VARCHAR(10) PRIMARY KEY, name TEXT, since VARCHAR(10))"));
      database.transaction("add", h -> h.update(upsert, "p1", "Ann", "2024"));
      database.transaction("update", h -> h.update(upsert, "p1", "Ann Li", "2025"));

      List<String> people = database.read("read", h -> h.list("SELECT * FROM people", r -> r.text("name") + " " + r.text("since")));
      assertThat(people).containsExactly("Ann Li 2024");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anUpsertWithNothingToUpdateKeepsTheFirstRowAndSaysNothingChanged(Engine engine) {
    try (Database database = stores.open(engine)) {
      String upsert = database.dialect().upsert("t", List.of("a", "b"), List.of("a", "b", "c"), List.of());
      assertThat(upsert).isEqualTo("INSERT INTO t (a, b, c) VALUES (?, ?, ?) ON CONFLICT (a, b) DO NOTHING");
      database.transaction("create t", h -> h.update("CREATE TABLE t (a INTEGER, b INTEGER, c TEXT, PRIMARY KEY (a, b))"));

      int added = database.transaction("add", h -> h.update(upsert, 1, 2, "first"));
      int addedAgain = database.transaction("add again", h -> h.update(upsert, 1, 2, "second"));
      List<String> kept = database.read("read", h -> h.list("SELECT c FROM t", r -> r.text(1)));

      assertThat(added).isEqualTo(1);
      assertThat(addedAgain).isZero();
      assertThat(kept).containsExactly("first");
    }
  }

  @Test
  void onlySqliteQueuesItsWriters() {
    assertThat(Dialect.sqlite().singleWriter()).isTrue();
    assertThat(Dialect.postgresql().singleWriter()).isFalse();
  }
}

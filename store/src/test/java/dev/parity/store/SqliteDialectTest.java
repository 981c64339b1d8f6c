package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDialectTest {
  @TempDir Path folder;

  @Test
  void anUpsertInsertsTheFirstTimeAndUpdatesTheNamedColumnsAfter() {
    Dialect dialect = Dialect.sqlite();
    String upsert = dialect.upsert("people", List.of("id"), List.of("id", "name", "since"), List.of("name"));
    assertThat(upsert).isEqualTo("INSERT INTO people (id, name, since) VALUES (?, ?, ?)"
        + " ON CONFLICT (id) DO UPDATE SET name = excluded.name");
    try (Database database = Database.open(folder.resolve("parity.db"))) {
      database.transaction("create people", h -> h.update(
          "CREATE TABLE people (id VARCHAR(10) PRIMARY KEY, name TEXT, since VARCHAR(10))"));
      database.transaction("add", h -> h.update(upsert, "p1", "Ann", "2024"));
      database.transaction("update", h -> h.update(upsert, "p1", "Ann Li", "2025"));

      List<String> people = database.read("read", h -> h.list("SELECT * FROM people", r -> r.text("name") + " " + r.text("since")));
      assertThat(people).containsExactly("Ann Li 2024");
    }
  }

  @Test
  void anUpsertWithNothingToUpdateKeepsTheFirstRow() {
    assertThat(Dialect.sqlite().upsert("t", List.of("a", "b"), List.of("a", "b"), List.of()))
        .isEqualTo("INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a, b) DO NOTHING");
  }
}

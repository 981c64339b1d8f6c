package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDatabaseTest {
  @RegisterExtension final TestStores stores = new TestStores();

  @Test
  void aPostgresqlStoreRunsThePortableAndItsOwnMigrationsInItsSchema() {
    String location = stores.location(Engine.POSTGRESQL);
    Database database = stores.open(location);

    assertThat(database.dialect()).isEqualTo(Dialect.postgresql());
    assertThat(database.name()).isEqualTo(PostgresUrl.parse(location).toString());
    String schema = PostgresUrl.parse(location).schema();
    List<String> tables = database.read("list tables", h -> h.list(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
        r -> r.text(1), schema));
    assertThat(tables).contains("flyway_schema_history", "store_blobs", "store_blob_chunks");
    List<String> applied = database.read("read the history", h -> h.list(
        "SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank", r -> r.text(1)));
    assertThat(applied).contains("store/V0_1__blobs.sql");
  }

  @Test
  void anSqliteStoreHasNoBlobTablesOfPostgresql() {
    Database database = stores.open(Engine.SQLITE);

    List<String> tables = database.read("list tables",
        h -> h.list("SELECT name FROM sqlite_master WHERE type = 'table'", r -> r.text(1)));
    assertThat(tables).doesNotContain("store_blobs");
  }

  @Test
  void reopeningAStoreFindsItsDataAndAppliesNothingTwice() {
    String location = stores.location(Engine.POSTGRESQL);
    try (Database first = stores.open(location)) {
      first.transaction("create notes", h -> h.update("CREATE TABLE notes (id VARCHAR(10) PRIMARY KEY)"));
      first.transaction("add", h -> h.update("INSERT INTO notes VALUES (?)", "n1"));
    }
    Database again = stores.open(location);

    List<String> notes = again.read("read", h -> h.list("SELECT id FROM notes", r -> r.text(1)));
    assertThat(notes).containsExactly("n1");
  }

  @Test
  void anUnreachableServerIsAStoreExceptionNamingTheUrlButNeverThePassword() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // Free once closed: nothing listens there.
    }
    PostgresUrl url = PostgresUrl.parse("postgresql://ann@127.0.0.1:" + port + "/parity");

    assertThatThrownBy(() -> Database.open(url, new Passwords.Lookup("hunter2-secret", null), null, Path.of("cache")))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot open the store postgresql://ann@127.0.0.1:" + port + "/parity: ")
        .hasMessageContaining("refused")
        .hasMessageNotContaining("hunter2-secret");
  }

  @Test
  void aPasswordFileThatWasPassedOverIsToldWhenTheConnectionFails() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PostgresUrl url = PostgresUrl.parse("postgresql://ann@127.0.0.1:" + port + "/parity");

    assertThatThrownBy(() -> Database.open(url, new Passwords.Lookup(null, "the password file ~/.pgpass was ignored"),
        null, Path.of("cache")))
        .hasMessageEndingWith("(the password file ~/.pgpass was ignored)");
  }

  @Test
  void aPasswordGivenIsUsedButNeverShown() {
    // The test server trusts every connection, so a password is accepted whatever it is: what
    // matters is that it appears nowhere.
    String location = stores.location(Engine.POSTGRESQL);
    PostgresUrl url = PostgresUrl.parse(location);
    try (Database database = Database.open(url, new Passwords.Lookup("hunter2-secret", null), null,
        stores.folder().resolve("cache"))) {
      assertThat(database.name()).doesNotContain("hunter2");
      assertThat(database.toString()).doesNotContain("hunter2");
      assertThat(database.blobs().toString()).doesNotContain("hunter2");
      assertThatThrownBy(() -> database.read("read a missing table", h -> h.list("SELECT * FROM nothing_here", r -> 1)))
          .hasMessageStartingWith("cannot read a missing table in " + url)
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void aUrlOfAnotherKindIsRefusedInsteadOfMadeIntoAFile() {
    assertThatThrownBy(() -> Database.open("jdbc:postgresql://db:5432/parity", null))
        .isInstanceOf(StoreException.class)
        .hasMessage("not a store Parity can open: jdbc:postgresql://db:5432/parity:"
            + " give an SQLite file or postgresql://USER@HOST:PORT/DB");
    assertThatThrownBy(() -> Database.open("mysql://ann:hunter2@db/parity", null))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void openingByLocationTellsAUrlFromAFile() {
    Database sqlite = stores.open(stores.location(Engine.SQLITE));
    assertThat(sqlite.dialect()).isEqualTo(Dialect.sqlite());
    Path elsewhere = stores.folder().resolve("shared-blobs");
    try (Database withFolder = Database.open(stores.folder().resolve("b.db").toString(), elsewhere)) {
      String sha = withFolder.blobs().put(new byte[] {1, 2});
      assertThat(new FolderBlobStore(elsewhere).exists(sha)).isTrue();
    }
  }
}

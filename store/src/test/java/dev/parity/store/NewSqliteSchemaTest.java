package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class NewSqliteSchemaTest {
  private static final List<String> LOCATIONS = List.of("db/migration", "db/migration-sqlite");
  /**
   * Migrations as they come: in two modules' folders and both locations, versions that sort as
   * numbers (9.2 before 9.10), a byte order mark and Windows line ends, a trigger whose body holds
   * semicolons, and comments.
   */
  private static final Map<String, String> FIRST = Map.of(
      "db/migration/a/V9_1__notes_and_tags.sql", "\uFEFF-- Notes; and their tags.\r\n"
          + "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, edits INTEGER NOT NULL DEFAULT 0);\r\n"
          + "CREATE INDEX notes_by_text ON notes (text);\r\n",
      "db/migration/b/V9_10__note_edits.sql", "CREATE TRIGGER note_edited AFTER UPDATE OF text ON notes\n"
          + "BEGIN\n  UPDATE notes SET edits = edits + 1 WHERE id = NEW.id;\nEND;\n",
      "db/migration-sqlite/a/V9_2__tags.sql", "CREATE TABLE tags (note INTEGER NOT NULL REFERENCES notes (id), tag TEXT);");
  private static final Map.Entry<String, String> LATER =
      Map.entry("db/migration/b/V9_11__archive.sql", "ALTER TABLE notes ADD COLUMN archived INTEGER;\n");
  @TempDir Path folder;

  @Test
  void aNewStoreMadeWithoutFlywayHasTheSchemaAndHistoryFlywayWouldHaveWritten() throws Exception {
    SQLiteDataSource direct = sqlite("direct.db");
    SQLiteDataSource flyway = sqlite("flyway.db");
    createBothWays(direct, flyway);

    assertThat(schema(direct)).isEqualTo(schema(flyway)).isNotEmpty();
    assertThat(history(direct)).isEqualTo(history(flyway)).hasSize(3);
    assertThat(history(direct)).extracting(row -> row.get(1)).containsExactly("9.1", "9.2", "9.10");
    try (URLClassLoader migrations = ClasspathFolder.of(folder, FIRST)) {
      assertThat(MigratedSchema.isCurrent(direct, migrations(migrations))).isTrue();
    }
  }

  @Test
  void aLaterFlywayMigratesAStoreMadeWithoutItAsItsOwn() throws Exception {
    SQLiteDataSource direct = sqlite("direct.db");
    SQLiteDataSource flyway = sqlite("flyway.db");
    createBothWays(direct, flyway);
    Map<String, String> newer = new HashMap<>(FIRST);
    newer.put(LATER.getKey(), LATER.getValue());
    try (URLClassLoader migrations = ClasspathFolder.of(folder, newer)) {
      Database.migrateWithFlyway(direct, migrations);
      Database.migrateWithFlyway(flyway, migrations);

      assertThat(schema(direct)).isEqualTo(schema(flyway));
      assertThat(history(direct)).isEqualTo(history(flyway));
      assertThat(history(direct)).extracting(row -> row.get(1)).containsExactly("9.1", "9.2", "9.10", "9.11");
      assertThat(MigratedSchema.isCurrent(direct, migrations(migrations))).isTrue();
    }
  }

  @Test
  void aDatabaseWithAnythingInItIsLeftAsItIs() throws Exception {
    SQLiteDataSource database = sqlite("used.db");
    execute(database, "CREATE TABLE mine (id INTEGER)");
    try (URLClassLoader migrations = ClasspathFolder.of(folder, FIRST)) {
      assertThat(NewSqliteSchema.createIfEmpty(database, migrations(migrations))).isFalse();

      assertThat(schema(database)).extracting(row -> row.get(1)).containsExactly("mine");
    }
  }

  @Test
  void aScriptThatFailsLeavesTheDatabaseEmptyForFlywayToReport() throws Exception {
    SQLiteDataSource database = sqlite("failing.db");
    Map<String, String> failing = new HashMap<>(FIRST);
    failing.put("db/migration/b/V9_12__broken.sql", "CREATE TABLE broken (id INTEGER;\n");
    try (URLClassLoader migrations = ClasspathFolder.of(folder, failing)) {
      assertThat(NewSqliteSchema.createIfEmpty(database, migrations(migrations))).isFalse();

      assertThat(schema(database)).isEmpty();
    }
  }

  @Test
  void versionsAreOrderedPartByPartAsNumbers() {
    assertThat(List.of("2.0", "1.10", "1.9", "1.1", "10").stream().sorted(NewSqliteSchema::compareVersions))
        .containsExactly("1.1", "1.9", "1.10", "2.0", "10");
  }

  /** The FIRST migrations made into {@code direct} without Flyway, and into {@code flyway} by Flyway. */
  private void createBothWays(SQLiteDataSource direct, SQLiteDataSource flyway) throws Exception {
    try (URLClassLoader migrations = ClasspathFolder.of(folder, FIRST)) {
      assertThat(NewSqliteSchema.createIfEmpty(direct, migrations(migrations))).isTrue();
      Database.migrateWithFlyway(flyway, migrations);
    }
  }

  private static List<MigratedSchema.Migration> migrations(ClassLoader loader) {
    return MigratedSchema.migrations(loader, LOCATIONS).orElseThrow();
  }

  private SQLiteDataSource sqlite(String name) {
    SQLiteDataSource database = new SQLiteDataSource();
    database.setUrl("jdbc:sqlite:" + folder.resolve(name));
    return database;
  }

  private static void execute(SQLiteDataSource database, String sql) throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  /** Every table, index and trigger with its SQL, in name order. */
  private static List<List<String>> schema(SQLiteDataSource database) throws SQLException {
    return rows(database, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name");
  }

  /** Flyway's history, all but when and how long. */
  private static List<List<String>> history(SQLiteDataSource database) throws SQLException {
    return rows(database, "SELECT installed_rank, version, description, type, script, checksum, installed_by,"
        + " success FROM flyway_schema_history ORDER BY installed_rank");
  }

  private static List<List<String>> rows(SQLiteDataSource database, String query) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}

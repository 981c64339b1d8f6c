package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class MigratedSchemaTest {
  private static final List<String> LOCATIONS = List.of("db/migration", "db/migration-sqlite");
  private static final String NOTES_FILE = "db/migration/test/V9_1__notes.sql";
  private static final String NOTES_SQL = "CREATE TABLE notes (id INTEGER PRIMARY KEY);\n";
  @TempDir Path folder;

  @Test
  void aNewDatabaseIsNotCurrentAndOpeningItMigrates() throws Exception {
    SQLiteDataSource database = sqlite("new.db");
    try (URLClassLoader migrations = folderOf(Map.of(NOTES_FILE, NOTES_SQL))) {
      assertThat(isCurrent(database, migrations)).isFalse();

      Database.migrateSqlite(database, migrations);

      assertThat(tables(database)).contains("notes", "flyway_schema_history");
      assertThat(isCurrent(database, migrations)).isTrue();
    }
  }

  @Test
  void aMigrationAddedSinceTheLastOpeningIsApplied() throws Exception {
    SQLiteDataSource database = sqlite("older.db");
    Map<String, String> first = Map.of(NOTES_FILE, NOTES_SQL);
    try (URLClassLoader migrations = folderOf(first)) {
      Database.migrateSqlite(database, migrations);
    }
    try (URLClassLoader migrations = folderOf(Map.of(
        NOTES_FILE, NOTES_SQL,
        "db/migration-sqlite/test/V9_2__tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n"))) {
      assertThat(isCurrent(database, migrations)).isFalse();

      Database.migrateSqlite(database, migrations);

      assertThat(tables(database)).contains("notes", "tags");
      assertThat(isCurrent(database, migrations)).isTrue();
    }
  }

  @Test
  void migrationsInAJarAreReadAsFlywayReadsThem() throws Exception {
    SQLiteDataSource database = sqlite("jar.db");
    Path jar = folder.resolve("migrations.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      // With its folders' own entries, as Maven and the jar tool write them.
      for (String entry : List.of("db/", "db/migration/", "db/migration/a/", "db/migration/b/")) {
        out.putNextEntry(new JarEntry(entry));
        out.closeEntry();
      }
      // A BOM, Windows line ends and a line without an end: Flyway's checksum ignores all three.
      for (Map.Entry<String, String> file : Map.of(
          "db/migration/a/V9_1__notes.sql", "\uFEFFCREATE TABLE notes (id INTEGER PRIMARY KEY);\r\n-- the end",
          "db/migration/b/V9_10__tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n").entrySet()) {
        out.putNextEntry(new JarEntry(file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    try (URLClassLoader migrations = new URLClassLoader(new URL[] {jar.toUri().toURL()}, MigratedSchemaTest.class.getClassLoader())) {
      Database.migrateWithFlyway(database, migrations);

      assertThat(MigratedSchema.migrations(migrations, LOCATIONS).orElseThrow())
          .extracting(MigratedSchema.Migration::version, MigratedSchema.Migration::description,
              MigratedSchema.Migration::script)
          .as("as Flyway recorded them").containsOnlyElementsOf(history(database));
      assertThat(isCurrent(database, migrations))
          .as("the checksums computed here are the ones Flyway recorded").isTrue();
    }
  }

  @Test
  void aMigrationEditedSinceItWasAppliedIsLeftToFlyway() throws Exception {
    SQLiteDataSource database = sqlite("edited.db");
    try (URLClassLoader migrations = folderOf(Map.of(NOTES_FILE, NOTES_SQL))) {
      Database.migrateSqlite(database, migrations);
    }
    try (URLClassLoader migrations = folderOf(Map.of(NOTES_FILE,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);\n"))) {
      assertThat(isCurrent(database, migrations)).isFalse();
    }
  }

  @Test
  void anythingButVersionedSqlMigrationsIsLeftToFlyway() throws Exception {
    SQLiteDataSource database = sqlite("repeatable.db");
    try (URLClassLoader migrations = folderOf(Map.of(NOTES_FILE, NOTES_SQL))) {
      Database.migrateSqlite(database, migrations);
    }
    try (URLClassLoader migrations = folderOf(Map.of(
        NOTES_FILE, NOTES_SQL,
        "db/migration/test/R__views.sql", "CREATE VIEW IF NOT EXISTS all_notes AS SELECT * FROM notes;\n"))) {
      assertThat(isCurrent(database, migrations)).isFalse();
    }
  }

  @Test
  void aFailedMigrationInTheHistoryIsLeftToFlyway() throws Exception {
    SQLiteDataSource database = sqlite("failed.db");
    try (URLClassLoader migrations = folderOf(Map.of(NOTES_FILE, NOTES_SQL))) {
      Database.migrateSqlite(database, migrations);
      try (Connection connection = database.getConnection()) {
        connection.createStatement().executeUpdate("UPDATE flyway_schema_history SET success = 0");
      }

      assertThat(isCurrent(database, migrations)).isFalse();
    }
  }

  private SQLiteDataSource sqlite(String name) {
    SQLiteDataSource database = new SQLiteDataSource();
    database.setUrl("jdbc:sqlite:" + folder.resolve(name));
    return database;
  }

  /** The store module has no migrations of its own for SQLite: each test brings its own. */
  private URLClassLoader folderOf(Map<String, String> files) throws Exception {
    return ClasspathFolder.of(folder, files);
  }

  private static boolean isCurrent(SQLiteDataSource database, ClassLoader migrations) {
    return MigratedSchema.migrations(migrations, LOCATIONS).map(found -> MigratedSchema.isCurrent(database, found))
        .orElse(false);
  }

  private static List<Tuple> history(SQLiteDataSource database) throws SQLException {
    List<Tuple> rows = new ArrayList<>();
    try (Connection connection = database.getConnection();
        ResultSet history = connection.createStatement().executeQuery(
            "SELECT version, description, script FROM flyway_schema_history")) {
      while (history.next()) {
        rows.add(Tuple.tuple(history.getString(1), history.getString(2), history.getString(3)));
      }
    }
    return rows;
  }

  private static List<String> tables(SQLiteDataSource database) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = database.getConnection();
        ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}

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
      assertThat(MigratedSchema.isCurrent(database, migrations, LOCATIONS)).isFalse();

      Database.migrateSqlite(database, migrations);

      assertThat(tables(database)).contains("notes", "flyway_schema_history");
      assertThat(MigratedSchema.isCurrent(database, migrations, LOCATIONS)).isTrue();
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
      assertThat(MigratedSchema.isCurrent(database, migrations, LOCATIONS)).isFalse();

      Database.migrateSqlite(database, migrations);

      assertThat(tables(database)).contains("notes", "tags");
      assertThat(MigratedSchema.isCurrent(database, migrations, LOCATIONS)).isTrue();
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
      Database.migrateSqlite(database, migrations);

      assertThat(MigratedSchema.migrations(migrations, LOCATIONS).orElseThrow()).containsOnlyKeys("9.1", "9.10");
      assertThat(MigratedSchema.isCurrent(database, migrations, LOCATIONS))
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
      assertThat(MigratedSchema.isCurrent(database, migrations, LOCATIONS)).isFalse();
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
      assertThat(MigratedSchema.isCurrent(database, migrations, LOCATIONS)).isFalse();
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

      assertThat(MigratedSchema.isCurrent(database, migrations, LOCATIONS)).isFalse();
    }
  }

  private SQLiteDataSource sqlite(String name) {
    SQLiteDataSource database = new SQLiteDataSource();
    database.setUrl("jdbc:sqlite:" + folder.resolve(name));
    return database;
  }

  /** A class loader that sees these files (by path) in a folder of their own; the store module has no migrations of its own for SQLite. */
  private URLClassLoader folderOf(Map<String, String> files) throws Exception {
    Path root = Files.createTempDirectory(folder, "classpath");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, MigratedSchemaTest.class.getClassLoader());
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

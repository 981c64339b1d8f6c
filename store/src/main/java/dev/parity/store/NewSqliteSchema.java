package dev.parity.store;

import dev.parity.store.MigratedSchema.Migration;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the schema of a new SQLite store without Flyway: the migrations applied in version
 * order, and Flyway's history table written as Flyway writes it on SQLite (the same table and
 * index, one row per migration with its rank, version, description, script, checksum, type
 * {@code SQL} and success), so that a later Flyway, in a Parity with a new migration, reads the
 * history as its own and migrates the store as usual. Flyway's start, its scan of the jar and its
 * parsing of every script cost a new store about 0.85 CPU-s (benchmarks/README.md).
 *
 * <p>Only a database with nothing in it is created here, in one transaction that holds the write
 * lock from its start (a second process opening the same new file waits, then finds it current);
 * anything else, and any SQL error (after the rollback, which leaves the file empty), is left to
 * Flyway, which applies or reports it as it always did. See docs/design/0001-store.md.
 */
final class NewSqliteSchema {
  /** Flyway's history table on SQLite, as Flyway 13 creates it. */
  private static final String HISTORY_TABLE = """
      CREATE TABLE IF NOT EXISTS "flyway_schema_history" (
          "installed_rank" INT NOT NULL PRIMARY KEY,
          "version" VARCHAR(50),
          "description" VARCHAR(200) NOT NULL,
          "type" VARCHAR(20) NOT NULL,
          "script" VARCHAR(1000) NOT NULL,
          "checksum" INT,
          "installed_by" VARCHAR(100) NOT NULL,
          "installed_on" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
          "execution_time" INT NOT NULL,
          "success" BOOLEAN NOT NULL
      );
      CREATE INDEX "flyway_schema_history_s_idx" ON "flyway_schema_history" ("success");
      """;
  /** installed_by is the database user, which SQLite has none of: Flyway writes an empty string. */
  private static final String HISTORY_ROW = "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
      + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
      + " VALUES (?, ?, ?, 'SQL', ?, ?, '', ?, 1)";

  private NewSqliteSchema() {}

  /**
   * Creates the schema of {@code migrations} in {@code database} if it holds nothing yet; returns
   * whether it did (false: the database has something in it, or the creation failed and was rolled back).
   */
  static boolean createIfEmpty(DataSource database, List<Migration> migrations) {
    if (migrations.isEmpty()) {
      return false;
    }
    List<Migration> ordered = new ArrayList<>(migrations);
    ordered.sort(Comparator.comparing(Migration::version, NewSqliteSchema::compareVersions));
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (!isEmpty(connection)) {
          connection.rollback();
          return false;
        }
        try (Statement statement = connection.createStatement()) {
          // The SQLite driver runs every statement of a text given to executeUpdate, as Flyway would one by one.
          statement.executeUpdate(HISTORY_TABLE);
        }
        try (Statement statement = connection.createStatement();
            PreparedStatement history = connection.prepareStatement(HISTORY_ROW)) {
          int rank = 0;
          for (Migration migration : ordered) {
            long start = System.nanoTime();
            statement.executeUpdate(migration.sql());
            history.setInt(1, ++rank);
            history.setString(2, migration.version());
            history.setString(3, migration.description());
            history.setString(4, migration.script());
            history.setInt(5, migration.checksum());
            history.setInt(6, (int) ((System.nanoTime() - start) / 1_000_000));
            history.executeUpdate();
          }
        }
        connection.commit();
        return true;
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      // Flyway applies the same scripts next and reports the failure in its own words, as before.
      return false;
    }
  }

  private static boolean isEmpty(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return rows.next() && rows.getInt(1) == 0;
    }
  }

  /** Flyway's order of versions: part by part, each part a number ({@code 1.9 < 1.10 < 2.0}). */
  static int compareVersions(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      BigInteger x = i < left.length ? new BigInteger(left[i]) : BigInteger.ZERO;
      BigInteger y = i < right.length ? new BigInteger(right[i]) : BigInteger.ZERO;
      int order = x.compareTo(y);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}

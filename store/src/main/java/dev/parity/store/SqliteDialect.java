package dev.parity.store;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** SQLite's {@link Dialect}. */
final class SqliteDialect implements Dialect {
  static final SqliteDialect INSTANCE = new SqliteDialect();

  private SqliteDialect() {}

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean singleWriter() {
    return true;
  }

  @Override
  public String upsert(String table, List<String> key, List<String> columns, List<String> updated) {
    // PostgreSQL accepts the same ON CONFLICT clause; a dialect for an engine that does not
    // (MERGE, ON DUPLICATE KEY) writes its own.
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON CONFLICT ("
        + String.join(", ", key) + ") DO "
        + (updated.isEmpty() ? "NOTHING"
            : "UPDATE SET " + updated.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return name();
  }
}

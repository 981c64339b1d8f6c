package dev.parity.store;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one database engine says differently: every statement outside a dialect is plain SQL that
 * SQLite and PostgreSQL both accept (see {@code docs/design/0001-store.md}), and anything else is
 * asked of the dialect. Implementations are immutable.
 */
public interface Dialect {
  /** The engine's name, e.g. {@code sqlite}. */
  String name();

  /**
   * Whether the engine lets one writer in at a time (SQLite): the {@link Database} then queues
   * this process's write transactions on a lock, which wakes the next writer as soon as the one
   * before commits instead of letting it poll the busy database.
   */
  boolean singleWriter();

  /**
   * Whether {@code ORDER BY} a text column sorts by the bytes of its UTF-8 (SQLite's default
   * {@code BINARY} collation), so that Java can put rows in the engine's order without asking it;
   * false for an engine whose order depends on a collation (PostgreSQL's on the database's locale).
   */
  default boolean ordersTextByBytes() {
    return false;
  }

  /**
   * An insert of {@code columns} into {@code table} that, when a row with the same {@code key}
   * exists, updates its {@code updated} columns to the new values instead. Parameters are the
   * columns' values, in order.
   *
   * <p>SQLite (3.24 and later) and PostgreSQL (9.5 and later) both spell it {@code INSERT … ON
   * CONFLICT (key) DO UPDATE SET c = excluded.c}; a dialect for an engine that does not (MERGE,
   * ON DUPLICATE KEY) overrides this.
   */
  default String upsert(String table, List<String> key, List<String> columns, List<String> updated) {
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON CONFLICT ("
        + String.join(", ", key) + ") DO "
        + (updated.isEmpty() ? "NOTHING"
            : "UPDATE SET " + updated.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")));
  }

  /** SQLite 3.24 or later. */
  static Dialect sqlite() {
    return SqliteDialect.INSTANCE;
  }

  /** PostgreSQL 12 or later. */
  static Dialect postgresql() {
    return PostgresDialect.INSTANCE;
  }
}

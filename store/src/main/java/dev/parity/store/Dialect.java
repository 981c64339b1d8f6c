package dev.parity.store;

import java.util.List;

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
   * An insert of {@code columns} into {@code table} that, when a row with the same {@code key}
   * exists, updates its {@code updated} columns to the new values instead. Parameters are the
   * columns' values, in order.
   */
  String upsert(String table, List<String> key, List<String> columns, List<String> updated);

  /** SQLite 3.24 or later. */
  static Dialect sqlite() {
    return SqliteDialect.INSTANCE;
  }
}

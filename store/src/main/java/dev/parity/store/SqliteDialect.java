package dev.parity.store;

/** SQLite's {@link Dialect}: one writer at a time. */
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
  public boolean ordersTextByBytes() {
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}

package dev.parity.store;

/** PostgreSQL's {@link Dialect}: writers run side by side, each row locked as it is written. */
final class PostgresDialect implements Dialect {
  static final PostgresDialect INSTANCE = new PostgresDialect();

  private PostgresDialect() {}

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public boolean singleWriter() {
    return false;
  }

  @Override
  public String toString() {
    return name();
  }
}

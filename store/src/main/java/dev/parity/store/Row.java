package dev.parity.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The current row of a query, read by column name with SQL NULL as Java {@code null}: the reading
 * side of {@link Handle}'s parameter types (times as ISO-8601 text, durations as milliseconds).
 * Valid only inside the {@link Handle.RowMapper} it was handed to.
 */
public final class Row {
  private final ResultSet rows;

  Row(ResultSet rows) {
    this.rows = rows;
  }

  /** The result set itself, for what this class does not cover. */
  public ResultSet resultSet() {
    return rows;
  }

  public String text(String column) throws SQLException {
    return rows.getString(column);
  }

  /** The text of the column at {@code index}, from 1. */
  public String text(int index) throws SQLException {
    return rows.getString(index);
  }

  /** An integer column that is never null; 0 when it is. */
  public int integer(String column) throws SQLException {
    return rows.getInt(column);
  }

  /** The integer of the column at {@code index}, from 1; 0 when null. */
  public int integer(int index) throws SQLException {
    return rows.getInt(index);
  }

  /** The boolean of the column at {@code index}, from 1; false when null. */
  public boolean bool(int index) throws SQLException {
    return rows.getBoolean(index);
  }

  /** The number of the column at {@code index}, from 1. */
  public Long bigint(int index) throws SQLException {
    long value = rows.getLong(index);
    return rows.wasNull() ? null : value;
  }

  /** The number of the column at {@code index}, from 1. */
  public Double real(int index) throws SQLException {
    double value = rows.getDouble(index);
    return rows.wasNull() ? null : value;
  }

  public Long bigint(String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  public Double real(String column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }

  /** A boolean column; false when null. */
  public boolean bool(String column) throws SQLException {
    return rows.getBoolean(column);
  }

  public Instant instant(String column) throws SQLException {
    String value = rows.getString(column);
    return value == null ? null : Instant.parse(value);
  }

  public Duration millis(String column) throws SQLException {
    Long value = bigint(column);
    return value == null ? null : Duration.ofMillis(value);
  }
}

package dev.parity.harness.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

/** Binding and reading the column types the store uses, nulls included, the same on every database. */
final class Sql {
  private Sql() {}

  static void text(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  static void bigint(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  static void real(PreparedStatement statement, int index, Double value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  static void instant(PreparedStatement statement, int index, Instant value) throws SQLException {
    text(statement, index, value == null ? null : value.toString());
  }

  static void millis(PreparedStatement statement, int index, Duration value) throws SQLException {
    bigint(statement, index, value == null ? null : value.toMillis());
  }

  static Long bigint(ResultSet rows, String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  static Double real(ResultSet rows, String column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    String value = rows.getString(column);
    return value == null ? null : Instant.parse(value);
  }

  static Duration millis(ResultSet rows, String column) throws SQLException {
    Long value = bigint(rows, column);
    return value == null ? null : Duration.ofMillis(value);
  }
}

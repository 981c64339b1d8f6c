package dev.parity.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection of a {@link Database} for the length of a {@link Database#read} or
 * {@link Database#transaction}: statements with parameters, and rows mapped to values.
 *
 * <p>Parameters are bound by type, the same on every database: {@code null} as SQL NULL, an
 * {@link Instant} as ISO-8601 UTC text (which sorts in time order), a {@link Duration} as whole
 * milliseconds, strings, numbers and booleans as themselves.
 *
 * <p>Not thread-safe, and valid only inside the work it was handed to.
 */
public final class Handle {
  private final Connection connection;
  private final Dialect dialect;

  Handle(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /** The dialect of the database, for the statements that differ between engines. */
  public Dialect dialect() {
    return dialect;
  }

  /** The connection itself, for what this helper does not cover; do not commit or close it. */
  public Connection connection() {
    return connection;
  }

  /** Maps the current row of a result to a value. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(Row row) throws SQLException;
  }

  /** Every row the query returns, mapped. */
  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
      Row row = new Row(rows);
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(row));
      }
      return result;
    }
  }

  /** The first row the query returns, mapped; empty when it returns none. */
  public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(mapper.map(new Row(rows))) : Optional.empty();
    }
  }

  /** Runs an insert, update or delete and returns how many rows it changed. */
  public int update(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** Runs one statement once per parameter list, as a batch; nothing when there are none. */
  public void batch(String sql, List<Object[]> parameterLists) throws SQLException {
    batchCounts(sql, parameterLists);
  }

  /**
   * Runs one statement once per parameter list, as a batch (one round trip), and returns how many
   * rows each changed; nothing when there are none.
   */
  public int[] batchCounts(String sql, List<Object[]> parameterLists) throws SQLException {
    if (parameterLists.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] parameters : parameterLists) {
        bind(statement, parameters);
        statement.addBatch();
      }
      return statement.executeBatch();
    }
  }

  /**
   * An insert, update or delete with its parameters, to be run later with others ({@link #counts}).
   *
   * @param parameters bound as {@link Handle} binds them; null elements are SQL NULL
   */
  public record Update(String sql, List<Object> parameters) {
    public Update {
      Objects.requireNonNull(sql, "sql");
      parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }
  }

  /** Runs {@code update} and returns how many rows it changed. */
  public int update(Update update) throws SQLException {
    return update(update.sql(), update.parameters().toArray());
  }

  /**
   * Runs the updates, each run of consecutive ones with the same SQL as one batch (one round trip),
   * and returns how many rows each changed, in their order.
   */
  public int[] counts(List<Update> updates) throws SQLException {
    int[] counts = new int[updates.size()];
    int from = 0;
    while (from < updates.size()) {
      String sql = updates.get(from).sql();
      int to = from;
      while (to < updates.size() && updates.get(to).sql().equals(sql)) {
        to++;
      }
      int[] changed = batchCounts(sql, updates.subList(from, to).stream().map(u -> u.parameters().toArray()).toList());
      System.arraycopy(changed, 0, counts, from, changed.length);
      from = to;
    }
    return counts;
  }

  private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, parameters);
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      int index = i + 1;
      Object value = parameters[i];
      if (value == null) {
        statement.setNull(index, Types.NULL);
      } else if (value instanceof String text) {
        statement.setString(index, text);
      } else if (value instanceof Integer number) {
        statement.setInt(index, number);
      } else if (value instanceof Long number) {
        statement.setLong(index, number);
      } else if (value instanceof Double number) {
        statement.setDouble(index, number);
      } else if (value instanceof Boolean flag) {
        statement.setBoolean(index, flag);
      } else if (value instanceof Instant instant) {
        statement.setString(index, instant.toString());
      } else if (value instanceof Duration duration) {
        statement.setLong(index, duration.toMillis());
      } else {
        statement.setObject(index, value);
      }
    }
  }
}

package dev.parity.graders.campaign;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Plain JDBC on the campaign tables: reads on an auto-commit connection, writes in one
 * transaction each (all of it or none of it), SQL errors turned into {@link CampaignStoreException}
 * naming what was being done.
 */
final class Db {
  private static final SecureRandom IDS = new SecureRandom();
  // SQLite lets one writer in at a time and makes the others poll with growing sleeps; queueing
  // this process's writers on a lock instead wakes the next as soon as the one before commits.
  private static final Map<DataSource, ReentrantLock> SQLITE_WRITERS = new ConcurrentHashMap<>();
  private final DataSource dataSource;
  private volatile Optional<ReentrantLock> writers;

  Db(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  interface Rows<T> {
    T map(ResultSet row) throws SQLException;
  }

  <T> T read(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new CampaignStoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  <T> T write(String what, Work<T> work) {
    Optional<ReentrantLock> lock = writers(what);
    if (lock.isEmpty()) {
      return writeNow(what, work);
    }
    lock.get().lock();
    try {
      return writeNow(what, work);
    } finally {
      lock.get().unlock();
    }
  }

  /** The lock this process's writers queue on: SQLite's, or none for a database that takes concurrent writers. */
  private Optional<ReentrantLock> writers(String what) {
    if (writers == null) {
      boolean sqlite = read(what, c -> c.getMetaData().getDatabaseProductName().equalsIgnoreCase("SQLite"));
      writers = sqlite ? Optional.of(SQLITE_WRITERS.computeIfAbsent(dataSource, d -> new ReentrantLock()))
          : Optional.empty();
    }
    return writers;
  }

  private <T> T writeNow(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new CampaignStoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  static <T> List<T> list(Connection connection, String sql, Rows<T> rows, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet result = statement.executeQuery()) {
      List<T> list = new ArrayList<>();
      while (result.next()) {
        list.add(rows.map(result));
      }
      return list;
    }
  }

  static <T> Optional<T> first(Connection connection, String sql, Rows<T> rows, Object... parameters)
      throws SQLException {
    List<T> list = list(connection, sql, rows, parameters);
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  /** A new random 128-bit id in hex: unguessable, so it may appear in a URL. */
  static String randomId() {
    byte[] bytes = new byte[16];
    IDS.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

package dev.parity.store.copy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a store as its database describes them, in an order where every table comes after
 * those its foreign keys name. The migrations' history and the blob tables are not among them: the
 * target has its own history, and blobs are copied through the blob stores. Nor are the limits and
 * budgets that workers share on PostgreSQL (harness migration 1.8): they are the live state of the
 * processes working on the source, not the study's data, and SQLite has no such tables.
 */
final class Tables {
  private static final Set<String> SKIPPED = Set.of("flyway_schema_history", "store_blobs", "store_blob_chunks",
      "shared_limits", "shared_limit_holders", "shared_budgets");

  /** One table: its columns with their types as the database names them, and its primary key. */
  record Table(String name, Map<String, String> columnTypes, List<String> key) {
    List<String> columns() {
      return List.copyOf(columnTypes.keySet());
    }
  }

  private Tables() {}

  /** Every table of the store on {@code connection}, parents before children. */
  static List<Table> of(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!SKIPPED.contains(name) && !name.startsWith("sqlite_")) {
          tables.put(name, null);
        }
      }
    }
    for (String name : List.copyOf(tables.keySet())) {
      tables.put(name, new Table(name, columns(meta, schema, name), key(meta, schema, name)));
      Set<String> named = new LinkedHashSet<>();
      try (ResultSet rows = meta.getImportedKeys(null, schema, name)) {
        while (rows.next()) {
          named.add(rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
      named.remove(name);
      parents.put(name, named);
    }
    List<Table> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (placed.size() < tables.size()) {
      int before = placed.size();
      for (String name : tables.keySet()) {
        if (!placed.contains(name) && placed.containsAll(parents.get(name))) {
          placed.add(name);
          ordered.add(tables.get(name));
        }
      }
      if (placed.size() == before) {
        throw new SQLException("the foreign keys of the tables " + parents + " go round in a circle");
      }
    }
    return ordered;
  }

  private static Map<String, String> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
      while (rows.next()) {
        columns.put(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
            rows.getString("TYPE_NAME").toUpperCase(Locale.ROOT));
      }
    }
    return columns;
  }

  private static List<String> key(DatabaseMetaData meta, String schema, String table) throws SQLException {
    Map<Integer, String> key = new java.util.TreeMap<>();
    try (ResultSet rows = meta.getPrimaryKeys(null, schema, table)) {
      while (rows.next()) {
        key.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(key.values());
  }
}

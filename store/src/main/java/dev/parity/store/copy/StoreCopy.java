package dev.parity.store.copy;

import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.StoreException;
import dev.parity.store.copy.Tables.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies a whole store, its rows and its blobs, into another (SQLite to PostgreSQL or back), then
 * checks the copy: every source blob read back from the target hashes to its name, and every source
 * row is in the target (each row's values digested on both sides).
 *
 * <p>The copy is atomic: blobs first (content-addressed, so a copy that fails leaves at most
 * unreferenced blobs, which are harmless), then every row in one transaction of the target, so a
 * failed copy leaves the target as it was and can simply be run again. Both stores are opened by
 * the same Parity, so their migrations, and so their tables, are the same. Nothing should write the
 * source while it is copied (an SQLite source is held in one transaction meanwhile).
 *
 * <p>A target that holds rows is refused unless {@code intoNonEmpty}: then rows whose key is there
 * already are left as they are, and the check fails if they differ from the source's.
 */
public final class StoreCopy {
  private static final int BATCH = 500;

  /** How many rows of one table the source had and the target holds after the copy. */
  public record TableCount(String table, long sourceRows, long targetRows) {}

  /** What was copied: every table's rows, and the blobs (how many, how many bytes). */
  public record Result(List<TableCount> tables, int blobs, long blobBytes) {
    public long rows() {
      return tables.stream().mapToLong(TableCount::sourceRows).sum();
    }
  }

  private StoreCopy() {}

  /**
   * Copies {@code from} into {@code to} and checks the copy.
   *
   * @throws StoreException when the target holds rows (and {@code intoNonEmpty} is false), when the
   *     two are the same store, when a blob or row cannot be copied, or when the check finds a
   *     difference: each message names the store, the table or the blob
   */
  public static Result copy(Database from, Database to, boolean intoNonEmpty) {
    if (from.name().equals(to.name())) {
      throw new StoreException("cannot copy the store " + from.name() + " onto itself", null);
    }
    List<Table> tables = to.read("list the tables", h -> Tables.of(h.connection()));
    List<Table> sourceTables = from.read("list the tables", h -> Tables.of(h.connection()));
    Set<String> targetNames = tables.stream().map(Table::name).collect(Collectors.toSet());
    for (Table table : sourceTables) {
      if (!targetNames.contains(table.name())) {
        throw new StoreException("cannot copy " + from.name() + " to " + to.name() + ": the target has no table "
            + table.name() + " (was the source made by a newer Parity?)", null);
      }
    }
    if (!intoNonEmpty) {
      List<String> holding = to.read("count the rows", h -> nonEmpty(h, tables));
      if (!holding.isEmpty()) {
        throw new StoreException("the target store " + to.name() + " is not empty (" + String.join(", ", holding)
            + "): copy into a new store, or say --into-non-empty to add to it", null);
      }
    }
    long bytes = copyBlobs(from.blobs(), to.blobs(), from.name(), to.name());
    int blobs = from.blobs().list().size();
    to.transaction("copy the rows of " + from.name(), target ->
        from.transaction("read every row", source -> {
          for (Table table : tables) {
            copyRows(source.connection(), target, table, intoNonEmpty);
          }
          return null;
        }));
    List<TableCount> counts = new ArrayList<>();
    for (Table table : tables) {
      counts.add(check(from, to, table));
    }
    return new Result(List.copyOf(counts), blobs, bytes);
  }

  private static List<String> nonEmpty(Handle h, List<Table> tables) throws SQLException {
    List<String> holding = new ArrayList<>();
    for (Table table : tables) {
      long rows = count(h, table);
      if (rows > 0) {
        holding.add(table.name() + ": " + rows + " rows");
      }
    }
    return holding;
  }

  private static long count(Handle h, Table table) throws SQLException {
    return h.first("SELECT COUNT(*) FROM " + table.name(), r -> r.bigint(1)).orElseThrow();
  }

  /** Copies every blob the target lacks, checking each against its name; returns the bytes copied. */
  private static long copyBlobs(BlobStore from, BlobStore to, String fromName, String toName) {
    long bytes = 0;
    for (String sha : from.list()) {
      if (!to.exists(sha)) {
        try (InputStream in = from.open(sha); CountingStream counted = new CountingStream(in)) {
          String stored = to.put(counted);
          if (!stored.equals(sha)) {
            throw new StoreException("blob " + sha + " of " + fromName + " is damaged: its bytes hash to " + stored
                + " (now also stored in " + toName + " under that name, which nothing names)", null);
          }
          bytes += counted.count;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot copy blob " + sha + " from " + fromName + ": " + e.getMessage(), e);
        }
      }
      verify(to, sha, toName);
    }
    return bytes;
  }

  private static void verify(BlobStore store, String sha, String name) {
    MessageDigest digest = BlobStore.digest();
    try (InputStream in = store.open(sha)) {
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new StoreException("blob " + sha + " in " + name + " cannot be read back: " + e.getMessage(), e);
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(sha)) {
      throw new StoreException("blob " + sha + " in " + name + " reads back as " + actual, null);
    }
  }

  private static void copyRows(Connection source, Handle target, Table table, boolean intoNonEmpty)
      throws SQLException {
    List<String> columns = table.columns();
    String insert = intoNonEmpty && !table.key().isEmpty()
        ? target.dialect().upsert(table.name(), table.key(), columns, List.of())
        : "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
            + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    try (Statement select = source.createStatement();
        PreparedStatement into = target.connection().prepareStatement(insert)) {
      select.setFetchSize(BATCH); // PostgreSQL streams the rows inside a transaction instead of reading them all.
      try (ResultSet rows = select.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table.name())) {
        int pending = 0;
        while (rows.next()) {
          for (int i = 0; i < columns.size(); i++) {
            Object value = Values.canonical(rows.getObject(i + 1), table.columnTypes().get(columns.get(i)));
            if (value == null) {
              into.setNull(i + 1, Types.NULL);
            } else {
              into.setObject(i + 1, value);
            }
          }
          into.addBatch();
          if (++pending == BATCH) {
            into.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          into.executeBatch();
        }
      }
    }
  }

  /** Counts the table on both sides and checks that every source row is in the target, value for value. */
  private static TableCount check(Database from, Database to, Table table) {
    Set<ByteBuffer> sourceRows = from.read("read " + table.name(), h -> digests(h, table));
    Set<ByteBuffer> targetRows = to.read("read " + table.name(), h -> digests(h, table));
    long missing = sourceRows.stream().filter(row -> !targetRows.contains(row)).count();
    if (missing > 0) {
      throw new StoreException("the copy of " + from.name() + " to " + to.name() + " is not whole: " + missing
          + " of " + sourceRows.size() + " rows of " + table.name() + " are not in the target as they are in the source",
          null);
    }
    return new TableCount(table.name(), sourceRows.size(), targetRows.size());
  }

  private static Set<ByteBuffer> digests(Handle h, Table table) throws SQLException {
    List<String> columns = table.columns();
    Set<ByteBuffer> digests = new HashSet<>();
    try (Statement select = h.connection().createStatement();
        ResultSet rows = select.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table.name())) {
      while (rows.next()) {
        MessageDigest digest = BlobStore.digest();
        for (int i = 0; i < columns.size(); i++) {
          String column = columns.get(i);
          Values.digest(digest, column, Values.canonical(rows.getObject(i + 1), table.columnTypes().get(column)));
        }
        digests.add(ByteBuffer.wrap(digest.digest()));
      }
    }
    return digests;
  }

  /** Counts the bytes that pass through, for the report. */
  private static final class CountingStream extends java.io.FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      count += Math.max(read, 0);
      return read;
    }
  }
}

package dev.parity.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's database: a pooled {@link DataSource}, its SQL {@link Dialect}, and the
 * {@link BlobStore} that goes with it. An SQLite file (one person, the default) or a PostgreSQL
 * database (a team; {@code docs/teams.md}). Every module reaches its tables through one of these,
 * with {@link #read} and {@link #transaction}; each module keeps its SQL in a small store of its
 * own on top (see {@code docs/design/0002-data-layer.md}).
 *
 * <p>Opening runs every module's Flyway migrations found on the classpath under
 * {@code db/migration/}, into one history table. Each module numbers its migrations in its own
 * range (harness 1.x, graders 2.x, reports 3.x), so one module's later migration may come after a
 * higher version of another's: out of order is expected, not an error. An SQLite database whose
 * history already holds every migration, as it is, is opened without Flyway ({@link MigratedSchema}),
 * and a new one is created without it ({@link NewSqliteSchema}).
 *
 * <p>Thread-safe; close it when done (after which nothing may use it).
 */
public final class Database implements AutoCloseable {
  private final String name;
  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final BlobStore blobs;
  private final ReentrantLock writers;

  private Database(String name, HikariDataSource dataSource, Dialect dialect,
      Function<Database, BlobStore> blobs) {
    this.name = name;
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.blobs = blobs.apply(this);
    this.writers = dialect.singleWriter() ? new ReentrantLock() : null;
  }

  /**
   * Opens the store at {@code location}: a {@link PostgresUrl PostgreSQL URL} ({@code
   * postgresql://…}) or else the name of an SQLite file. Its blobs go in {@code blobFolder} when
   * given; otherwise beside an SQLite file, or in a PostgreSQL database's own tables.
   *
   * @param blobFolder a folder for the blobs (shared by every machine that uses the store), or null
   * @throws StoreException when the location is not valid, the store cannot be opened (never naming
   *     a password) or a migration fails
   */
  public static Database open(String location, Path blobFolder) {
    if (PostgresUrl.isUrl(location)) {
      return open(PostgresUrl.parse(location), blobFolder, defaultBlobCache());
    }
    if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*//.*")) {
      // jdbc:postgresql://…, mysql://…: a URL meant for a store, never a file to create.
      throw new StoreException("not a store Parity can open: " + PostgresUrl.withoutPassword(location)
          + ": give an SQLite file or postgresql://USER@HOST:PORT/DB", null);
    }
    Path file = Path.of(location);
    return open(file, blobFolder == null ? blobFolder(file.toAbsolutePath().normalize()) : blobFolder);
  }

  /**
   * Opens (creating it if needed) the SQLite database in {@code file}, brings its schema up to
   * date, with its blobs in {@link #blobFolder FILE.blobs/} beside it.
   *
   * <p>Connections use write-ahead logging (readers never wait for a writer), {@code
   * synchronous=NORMAL} (a killed process never loses a committed transaction), a busy timeout,
   * foreign keys, and write transactions that take the write lock when they begin (two writers
   * queue instead of failing on a lock upgrade).
   *
   * @throws StoreException when the file cannot be opened or a migration fails
   */
  public static Database open(Path file) {
    return open(file, blobFolder(file.toAbsolutePath().normalize()));
  }

  /** As {@link #open(Path)}, with the blobs in {@code blobFolder}. */
  public static Database open(Path file, Path blobFolder) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute.getParent());
      SqliteLibrary.useCachedCopy(userCache().resolve("native"));
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.setBusyTimeout(10_000);
      config.enforceForeignKeys(true);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      SQLiteDataSource sqlite = new SQLiteDataSource(config);
      sqlite.setUrl("jdbc:sqlite:" + absolute);
      migrateSqlite(sqlite, Database.class.getClassLoader());
      // Opening an SQLite connection reads the schema and sets its pragmas: a small pool keeps a
      // few open for the many short requests of the grading app and the runner's threads.
      HikariConfig pool = new HikariConfig();
      pool.setDataSource(sqlite);
      pool.setPoolName("parity-store");
      pool.setMaximumPoolSize(32);
      pool.setMinimumIdle(2);
      return new Database(absolute.toString(), new HikariDataSource(pool), Dialect.sqlite(),
          database -> new FolderBlobStore(blobFolder));
    } catch (IOException | RuntimeException e) {
      throw new StoreException("cannot open the store " + absolute + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens the PostgreSQL database at {@code url} and brings its schema up to date, with the
   * password from {@code PGPASSWORD} or the password file (see {@link PostgresUrl}).
   *
   * @param blobFolder a folder for the blobs, or null to keep them in the database
   * @param blobCache where {@link BlobStore#file} copies blobs kept in the database
   * @throws StoreException naming the URL (which holds no password) when the server cannot be
   *     reached, refuses the user or a migration fails
   */
  public static Database open(PostgresUrl url, Path blobFolder, Path blobCache) {
    return open(url, Passwords.find(url, System.getenv(), home()), blobFolder, blobCache);
  }

  static Database open(PostgresUrl url, Passwords.Lookup password, Path blobFolder, Path blobCache) {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setServerNames(new String[] {url.host()});
    postgres.setPortNumbers(new int[] {url.port()});
    postgres.setDatabaseName(url.database());
    postgres.setUser(url.user());
    postgres.setPassword(password.password());
    postgres.setApplicationName("parity");
    postgres.setConnectTimeout(10);
    if (url.sslmode() != null) {
      postgres.setSslMode(url.sslmode());
    }
    if (url.schema() != null) {
      postgres.setCurrentSchema(url.schema());
    }
    try {
      migrate(postgres, Dialect.postgresql(), url.schema());
      HikariConfig pool = new HikariConfig();
      pool.setDataSource(postgres);
      pool.setPoolName("parity-store");
      // Each process holds few connections: many workers share the server's max_connections.
      pool.setMaximumPoolSize(10);
      pool.setMinimumIdle(1);
      return new Database(url.toString(), new HikariDataSource(pool), Dialect.postgresql(),
          database -> blobFolder == null ? new DatabaseBlobStore(database, blobCache) : new FolderBlobStore(blobFolder));
    } catch (RuntimeException e) {
      String message = "cannot open the store " + url + ": " + rootMessage(e)
          + (password.note() == null ? "" : " (" + password.note() + ")");
      if (password.password() != null && !password.password().isEmpty()) {
        message = message.replace(password.password(), "***");
      }
      throw new StoreException(message, e);
    }
  }

  /** The deepest cause's message: the driver's own words ("Connection refused", "password authentication failed"). */
  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage().strip();
  }

  private static Path home() {
    String home = System.getenv("HOME");
    return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home);
  }

  /**
   * Where blobs kept in a database are copied for readers that need a file: {@code
   * $XDG_CACHE_HOME/parity/blobs}, else {@code ~/.cache/parity/blobs}. Blobs are named by their
   * content, so every database shares it.
   */
  public static Path defaultBlobCache() {
    return userCache().resolve("blobs");
  }

  /** Parity's folder in the user's cache: {@code $XDG_CACHE_HOME/parity}, else {@code ~/.cache/parity}. */
  private static Path userCache() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base = cache == null || cache.isEmpty() ? home().resolve(".cache") : Path.of(cache);
    return base.resolve("parity");
  }

  /** The blob folder of the SQLite database in {@code file}: {@code <file>.blobs} beside it. */
  public static Path blobFolder(Path file) {
    return file.resolveSibling(file.getFileName() + ".blobs");
  }

  /**
   * Runs the migrations under {@code db/migration/} (portable, for every engine) and those under
   * {@code db/migration-<dialect>/} (for that engine alone); see {@code docs/design/0001-store.md}.
   */
  private static void migrate(DataSource dataSource, Dialect dialect, String schema) {
    migrate(dataSource, dialect, schema, Database.class.getClassLoader());
  }

  private static void migrate(DataSource dataSource, Dialect dialect, String schema, ClassLoader migrations) {
    FluentConfiguration flyway = Flyway.configure(migrations)
        .dataSource(dataSource)
        .locations(migrationLocations(dialect).stream().map(location -> "classpath:" + location).toArray(String[]::new))
        .outOfOrder(true);
    if (schema != null) {
      flyway.schemas(schema);
    }
    flyway.load().migrate();
  }

  /**
   * Brings an SQLite database's schema up to date with the migrations {@code migrations} finds:
   * a new database is created directly ({@link NewSqliteSchema}), one with every migration applied
   * already as it is is left as it is ({@link MigratedSchema}), and anything else goes through Flyway.
   * The first two, the usual cases, cost a read of the migrations and of the history table instead
   * of Flyway's start.
   */
  static void migrateSqlite(DataSource dataSource, ClassLoader migrations) {
    Optional<List<MigratedSchema.Migration>> found = MigratedSchema.migrations(migrations,
        migrationLocations(Dialect.sqlite()));
    if (found.isEmpty() || !NewSqliteSchema.createIfEmpty(dataSource, found.get())
        && !MigratedSchema.isCurrent(dataSource, found.get())) {
      migrateWithFlyway(dataSource, migrations);
    }
  }

  /** Brings an SQLite database's schema up to date through Flyway, whatever it holds. */
  static void migrateWithFlyway(DataSource dataSource, ClassLoader migrations) {
    migrate(dataSource, Dialect.sqlite(), null, migrations);
  }

  /** The classpath folders of the migrations for {@code dialect}: the portable ones, then its own. */
  private static List<String> migrationLocations(Dialect dialect) {
    return List.of("db/migration", "db/migration-" + dialect.name());
  }

  /** Where the database is, for messages: its file, or its URL without credentials. */
  public String name() {
    return name;
  }

  /** The pooled data source; valid until {@link #close}. Prefer {@link #read} and {@link #transaction}. */
  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The blob store that goes with this database. */
  public BlobStore blobs() {
    return blobs;
  }

  /** SQL work on one connection; see {@link #read} and {@link #transaction}. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Handle handle) throws SQLException;
  }

  /**
   * Runs {@code work} on a connection of its own outside a transaction, so it never waits for a
   * writer: each statement sees the database as of its start.
   *
   * @param what what the work does, for the error message, e.g. {@code "read run r1"}
   * @throws StoreException wrapping an SQL error, naming {@code what} and the database
   */
  public <T> T read(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.apply(new Handle(connection, dialect));
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws,
   * so a process killed at any moment leaves the database as after the last committed write.
   * Exceptions other than SQL errors pass through unchanged (after the rollback).
   *
   * <p>Transactions do not nest: work must not call {@code transaction} again.
   *
   * @param what what the work does, for the error message, e.g. {@code "record attempt …"}
   * @throws StoreException wrapping an SQL error, naming {@code what} and the database
   */
  public <T> T transaction(String what, Work<T> work) {
    if (writers == null) {
      return transactionNow(what, work);
    }
    writers.lock();
    try {
      return transactionNow(what, work);
    } finally {
      writers.unlock();
    }
  }

  private <T> T transactionNow(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(new Handle(connection, dialect));
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException("cannot " + what + " in " + name + ": " + e.getMessage(), e);
  }

  /** Closes the pooled connections. */
  @Override
  public void close() {
    dataSource.close();
  }

  @Override
  public String toString() {
    return "Database[" + dialect + " " + name + "]";
  }
}

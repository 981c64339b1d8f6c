package dev.parity.graders.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens an SQLite database file for campaigns, with the settings many concurrent graders need:
 * write-ahead logging (readers never wait for a writer), a busy timeout, foreign keys, and write
 * transactions that take the write lock when they begin (so two submissions queue instead of
 * failing on a lock upgrade).
 */
public final class GradingDatabase implements AutoCloseable {
  private final HikariDataSource dataSource;

  private GradingDatabase(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The pooled data source; valid until {@link #close}. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Closes the pooled connections. */
  @Override
  public void close() {
    dataSource.close();
  }

  /**
   * The database in {@code file} (created if needed), its schema brought up to date, with a small
   * pool of connections: close it when done.
   */
  public static GradingDatabase open(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the folder of " + absolute, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + absolute);
    migrate(sqlite, "classpath:db/migration");
    // Opening an SQLite connection reads the schema and sets its pragmas: a small pool keeps a few
    // open for the many short requests of the grading app.
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(sqlite);
    pool.setPoolName("parity-grading");
    pool.setMaximumPoolSize(32);
    pool.setMinimumIdle(2);
    return new GradingDatabase(new HikariDataSource(pool));
  }

  /**
   * Runs the migrations found at {@code location}. Modules number their migrations in their own
   * ranges (harness 1.x, graders 2.x, reports 3.x) in one history table, so a module's migration
   * may come after a higher version of another's: out of order is expected.
   */
  public static void migrate(DataSource dataSource, String location) {
    Flyway.configure(GradingDatabase.class.getClassLoader())
        .dataSource(dataSource)
        .locations(location)
        .outOfOrder(true)
        .load()
        .migrate();
  }
}

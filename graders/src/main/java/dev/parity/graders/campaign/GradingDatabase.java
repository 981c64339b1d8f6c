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
public final class GradingDatabase {
  private GradingDatabase() {}

  /**
   * A pooled data source on {@code file} (created if needed), its schema brought up to date. It
   * holds a few connections open: close it (it is {@link AutoCloseable}) when done.
   */
  public static DataSource open(Path file) {
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
    return new HikariDataSource(pool);
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

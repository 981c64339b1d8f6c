package dev.parity.store.testing;

import dev.parity.store.Database;
import dev.parity.store.PostgresUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh stores for a test, on either engine: register with {@code @RegisterExtension} and run the
 * test once per {@link Engine} ({@code @ParameterizedTest @EnumSource(Engine.class)}).
 *
 * <p>An SQLite store is a file in a temporary folder. A PostgreSQL store is a schema of its own in
 * the test database ({@code $PARITY_TEST_POSTGRES}, else {@code
 * postgresql://postgres@127.0.0.1:5432/test}, the server {@code .ci/run} starts), dropped after the
 * test with everything in it. A PostgreSQL server that is not there fails the test: it is never
 * skipped. Every store opened here is closed after the test.
 */
public final class TestStores implements AfterEachCallback {
  /** The engines a store runs on. */
  public enum Engine { SQLITE, POSTGRESQL }

  private static final String SERVER = System.getenv().getOrDefault(
      "PARITY_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test");
  private final List<Database> opened = new ArrayList<>();
  private final List<String> schemas = new ArrayList<>();
  private Path folder;

  /** A new, empty store's location on {@code engine}: an SQLite file name or a PostgreSQL URL. */
  public String location(Engine engine) {
    return switch (engine) {
      case SQLITE -> folder().resolve("store-" + opened.size() + "-" + random() + ".db").toString();
      case POSTGRESQL -> {
        String schema = "parity_test_" + random();
        schemas.add(schema);
        yield SERVER + (SERVER.contains("?") ? "&" : "?") + "schema=" + schema;
      }
    };
  }

  /** Opens a new, empty store on {@code engine}. */
  public Database open(Engine engine) {
    return open(location(engine));
  }

  /**
   * Opens (again, or for the first time) the store at {@code location}; blobs kept in a
   * PostgreSQL database are copied to files in this test's own folder, never the user's cache.
   */
  public Database open(String location) {
    Database database = PostgresUrl.isUrl(location)
        ? Database.open(PostgresUrl.parse(location), null, folder().resolve("blob-cache"))
        : Database.open(Path.of(location));
    opened.add(database);
    return database;
  }

  /** A temporary folder of this test's, deleted after it. */
  public Path folder() {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory("parity-test-store");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    opened.forEach(Database::close);
    opened.clear();
    if (!schemas.isEmpty()) {
      dropSchemas();
    }
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
      folder = null;
    }
  }

  private void dropSchemas() throws SQLException {
    PostgresUrl server = PostgresUrl.parse(SERVER);
    Properties properties = new Properties();
    properties.setProperty("user", server.user());
    String password = System.getenv("PGPASSWORD");
    if (password != null) {
      properties.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.database(), properties);
        Statement statement = connection.createStatement()) {
      for (String schema : schemas) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
    schemas.clear();
  }

  private static String random() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

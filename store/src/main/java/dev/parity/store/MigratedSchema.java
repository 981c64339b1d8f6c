package dev.parity.store;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration on the classpath applied, each as it is now, so
 * that opening it can skip Flyway: Flyway's scan of a 60 MB jar, the parsing of every migration
 * and its own start cost about half a second of CPU on every command (benchmarks/README.md),
 * for a schema that is nearly always current.
 *
 * <p>The check compares Flyway's history table with the migration files: the same versions, each
 * applied successfully with the checksum Flyway computes (CRC-32 over the file's lines). Anything
 * it does not know for sure — a file that is not a versioned SQL migration, a location outside a
 * jar or folder, a failed or missing history row, a checksum computed another way by another
 * Flyway — says "not current", and Flyway runs as before: the check can only save Flyway's work,
 * never skip a migration. Locations are found as Flyway finds them, with the class loader's
 * {@code getResources}, which sees a jar's folder through the folder's own entry: Maven and the
 * jar tool write one, and Parity runs from such jars. See docs/design/0001-store.md.
 */
final class MigratedSchema {
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__([^/]*)\\.sql");

  private MigratedSchema() {}

  /**
   * A versioned SQL migration as Flyway sees it.
   *
   * @param version the version as Flyway writes it ({@code 1.10})
   * @param description the name after {@code __}, with spaces for underscores, as Flyway records it
   * @param script the file's path under its location ({@code harness/V1_1__runs.sql}), as Flyway records it
   * @param checksum Flyway's checksum of the file
   * @param sql the file's text without a byte order mark
   */
  record Migration(String version, String description, String script, int checksum, String sql) {}

  /**
   * Whether {@code database} has exactly {@code migrations} applied, as they are now.
   */
  static boolean isCurrent(DataSource database, List<Migration> migrations) {
    if (migrations.isEmpty()) {
      return false;
    }
    Map<String, Integer> expected = new HashMap<>();
    migrations.forEach(m -> expected.put(m.version(), m.checksum()));
    try (Connection connection = database.getConnection()) {
      return applied(connection).map(expected::equals).orElse(false);
    } catch (SQLException e) {
      // No history table (a new store) or one this check cannot read: Flyway decides.
      return false;
    }
  }

  /**
   * The versioned migrations under the locations (classpath folders, such as {@code db/migration});
   * empty when a location holds something else, holds a version twice, or cannot be listed.
   */
  static Optional<List<Migration>> migrations(ClassLoader loader, List<String> locations) {
    Map<String, Migration> found = new HashMap<>();
    try {
      for (String location : locations) {
        Enumeration<URL> folders = loader.getResources(location);
        while (folders.hasMoreElements()) {
          if (!addMigrations(folders.nextElement(), location, found)) {
            return Optional.empty();
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // A location that cannot be listed: Flyway decides, and reports it if it is its problem too.
      return Optional.empty();
    }
    return Optional.of(List.copyOf(found.values()));
  }

  /** Adds the migrations in one location's folder; false when it holds anything but versioned SQL. */
  private static boolean addMigrations(URL folder, String location, Map<String, Migration> found)
      throws IOException {
    if ("file".equals(folder.getProtocol())) {
      Path root;
      try {
        root = Path.of(folder.toURI());
      } catch (URISyntaxException e) {
        return false;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          String script = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
          if (!add(script, Files.readAllBytes(file), found)) {
            return false;
          }
        }
      }
      return true;
    }
    URLConnection connection = folder.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      return false;
    }
    JarFile jar = jarConnection.getJarFile();
    String prefix = location.endsWith("/") ? location : location + "/";
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      JarEntry entry = entries.nextElement();
      if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
        continue;
      }
      try (InputStream in = jar.getInputStream(entry)) {
        if (!add(entry.getName().substring(prefix.length()), in.readAllBytes(), found)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean add(String script, byte[] bytes, Map<String, Migration> found) throws IOException {
    Matcher versioned = VERSIONED.matcher(script.substring(script.lastIndexOf('/') + 1));
    if (!versioned.matches()) {
      return false;
    }
    String version = versioned.group(1).replace('_', '.');
    String text = new String(bytes, StandardCharsets.UTF_8);
    Migration migration = new Migration(version, versioned.group(2).replace('_', ' '), script,
        checksum(new ByteArrayInputStream(bytes)), text.startsWith("\uFEFF") ? text.substring(1) : text);
    return found.put(version, migration) == null;
  }

  /** Flyway's checksum of an SQL migration: CRC-32 over the UTF-8 bytes of each line, without line ends or a BOM. */
  static int checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      crc.update((line.startsWith("\uFEFF") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue();
  }

  /** Each applied migration's checksum by version; empty when one failed or is not a plain SQL migration. */
  private static Optional<Map<String, Integer>> applied(Connection connection) throws SQLException {
    Map<String, Integer> applied = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT version, checksum, type, success FROM flyway_schema_history")) {
      while (rows.next()) {
        String version = rows.getString("version");
        int checksum = rows.getInt("checksum");
        boolean noChecksum = rows.wasNull();
        if (version == null || noChecksum || !"SQL".equals(rows.getString("type")) || !rows.getBoolean("success")
            || applied.put(version, checksum) != null) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(applied);
  }
}

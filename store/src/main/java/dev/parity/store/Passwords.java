package dev.parity.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the password for a {@link PostgresUrl} the way libpq does: {@code PGPASSWORD}, else the
 * first matching line of the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}). A line is
 * {@code hostname:port:database:username:password}; {@code *} in one of the first four fields
 * matches anything, {@code \:} and {@code \\} stand for {@code :} and {@code \}, lines starting
 * with {@code #} are comments. As in libpq, a password file that its group or others may read is
 * ignored, and the reason is kept to be told if the connection fails.
 *
 * <p>The PostgreSQL JDBC driver does not read the password file itself, hence this class.
 */
final class Passwords {
  /**
   * What the lookup found.
   *
   * @param password the password, or null when none was found
   * @param note why a password file was passed over, or null
   */
  record Lookup(String password, String note) {}

  private Passwords() {}

  /** The password for {@code url}, given the environment {@code env} and the home folder {@code home}. */
  static Lookup find(PostgresUrl url, Map<String, String> env, Path home) {
    String fromEnvironment = env.get("PGPASSWORD");
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return new Lookup(fromEnvironment, null);
    }
    String named = env.get("PGPASSFILE");
    Path file = named != null && !named.isEmpty() ? Path.of(named) : home.resolve(".pgpass");
    if (!Files.isRegularFile(file)) {
      return new Lookup(null, null);
    }
    try {
      if (othersMayRead(file)) {
        return new Lookup(null, "the password file " + file
            + " was ignored: its group or others may read it (chmod 600 it, as libpq requires)");
      }
      return new Lookup(match(Files.readAllLines(file), url), null);
    } catch (IOException e) {
      return new Lookup(null, "the password file " + file + " could not be read: " + e.getMessage());
    }
  }

  private static boolean othersMayRead(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
    } catch (UnsupportedOperationException e) {
      return false; // Not a POSIX file system: libpq does not check there either.
    }
  }

  /** The password of the first line of a password file that matches {@code url}, or null. */
  static String match(List<String> lines, PostgresUrl url) {
    List<String> wanted = List.of(url.host(), String.valueOf(url.port()), url.database(), url.user());
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      String password = matchLine(line.strip(), wanted);
      if (password != null) {
        return password;
      }
    }
    return null;
  }

  private static String matchLine(String line, List<String> wanted) {
    int at = 0;
    for (String value : wanted) {
      at = matchField(line, at, value);
      if (at < 0) {
        return null;
      }
    }
    // The password runs to the end of the line or an unescaped colon, as in libpq.
    StringBuilder password = new StringBuilder();
    for (int i = at; i < line.length() && line.charAt(i) != ':'; i++) {
      if (line.charAt(i) == '\\' && i + 1 < line.length()) {
        i++;
      }
      password.append(line.charAt(i));
    }
    return password.toString();
  }

  /** Where the next field starts when the field at {@code at} matches {@code value}; -1 otherwise. */
  private static int matchField(String line, int at, String value) {
    if (line.startsWith("*:", at)) {
      return at + 2;
    }
    int i = at;
    int matched = 0;
    while (i < line.length() && line.charAt(i) != ':') {
      if (line.charAt(i) == '\\' && i + 1 < line.length()) {
        i++;
      }
      if (matched >= value.length() || line.charAt(i) != value.charAt(matched)) {
        return -1;
      }
      matched++;
      i++;
    }
    return i < line.length() && matched == value.length() ? i + 1 : -1;
  }
}

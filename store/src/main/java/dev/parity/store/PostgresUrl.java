package dev.parity.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a PostgreSQL store is: {@code postgresql://USER@HOST:PORT/DB[?sslmode=MODE&schema=NAME]}
 * (the form libpq and {@code psql} accept, {@code postgres://} too), without a password.
 *
 * <p>A URL never holds a password, so it can be printed, logged and recorded in a run's settings:
 * a password comes from {@code PGPASSWORD} or the password file (see {@code docs/teams.md}), and a
 * URL that carries one is refused. The port defaults to 5432, the user to the system user, the
 * database to the user's name, as in libpq. {@code sslmode} takes libpq's values; {@code schema}
 * keeps Parity's tables in that schema (created when missing) instead of the user's default.
 *
 * @param user the role to connect as
 * @param host a host name or address (an IPv6 address without brackets)
 * @param port the TCP port
 * @param database the database's name
 * @param sslmode libpq's SSL mode, or null for the driver's default ({@code prefer})
 * @param schema the schema holding the tables, or null for the connection's default
 */
public record PostgresUrl(String user, String host, int port, String database, String sslmode, String schema) {
  /** libpq's SSL modes, weakest first. */
  public static final List<String> SSL_MODES =
      List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
  private static final List<String> SCHEMES = List.of("postgresql://", "postgres://");
  private static final int DEFAULT_PORT = 5432;

  public PostgresUrl {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    if (sslmode != null && !SSL_MODES.contains(sslmode)) {
      throw new IllegalArgumentException("sslmode \"" + sslmode + "\" is not one of " + SSL_MODES);
    }
  }

  /** Whether {@code location} is a PostgreSQL URL rather than a file name. */
  public static boolean isUrl(String location) {
    return SCHEMES.stream().anyMatch(location::startsWith);
  }

  /**
   * Reads a URL of the form above.
   *
   * @throws StoreException naming the URL (any password left out) and what is wrong with it
   */
  public static PostgresUrl parse(String url) {
    String scheme = SCHEMES.stream().filter(url::startsWith).findFirst()
        .orElseThrow(() -> invalid(url, "it does not start with postgresql://"));
    String rest = url.substring(scheme.length());
    int query = rest.indexOf('?');
    String path = query < 0 ? rest : rest.substring(0, query);
    Map<String, String> parameters = parameters(url, query < 0 ? "" : rest.substring(query + 1));
    int slash = path.indexOf('/');
    String authority = slash < 0 ? path : path.substring(0, slash);
    String database = slash < 0 ? "" : decode(path.substring(slash + 1));
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? "" : authority.substring(0, at);
    if (userInfo.contains(":")) {
      throw invalid(url, "it holds a password: give it in PGPASSWORD or ~/.pgpass instead (docs/teams.md),"
          + " so that it is never printed or recorded");
    }
    String hostPort = authority.substring(at + 1);
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 || hostPort.endsWith("]") ? hostPort : hostPort.substring(0, colon);
    if (host.isEmpty()) {
      throw invalid(url, "it names no host (postgresql://USER@HOST:PORT/DB)");
    }
    int port = colon < 0 || hostPort.endsWith("]") ? DEFAULT_PORT : port(url, hostPort.substring(colon + 1));
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // An IPv6 address, kept bare as libpq and the driver take it.
    }
    String user = userInfo.isEmpty() ? System.getProperty("user.name") : decode(userInfo);
    String sslmode = parameters.get("sslmode");
    if (sslmode != null && !SSL_MODES.contains(sslmode)) {
      throw invalid(url, "sslmode \"" + sslmode + "\" is not one of " + SSL_MODES);
    }
    String schema = parameters.get("schema");
    if (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw invalid(url, "schema \"" + schema + "\" is not a plain SQL name (letters, digits, _)");
    }
    return new PostgresUrl(user, host, port, database.isEmpty() ? user : database, sslmode, schema);
  }

  private static Map<String, String> parameters(String url, String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (name.equals("password")) {
        throw invalid(url, "it holds a password: give it in PGPASSWORD or ~/.pgpass instead (docs/teams.md)");
      }
      if (!name.equals("sslmode") && !name.equals("schema")) {
        throw invalid(url, "parameter \"" + name + "\" is not one Parity knows (sslmode, schema)");
      }
      parameters.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
    }
    return parameters;
  }

  private static int port(String url, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Said below.
    }
    throw invalid(url, "port \"" + text + "\" is not a number from 1 to 65535");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static StoreException invalid(String url, String problem) {
    return new StoreException("not a PostgreSQL URL: " + withoutPassword(url) + ": " + problem, null);
  }

  /** {@code url} with anything between {@code //} and {@code @} that looks like a password left out. */
  static String withoutPassword(String url) {
    return url.replaceAll("(//[^/@:?]*):[^@/?]*@", "$1:***@").replaceAll("([?&]password=)[^&]*", "$1***");
  }

  /** The URL in its canonical form, which holds no password: safe to print, log and record. */
  @Override
  public String toString() {
    StringBuilder url = new StringBuilder("postgresql://").append(encode(user)).append('@')
        .append(host.contains(":") ? "[" + host + "]" : host)
        .append(':').append(port).append('/').append(encode(database));
    String separator = "?";
    if (sslmode != null) {
      url.append(separator).append("sslmode=").append(sslmode);
      separator = "&";
    }
    if (schema != null) {
      url.append(separator).append("schema=").append(schema);
    }
    return url.toString();
  }
}

package dev.parity.store.copy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One value as it goes from one engine to the other. SQLite keeps a BOOLEAN as 0 or 1 and a number
 * as whatever width fits; PostgreSQL is strict about each. A value is read as the source gives it
 * and turned into the Java type that the column's declared type calls for, which both engines
 * accept and which hashes the same on both sides.
 */
final class Values {
  private Values() {}

  /** {@code value} as the column of {@code type} (its name as the database gives it) holds it. */
  static Object canonical(Object value, String type) {
    if (value == null) {
      return null;
    }
    if (type.contains("BOOL")) {
      return value instanceof Boolean flag ? flag
          : value instanceof Number number ? number.longValue() != 0
          : Boolean.valueOf(value.toString().equals("1") || value.toString().equalsIgnoreCase("true"));
    }
    if (value instanceof Boolean flag) {
      value = flag ? 1L : 0L;
    }
    if (type.contains("INT")) {
      return value instanceof Number number ? number.longValue() : Long.valueOf(value.toString());
    }
    if (type.contains("DOUBLE") || type.contains("FLOAT") || type.contains("REAL") || type.contains("NUMERIC")) {
      return value instanceof Number number ? number.doubleValue() : Double.valueOf(value.toString());
    }
    if (type.contains("BYTEA") || type.contains("BLOB")) {
      return value instanceof byte[] ? value : value.toString().getBytes(StandardCharsets.UTF_8);
    }
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
  }

  /** Adds a canonical value to a row's digest, so that equal values digest equally on both engines. */
  static void digest(MessageDigest digest, String column, Object canonical) {
    String text = canonical == null ? "\u0000null"
        : canonical instanceof byte[] bytes ? "bytes:" + HexFormat.of().formatHex(bytes)
        : canonical.getClass().getSimpleName() + ":" + canonical;
    digest.update((column + "=" + text.length() + ":" + text + ";").getBytes(StandardCharsets.UTF_8));
  }
}

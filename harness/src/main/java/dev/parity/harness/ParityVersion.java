package dev.parity.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Parity and the git commit it was built from, as recorded at build time. Runs
 * store both, so that every number can be traced to the code that produced it.
 *
 * @param version the Maven version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit the abbreviated commit id, with {@code -dirty} when built from uncommitted
 *     changes, or {@code unknown} when built outside a git checkout
 */
public record ParityVersion(String version, String commit) {
  private static final ParityVersion CURRENT = load();

  /** The version of the running code. */
  public static ParityVersion current() {
    return CURRENT;
  }

  @Override
  public String toString() {
    return version + " (" + commit + ")";
  }

  private static ParityVersion load() {
    Properties properties = new Properties();
    try (InputStream in = ParityVersion.class.getResourceAsStream("parity-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = value(properties, "version");
    String commit = value(properties, "commit");
    if (!"unknown".equals(commit) && "true".equals(properties.getProperty("dirty"))) {
      commit += "-dirty";
    }
    return new ParityVersion(version, commit);
  }

  private static String value(Properties properties, String key) {
    String value = properties.getProperty(key, "");
    return value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }
}

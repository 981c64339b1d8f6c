package dev.parity.store;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Class loaders that see migration files of a test's own, for the schema tests. */
final class ClasspathFolder {
  private ClasspathFolder() {}

  /** A class loader that sees these files (by path) in a new folder under {@code parent}. */
  static URLClassLoader of(Path parent, Map<String, String> files) throws Exception {
    Path root = Files.createTempDirectory(parent, "classpath");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, ClasspathFolder.class.getClassLoader());
  }
}

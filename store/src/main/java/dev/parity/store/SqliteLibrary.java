package dev.parity.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Points the SQLite driver at a copy of its native library kept in the user's cache folder, made
 * once per library build, so that opening a store does not extract it again.
 *
 * <p>Left to itself, the driver writes its 1 MB library to a new file in the temporary folder on
 * every start, compares it with the jar's byte by byte, and deletes it at exit: about 0.15 s of CPU
 * and a megabyte written for every command that opens an SQLite store (benchmarks/README.md). The
 * copy here is named by the jar entry's CRC-32 and size, written under a temporary name and renamed,
 * so a copy under its name is always whole and never another build's.
 *
 * <p>The driver tries {@code org.sqlite.lib.path} first and extracts as before when loading from it
 * fails, so a copy that cannot be made or used costs that time, never a store. Properties a user
 * set are left as they are.
 */
final class SqliteLibrary {
  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";

  private SqliteLibrary() {}

  /**
   * Sets the driver's library properties to the cached copy, making it first if needed, unless they
   * are set already. Call before the first SQLite connection of the process.
   */
  static synchronized void useCachedCopy(Path folder) {
    if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
      return;
    }
    cachedCopy(folder).ifPresent(copy -> {
      System.setProperty(PATH_PROPERTY, copy.getParent().toString());
      System.setProperty(NAME_PROPERTY, copy.getFileName().toString());
    });
  }

  /**
   * The cached copy of the library this driver would extract, made if missing; empty when the driver
   * has none for this machine or it is not in a jar (then the driver finds its own way), or the copy
   * cannot be written (a read-only home).
   */
  static Optional<Path> cachedCopy(Path folder) {
    String name = LibraryLoaderUtil.getNativeLibName();
    URL resource = SqliteLibrary.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
    if (resource == null) {
      return Optional.empty();
    }
    try {
      URLConnection connection = resource.openConnection();
      if (!(connection instanceof JarURLConnection jar)) {
        return Optional.empty();
      }
      long size = jar.getJarEntry().getSize();
      String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
      String suffix = name.substring(stem.length());
      Path copy = folder.resolve(String.format(Locale.ROOT, "%s-%08x-%d%s", stem, jar.getJarEntry().getCrc(), size,
          suffix));
      if (Files.isRegularFile(copy) && Files.size(copy) == size) {
        return Optional.of(copy);
      }
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, stem, ".part");
      try {
        try (InputStream in = connection.getInputStream()) {
          Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return Optional.of(copy);
    } catch (IOException e) {
      // Not an error of the store: the driver extracts its library as it always did.
      return Optional.empty();
    }
  }
}

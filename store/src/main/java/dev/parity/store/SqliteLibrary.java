package dev.parity.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Points the SQLite driver at a copy of its native library kept in the user's cache folder, made
 * once per library build, so that opening a store does not extract it again.
 *
 * <p>Left to itself, the driver writes its 1 MB library to a new file in the temporary folder on
 * every start, compares it with the jar's byte by byte, and deletes it at exit: about 0.15 s of CPU
 * and a megabyte written for every command that opens an SQLite store (benchmarks/README.md). The
 * copy here is named by the jar entry's CRC-32 and size, written under a temporary name and renamed,
 * so a copy under its name is always whole and never another build's. Which copy this Java
 * installation took is remembered beside it, so that the driver need not look at the machine again.
 *
 * <p>The driver tries {@code org.sqlite.lib.path} first and extracts as before when loading from it
 * fails, so a copy that cannot be made or used costs that time, never a store. Properties a user
 * set are left as they are.
 */
final class SqliteLibrary {
  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";
  /** The architecture a user may make the driver choose a library for, instead of the machine's. */
  private static final String ARCHITECTURE_PROPERTY = "org.sqlite.osinfo.architecture";

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
    Optional<Path> record = record(folder);
    Optional<Path> remembered = record.flatMap(SqliteLibrary::remembered);
    if (remembered.isPresent()) {
      return remembered;
    }
    Optional<Path> copy = copy(folder);
    if (copy.isPresent() && record.isPresent()) {
      remember(record.get(), copy.get());
    }
    return copy;
  }

  /**
   * The file that names the copy this driver chose for this Java installation last time. The
   * driver's choice (its {@code OSInfo}) starts {@code uname -o} and resolves every entry of
   * {@code /proc/self/map_files} to tell Android and musl from glibc, about 0.04 s of CPU on every
   * command that opens a store, and it answers the same for one driver version and one Java
   * installation. Empty when the driver does not say its version.
   */
  private static Optional<Path> record(Path folder) {
    String version = SQLiteJDBCLoader.getVersion();
    if (version == null || version.equals("unknown")) {
      return Optional.empty();
    }
    String key = String.join("\n", version, System.getProperty("java.home"), System.getProperty("os.name"),
        System.getProperty("os.arch"), String.valueOf(System.getProperty(ARCHITECTURE_PROPERTY)));
    long hash = 0xcbf29ce484222325L; // FNV-1a: a name, not a secret, without the security providers' start-up
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return Optional.of(folder.resolve(String.format(Locale.ROOT, "chosen-%016x", hash)));
  }

  /** The copy {@code record} names, if it is there whole: its name and size, on one line. */
  private static Optional<Path> remembered(Path record) {
    try {
      String[] line = Files.readString(record, StandardCharsets.UTF_8).strip().split(" ");
      Path copy = record.resolveSibling(line[0]);
      return line.length == 2 && Files.isRegularFile(copy) && Files.size(copy) == Long.parseLong(line[1])
          ? Optional.of(copy) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      // No record yet, or not one this class wrote (an unparsable size): the driver chooses again.
      return Optional.empty();
    }
  }

  private static void remember(Path record, Path copy) {
    try {
      Path temporary = Files.createTempFile(record.getParent(), "chosen", ".part");
      try {
        Files.writeString(temporary, copy.getFileName() + " " + Files.size(copy) + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      // Not an error of the store: the next command asks the driver again.
    }
  }

  /** The copy of the library the driver chooses for this machine, made if missing, as {@link #cachedCopy}. */
  private static Optional<Path> copy(Path folder) {
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

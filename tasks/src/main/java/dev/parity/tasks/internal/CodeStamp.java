package dev.parity.tasks.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * What identifies the code a cache's contents depend on: the jar (or class files) a class was
 * loaded from, with their {@link FileStamp stamps}. It changes when Parity is rebuilt, so a cache
 * written by other code is not trusted.
 */
final class CodeStamp {
  private CodeStamp() {}

  /** The jar (or class file) {@code type} was loaded from, with its stamp. */
  static String of(Class<?> type) {
    Class<?> named = named(type);
    Path location = location(named);
    if (location == null) {
      return named.getName();
    }
    Path code = Files.isDirectory(location) ? location.resolve(named.getName().replace('.', '/') + ".class") : location;
    return stamped(new StringBuilder(code.toString()), code).toString();
  }

  /**
   * The jar {@code type} was loaded from, with its stamp; or, when it was loaded from a folder of
   * class files (a build's {@code target/classes}), the stamps of every class file of its package
   * and the packages below: the code that works with it there, which a rebuild may change
   * without touching {@code type}'s own file.
   */
  static String ofPackage(Class<?> type) {
    Class<?> named = named(type);
    Path location = location(named);
    if (location == null || !Files.isDirectory(location)) {
      return of(named);
    }
    Path folder = location.resolve(named.getPackageName().replace('.', '/'));
    StringBuilder stamps = new StringBuilder(folder.toString());
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> classes = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
      for (Path file : classes) {
        stamped(stamps.append('\n').append(folder.relativize(file)), file);
      }
    } catch (IOException | RuntimeException e) {
      return stamps.append(" unknown").toString();
    }
    return stamps.toString();
  }

  /** A lambda is a hidden class with a new name in every JVM: its nest host is the class that wrote it. */
  private static Class<?> named(Class<?> type) {
    return type.isHidden() ? type.getNestHost() : type;
  }

  /** The jar or folder {@code type} was loaded from; null when unknown (the JDK's own classes). */
  private static Path location(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Appends the file's stamp by hand, neither the record's toString nor a string concatenation:
   * the first call of either spins method handles (about 30 classes for the toString).
   */
  private static StringBuilder stamped(StringBuilder text, Path file) {
    FileStamp stamp = FileStamp.of(file).orElse(null);
    if (stamp == null) {
      return text.append(" unknown");
    }
    return text.append(' ').append(stamp.inode()).append(' ').append(stamp.size()).append(' ')
        .append(stamp.modifiedNanos()).append(' ').append(stamp.changedNanos());
  }
}

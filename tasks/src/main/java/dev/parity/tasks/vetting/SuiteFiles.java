package dev.parity.tasks.vetting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a suite that vetting covers, with their digests: every regular file under the suite
 * folder but {@code vetting.json} itself and hidden files and folders (names starting with a dot).
 * All of them, not only the ones task.json lists, because whoever receives the suite receives them
 * all. Stateless.
 */
public final class SuiteFiles {
  private SuiteFiles() {}

  /**
   * Relative path (with {@code /}) → {@code sha256:<hex>} of every covered file, sorted by path.
   *
   * @throws UncheckedIOException when the folder cannot be listed or a file cannot be read
   */
  public static SortedMap<String, String> digests(Path root) {
    SortedMap<String, String> digests = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String relative = relative(root, path);
        if (!relative.equals(VettingRecord.FILE_NAME) && !hidden(relative)) {
          digests.put(relative, sha256(path));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the suite " + root + ": " + e.getMessage(), e);
    }
    return digests;
  }

  /** {@code path} relative to {@code root}, with {@code /} whatever the platform. */
  public static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
  }

  private static boolean hidden(String relative) {
    return relative.startsWith(".") || relative.contains("/.");
  }

  /** {@code sha256:<64 hex digits>} of the file's bytes. */
  public static String sha256(Path file) {
    MessageDigest digest = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

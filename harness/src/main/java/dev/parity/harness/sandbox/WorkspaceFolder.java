package dev.parity.harness.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A workspace as Parity reads it: {@code inputs/} (owned by Parity, read-only to the sandbox),
 * {@code outputs/} and {@code home/} (written by the sandbox's user) — a folder on the host, or
 * for bubblewrap the sandbox's own tmpfs seen through {@code /proc/PID/root}. Everything read from
 * it is read without following links: the sandboxed programs write here, and a link they made must
 * not lead Parity to read a file of the machine.
 */
final class WorkspaceFolder {
  static final String INPUTS = "inputs";
  static final String OUTPUTS = "outputs";
  static final String HOME = "home";

  private final Path folder;

  private WorkspaceFolder(Path folder) {
    this.folder = folder;
  }

  /**
   * Makes the workspace in {@code folder}: {@code inputs/}, and with {@code ownFolders} also
   * {@code outputs/} and {@code home/} given to {@code uid} (a sandbox that keeps those elsewhere
   * passes false).
   */
  static WorkspaceFolder create(Path folder, List<SandboxBackend.InputFile> inputs, Integer uid, boolean ownFolders)
      throws IOException {
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path in = Files.createDirectory(folder.resolve(INPUTS));
    for (SandboxBackend.InputFile input : inputs) {
      Path file = Files.write(in.resolve(input.name()), input.content());
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    }
    Files.setPosixFilePermissions(in, PosixFilePermissions.fromString("r-xr-xr-x"));
    // The call meter's folder belongs to the sandbox's user too: GNU time runs as that user.
    for (String name : ownFolders ? List.of(OUTPUTS, HOME, CallMeter.FOLDER) : List.<String>of()) {
      Path own = Files.createDirectory(folder.resolve(name));
      Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
      if (uid != null) {
        Files.setAttribute(own, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(own, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
      }
    }
    return new WorkspaceFolder(folder);
  }

  /** A workspace made elsewhere, read at {@code folder}. */
  static WorkspaceFolder at(Path folder) {
    return new WorkspaceFolder(folder);
  }

  Path folder() {
    return folder;
  }

  Path resolve(String name) {
    return folder.resolve(name);
  }

  /** Every regular file, relative to the workspace, sorted; links and special files left out. */
  List<String> files(String under) {
    List<String> files = new ArrayList<>();
    Path start = folder.resolve(under);
    if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(start)) { // Files.walk follows no links unless told to
      walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
          .forEach(path -> files.add(folder.relativize(path).toString()));
    } catch (IOException | UncheckedIOException e) {
      // A folder the sandbox made unreadable: what could be listed is listed.
    }
    files.sort(null);
    return files;
  }

  /** The bytes of a regular file at {@code path} (relative, or absolute under {@code /work}). */
  byte[] read(String path) {
    String relative = path.startsWith("/work/") ? path.substring("/work/".length()) : path;
    Path file = folder.resolve(relative).normalize();
    if (Path.of(relative).isAbsolute() || !file.startsWith(folder)) {
      throw new UnableToSandboxException(path + " is not in the workspace");
    }
    // Every step of the path must be a real folder, not a link the sandbox made.
    for (Path step = file.getParent(); step != null && !step.equals(folder); step = step.getParent()) {
      if (Files.isSymbolicLink(step)) {
        throw new UnableToSandboxException(path + " goes through a link, which is not followed");
      }
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnableToSandboxException(path + " is not a file in the workspace"
          + (Files.isSymbolicLink(file) ? " (it is a link, which is not followed)" : ""));
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnableToSandboxException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * How many bytes the files the sandbox wrote take, each file's size rounded by {@code perFile}:
   * everything but {@code inputs/}, which is Parity's.
   */
  long size(java.util.function.LongUnaryOperator perFile) {
    long[] total = {0};
    Path inputs = folder.resolve(INPUTS);
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          return dir.equals(inputs) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          total[0] += perFile.applyAsLong(attributes.size());
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total[0];
  }

  /** Deletes the workspace, whatever the sandbox left in it (read-only folders included). */
  void delete() {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
          Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.delete(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UnableToSandboxException("cannot delete the workspace " + folder + ": " + e.getMessage(), e);
    }
  }
}

package dev.parity.harness.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What of the machine's system a sandbox shows, read-only, as bubblewrap arguments: {@code /etc},
 * the {@code /bin}, {@code /lib}… links, and a {@code /usr} that holds only the toolset — the
 * files of its Debian packages and of what they depend on ({@link DebianPackages}), so that a
 * compiler, a package manager or any other program of the machine is not there.
 *
 * <p>That {@code /usr} is a tree of hard links to the machine's files, made once for a machine's set
 * of packages (named by their versions' hash) and shared by every sandbox:
 * one bind, where binding each of the thousand-odd files would cost bubblewrap seconds an attempt.
 * Where it cannot be made (no dpkg; hard links refused: another file system, or not root under
 * {@code fs.protected_hardlinks}) the sandbox shows the whole {@code /usr}, and {@link #describe()}
 * says why. See docs/agents.md.
 */
final class SystemView {
  private static final List<String> SYSTEM_LINKS = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
  /** What the shell and Parity's own calls need besides the toolset's libraries. */
  static final List<String> BASE_PACKAGES = List.of("bash", "dash", "coreutils", "util-linux", "procps", "grep",
      "sed", "findutils", "python3", "time");
  /**
   * Packages never shown though a toolset package depends on them: compilers, development files,
   * the package manager and perl (Debian's python3-scipy reaches gcc through pythran, python3-pil
   * reaches perl through mailcap, readline reaches dpkg); nothing of the toolset runs them.
   */
  private static final java.util.regex.Pattern LEFT_OUT = java.util.regex.Pattern.compile(
      "(gcc|g\\+\\+|cpp)(-\\d+)?|binutils.*|.*-dev|dpkg|apt|perl|perl-base|perl-modules.*|python3-pythran|make");
  /** Where dpkg records each alternative's links ({@code /usr/lib/x86_64-linux-gnu/libblas.so.3}). */
  private static final Path ALTERNATIVES = Path.of("/var/lib/dpkg/alternatives");
  /** Where the links of alternatives point: {@code /etc/alternatives/NAME}, itself a link to the chosen file. */
  private static final Path CHOSEN = Path.of("/etc/alternatives");

  /** Where the views are made: apart from any run's workspaces, so that every sandbox of every run shares one. */
  private static final Path VIEWS = Path.of(System.getProperty("java.io.tmpdir"), "parity-system");

  private final List<String> binds;
  private final String description;

  private SystemView(List<String> binds, String description) {
    this.binds = List.copyOf(binds);
    this.description = description;
  }

  /** The whole of {@code /usr} and {@code /etc}, with the {@code /bin}, {@code /lib}… links or folders. */
  static SystemView wholeUsr(String why) {
    List<String> binds = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
    binds.addAll(etcAndLinks());
    return new SystemView(binds, "the whole /usr (" + why + ")");
  }

  /**
   * A {@code /usr} of the toolset's packages ({@link #BASE_PACKAGES} and the document libraries'
   * Debian packages of {@link Toolset#LIBRARIES}), made on first use (in the system's temporary
   * folder, {@code parity-system/}, kept for the next process); the whole {@code /usr} where it
   * cannot be made.
   */
  static SystemView toolset() {
    return Made.TOOLSET;
  }

  /** Made once a JVM, when first asked for. */
  private static final class Made {
    static final SystemView TOOLSET = make(VIEWS);
  }

  private static SystemView make(Path root) {
    DebianPackages packages = DebianPackages.installed().orElse(null);
    if (packages == null) {
      return wholeUsr("no dpkg on this machine to say which files the toolset's packages have");
    }
    List<String> roots = new ArrayList<>(BASE_PACKAGES);
    Toolset.LIBRARIES.stream().map(library -> library.get(2)).filter(name -> name.startsWith("python3-"))
        .forEach(roots::add);
    Set<String> closure = packages.closure(roots, name -> LEFT_OUT.matcher(name).matches());
    try {
      Path view = root.resolve("system-" + hash(closure));
      if (!Files.isDirectory(view)) {
        build(view, packages.files(closure));
      }
      List<String> binds = new ArrayList<>(List.of("--ro-bind", view.resolve("usr").toString(), "/usr"));
      binds.addAll(etcAndLinks());
      return new SystemView(binds, "only the toolset's " + closure.size() + " Debian packages in /usr ("
          + String.join(", ", roots) + " and what they depend on)");
    } catch (IOException | UncheckedIOException e) {
      return wholeUsr("its toolset view could not be made: " + e.getMessage());
    }
  }

  /**
   * Makes the tree in a folder of its own, then renames it to {@code view}, so that a sandbox
   * never sees a half-made one and two processes making it at once both end with a whole one.
   */
  private static void build(Path view, Map<String, Boolean> files) throws IOException {
    Files.createDirectories(view.getParent());
    Path making = Files.createTempDirectory(view.getParent(), view.getFileName() + ".making-");
    try {
      Files.setPosixFilePermissions(making, PosixFilePermissions.fromString("rwxr-xr-x"));
      for (Map.Entry<String, Boolean> entry : files.entrySet()) {
        Path source = Path.of(entry.getKey());
        Path target = making.resolve(entry.getKey().substring(1));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          continue; // inside a folder already mirrored whole
        }
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          // A folder no other package puts anything in is mirrored with all it holds (compiled
          // Python files and caches the packages' scripts made included); a shared one entry by entry.
          if (entry.getValue()) {
            Files.createDirectories(target);
          } else {
            mirror(source, target);
          }
        } else if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target.getParent());
          link(source, target);
          compiled(source, target);
        }
      }
      alternatives(making);
      try {
        Files.move(making, view, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
        delete(making); // another process made it first
      }
    } catch (IOException | RuntimeException e) {
      delete(making);
      throw e;
    }
  }

  /**
   * The links dpkg's alternatives made (not in any package's file list) to a file in the view: numpy
   * finds its BLAS through {@code libblas.so.3 -> /etc/alternatives/...}. Where the machine's choice
   * is in the view the link goes through {@code /etc/alternatives} as on the machine; where it is not
   * (a package the toolset does not need, such as OpenBLAS), straight to the first choice that is. A
   * record is {@code auto|manual}, the main link, the name and link of each follower, a blank line,
   * then each choice: its file, its priority and its followers' files.
   */
  private static void alternatives(Path making) throws IOException {
    if (!Files.isDirectory(ALTERNATIVES)) {
      return;
    }
    try (var records = Files.list(ALTERNATIVES)) {
      for (Path record : records.toList()) {
        List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
        int blank = lines.indexOf("");
        if (lines.size() < 2 || blank < 2) {
          continue;
        }
        List<String[]> links = new ArrayList<>();
        links.add(new String[] {record.getFileName().toString(), lines.get(1)});
        for (int i = 2; i + 1 < blank; i += 2) {
          links.add(new String[] {lines.get(i), lines.get(i + 1)});
        }
        for (int n = 0; n < links.size(); n++) {
          String link = links.get(n)[1];
          Path target = making.resolve(link.substring(1));
          if (!link.startsWith("/usr/") || Files.exists(target, LinkOption.NOFOLLOW_LINKS)
              || !Files.isDirectory(target.getParent())) {
            continue;
          }
          Path chosen = CHOSEN.resolve(links.get(n)[0]);
          if (Files.isSymbolicLink(chosen) && inView(making, Files.readSymbolicLink(chosen).toString())) {
            Files.createSymbolicLink(target, chosen);
            continue;
          }
          for (int choice = blank + 1; choice + 1 + links.size() - 1 < lines.size() && !lines.get(choice).isEmpty();
              choice += 1 + links.size()) {
            String file = n == 0 ? lines.get(choice) : lines.get(choice + 1 + n);
            if (inView(making, file)) {
              Files.createSymbolicLink(target, Path.of(file));
              break;
            }
          }
        }
      }
    }
  }

  private static boolean inView(Path making, String file) {
    return file.startsWith("/usr/") && Files.exists(making.resolve(file.substring(1)), LinkOption.NOFOLLOW_LINKS);
  }

  private static void mirror(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        link(file, target.resolve(source.relativize(file).toString()));
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * The compiled forms of a Python file of a shared folder ({@code __pycache__/NAME.cpython-311.pyc},
   * made by the packages' scripts, in no file list): without them Python would compile the standard
   * library again at every start, since the sandbox does not let it keep what it compiles.
   */
  private static void compiled(Path source, Path target) throws IOException {
    String name = source.getFileName().toString();
    Path cache = source.resolveSibling("__pycache__");
    if (!name.endsWith(".py") || !Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    String stem = name.substring(0, name.length() - ".py".length()) + ".";
    try (var files = Files.list(cache)) {
      for (Path pyc : files.filter(file -> file.getFileName().toString().startsWith(stem)).toList()) {
        Path copy = target.resolveSibling("__pycache__").resolve(pyc.getFileName().toString());
        Files.createDirectories(copy.getParent());
        if (!Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
          link(pyc, copy);
        }
      }
    }
  }

  /** A link as a link; anything else as a hard link to the same file. */
  private static void link(Path source, Path target) throws IOException {
    if (Files.isSymbolicLink(source)) {
      Files.createSymbolicLink(target, Files.readSymbolicLink(source));
    } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      Files.createLink(target, source);
    }
  }

  private static void delete(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover folder under the sandboxes' folder, named as such; nothing reads it
    }
  }

  private static String hash(Set<String> closure) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      closure.forEach(entry -> digest.update((entry + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The bubblewrap arguments that show it. */
  List<String> binds() {
    return binds;
  }

  /** What it shows, for {@code parity doctor} and the docs: {@code only the toolset's 221 Debian packages…}. */
  String describe() {
    return description;
  }

  /** {@code /etc} and {@code /bin}, {@code /lib}… as the machine has them: links into {@code /usr} or folders. */
  private static List<String> etcAndLinks() {
    List<String> binds = new ArrayList<>(List.of("--ro-bind-try", "/etc", "/etc"));
    for (String name : SYSTEM_LINKS) {
      Path path = Path.of("/", name);
      if (Files.isSymbolicLink(path)) {
        try {
          binds.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
        } catch (IOException e) {
          throw new UnableToSandboxException("cannot read the link " + path + ": " + e.getMessage(), e);
        }
      } else if (Files.isDirectory(path)) {
        binds.addAll(List.of("--ro-bind", path.toString(), path.toString()));
      }
    }
    return binds;
  }
}

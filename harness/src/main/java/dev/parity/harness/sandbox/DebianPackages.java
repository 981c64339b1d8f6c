package dev.parity.harness.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of some installed Debian packages and of everything they depend on, from dpkg's own
 * records: {@code dpkg-query} for the packages and their {@code Depends} and {@code Pre-Depends},
 * {@code /var/lib/dpkg/info/PACKAGE.list} for their files. Debian's dependencies name the shared
 * libraries and Python modules a package needs, so the closure is what its programs need to run.
 */
final class DebianPackages {
  private static final Path INFO = Path.of("/var/lib/dpkg/info");
  /** What a program never needs at run time: documentation, translations, headers, completions. */
  private static final List<String> LEFT_OUT = List.of("/usr/share/doc/", "/usr/share/man/", "/usr/share/info/",
      "/usr/share/lintian/", "/usr/share/locale/", "/usr/share/bug/", "/usr/include/",
      "/usr/share/bash-completion/");

  private final Map<String, Installed> installed;

  private DebianPackages(Map<String, Installed> installed) {
    this.installed = installed;
  }

  /** One installed package: its file list's name ({@code libc6:amd64}) and its dependencies as dpkg writes them. */
  private record Installed(String binaryName, String version, String depends) {}

  /** The machine's installed packages, or empty where there is no dpkg. */
  static Optional<DebianPackages> installed() {
    if (!Files.isDirectory(INFO)) {
      return Optional.empty();
    }
    try {
      Process query = new ProcessBuilder("dpkg-query", "-W",
          "-f=${binary:Package}\\t${Package}\\t${Version}\\t${Status}\\t${Provides}\\t${Pre-Depends}, ${Depends}\\n")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      query.getOutputStream().close();
      String out = new String(query.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (query.waitFor() != 0) {
        return Optional.empty();
      }
      Map<String, Installed> installed = new HashMap<>();
      Map<String, String> providers = new HashMap<>();
      for (String line : out.split("\n")) {
        String[] field = line.split("\t", -1);
        if (field.length < 6 || !field[3].endsWith(" installed")) {
          continue;
        }
        installed.put(field[1], new Installed(field[0], field[2], field[5]));
        for (String provided : field[4].split(",")) {
          String name = name(provided);
          if (!name.isEmpty()) {
            providers.putIfAbsent(name, field[1]);
          }
        }
      }
      providers.forEach((virtual, real) -> installed.putIfAbsent(virtual, installed.get(real)));
      return Optional.of(new DebianPackages(installed));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * {@code roots} that are installed and everything they depend on, each as {@code name=version},
   * sorted; a package {@code leftOut} accepts is left out with what only it pulls in.
   */
  Set<String> closure(List<String> roots, java.util.function.Predicate<String> leftOut) {
    Set<String> seen = new TreeSet<>();
    Set<String> names = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      Installed found = installed.get(name);
      if (found == null || leftOut.test(name) || !names.add(found.binaryName())) {
        continue;
      }
      seen.add(found.binaryName() + "=" + found.version());
      for (String dependency : found.depends().split(",")) {
        // "a (>= 1) | b": the first alternative that is installed
        for (String alternative : dependency.split("\\|")) {
          String candidate = name(alternative);
          if (installed.containsKey(candidate)) {
            todo.push(candidate);
            break;
          }
        }
      }
    }
    return seen;
  }

  /**
   * The paths under {@code /usr} that the packages of {@code closure} install (as {@link #closure}
   * names them), with for each whether another installed package also installs something under it
   * (then a folder must be shown entry by entry, not whole). Paths through the {@code /bin},
   * {@code /lib}… links of a merged {@code /usr} are given as their {@code /usr} paths.
   */
  Map<String, Boolean> files(Set<String> closure) throws IOException {
    Set<String> mine = new HashSet<>();
    closure.forEach(entry -> mine.add(entry.substring(0, entry.indexOf('='))));
    Set<String> shared = new HashSet<>();
    Map<String, Boolean> files = new TreeMap<>();
    Set<String> read = new HashSet<>();
    for (Installed each : installed.values()) {
      if (!read.add(each.binaryName())) {
        continue;
      }
      Path list = INFO.resolve(each.binaryName() + ".list");
      if (!Files.exists(list)) {
        continue;
      }
      boolean ours = mine.contains(each.binaryName());
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        String path = merged(line.strip());
        if (!path.startsWith("/usr/") || LEFT_OUT.stream().anyMatch(path::startsWith)) {
          continue;
        }
        if (ours) {
          files.put(path, false);
        } else {
          for (String parent = parent(path); parent.length() > 4 && shared.add(parent); parent = parent(parent)) {
            // every folder above another package's file holds something that is not ours
          }
        }
      }
    }
    files.replaceAll((path, unused) -> shared.contains(path));
    return files;
  }

  private static String parent(String path) {
    return path.substring(0, Math.max(0, path.lastIndexOf('/')));
  }

  /** {@code /lib/x86_64-linux-gnu/libc.so.6} as {@code /usr/lib/...} where {@code /lib} links there. */
  private static String merged(String path) {
    for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
      if ((path.equals(top) || path.startsWith(top + "/")) && Files.isSymbolicLink(Path.of(top))) {
        return "/usr" + path;
      }
    }
    return path;
  }

  /** The package name in a dependency or provides entry: {@code python3:any (>= 3.11~)} → {@code python3}. */
  private static String name(String entry) {
    String name = entry.strip();
    int end = 0;
    while (end < name.length() && name.charAt(end) != ' ' && name.charAt(end) != ':' && name.charAt(end) != '(') {
      end++;
    }
    return name.substring(0, end);
  }
}

package dev.parity.core.doctor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finding programs on the {@code PATH} and asking them short questions ({@code --version}). */
public final class Programs {
  private Programs() {}

  /** The first executable file called {@code name} in a folder of {@code PATH}, if any. */
  public static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String folder : path.split(File.pathSeparator)) {
      if (folder.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(folder, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code command} with no input and returns its first non-blank line of output (standard
   * output and error together) if it exits with 0 within {@code timeout}; empty otherwise (not
   * found, failed, or too slow: then it is killed).
   */
  public static Optional<String> firstLine(List<String> command, Duration timeout) {
    return lines(command, timeout).flatMap(lines -> lines.stream().findFirst());
  }

  /**
   * Runs {@code command} as {@link #firstLine} does and returns its non-blank lines of output,
   * stripped; empty if it did not exit with 0 within {@code timeout}.
   */
  public static Optional<List<String>> lines(List<String> command, Duration timeout) {
    Path output = null;
    Process process = null;
    try {
      output = Files.createTempFile("parity-program-", ".out");
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(output.toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
        return Optional.empty();
      }
      // Decoded leniently: a program's stray bytes must not hide its version line.
      return Optional.of(new String(Files.readAllBytes(output), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(line -> !line.isEmpty()).toList());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (process != null && process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // A temporary file left behind is harmless; the answer is still good.
        }
      }
    }
  }
}

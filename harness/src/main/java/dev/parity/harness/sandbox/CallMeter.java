package dev.parity.harness.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Measures the CPU time and peak memory of one sandboxed call with GNU {@code time} (Debian
 * package {@code time}), run as the first program inside the sandbox, just before the command.
 *
 * <p>Why GNU time: it takes the CPU and peak RSS from {@code wait4}'s rusage, which the kernel
 * accumulates over every descendant that was waited for, so a call's whole process tree is
 * counted without cgroups (which need a delegated hierarchy these machines do not have). It runs
 * inside bubblewrap because bubblewrap's own monitor never waits for the sandbox's first process,
 * so a {@code time} outside it sees nothing. Its report goes to a file in a folder of the
 * workspace that only the sandbox's user and Parity can reach ({@code /run/parity-usage}), not
 * to the command's own output. Processes that outlive their parent are reaped by the PID
 * namespace's first process, not by time, and are not counted.
 *
 * <p>A call killed at its wall time cannot be reported by time (it is killed with the tree):
 * its use is read instead from {@code /proc} for the processes alive just before the kill.
 */
final class CallMeter {
  /** Where Debian's time package puts the program. */
  static final Path TIME = Path.of("/usr/bin/time");
  /** The folder of the workspace the report is written to, and where bubblewrap shows it. */
  static final String FOLDER = "usage";
  static final String INSIDE = "/run/parity-usage";
  private static final String FILE = "call";
  private static final String FORMAT = "%U %S %M";

  private CallMeter() {}

  /** Whether this machine can measure calls (GNU time installed). */
  static boolean available() {
    return Files.isExecutable(TIME);
  }

  /** The program and options that measure a command, writing to {@code report}. */
  static List<String> prefix(String report) {
    return List.of(TIME.toString(), "-f", FORMAT, "-o", report);
  }

  /** The report file, as the sandbox's programs see it ({@code inside}) or on this machine. */
  static String reportPath(String folder) {
    return folder + "/" + FILE;
  }

  /** Deletes the last call's report, so that a call that writes none is never given another's. */
  static void clear(Path folder) {
    try {
      Files.deleteIfExists(folder.resolve(FILE));
    } catch (IOException e) {
      throw new UnableToSandboxException("cannot clear the call's resource report in " + folder + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * What the call's report says: its last line is {@code USER SYSTEM PEAK_KIB} (a line before it
   * may say how the command exited); empty when there is no report.
   */
  static Optional<ResourceUse> read(Path folder) {
    Path file = folder.resolve(FILE);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
      return lines.isEmpty() ? Optional.empty() : parse(lines.get(lines.size() - 1));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<ResourceUse> parse(String line) {
    String[] parts = line.strip().split("\\s+");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      long cpu = Math.round((Double.parseDouble(parts[0]) + Double.parseDouble(parts[1])) * 1000);
      return Optional.of(new ResourceUse(cpu, Long.parseLong(parts[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The use of the processes under {@code process} that are alive now: their CPU time summed, the
   * largest peak resident memory ({@code VmHWM} in {@code /proc/PID/status}).
   */
  static ResourceUse liveTree(Process process) {
    long cpu = 0;
    long peak = 0;
    for (ProcessHandle handle : process.descendants().toList()) {
      cpu += handle.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
      peak = Math.max(peak, peakKb(handle.pid()));
    }
    return new ResourceUse(cpu, peak);
  }

  private static long peakKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // The process ended (or is a kernel thread): it has no peak to read.
    }
    return 0;
  }
}

package dev.parity.benchmarks.sandbox;

import dev.parity.harness.sandbox.Execution;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.sandbox.Sandbox;
import dev.parity.harness.sandbox.SandboxLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox's overhead per tool call: the same {@code python3 -c pass} started directly and
 * through the bubblewrap sandbox (setpriv, nsenter into the attempt's namespaces, prlimit), run
 * alternately N times after a warm-up, printing the median and p90 of each and the median extra.
 *
 * <p>What it measures: process start-up as a tool call pays it (the JVM's fork, the wrappers,
 * namespace entry, the interpreter, the clean-up after the call). What it does not: the sandbox's start
 * (once an attempt) or the tool loop. Alternating the two keeps a busy machine's noise on both.
 * Run: {@code benchmarks/sandbox-overhead.sh [N=200]}; last numbers in docs/agents.md.
 */
public final class SandboxOverhead {
  private static final List<String> COMMAND = List.of("/usr/bin/python3", "-c", "pass");

  private SandboxOverhead() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path root = Files.createTempDirectory("parity-overhead");
    LocalSandboxBackend backend = LocalSandboxBackend.bubblewrap(root.resolve("sandboxes"));
    Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    if (backend.problem().isPresent()) {
      System.out.println("no sandbox: " + backend.problem().get());
      return;
    }
    List<Long> direct = new ArrayList<>();
    List<Long> sandboxed = new ArrayList<>();
    try (Sandbox sandbox = backend.prepare(List.of(), SandboxLimits.DEFAULTS)) {
      for (int i = 0; i < n + 20; i++) {
        long directNanos = direct();
        long sandboxNanos = sandboxed(sandbox);
        if (i >= 20) { // the first runs warm the page cache and the JIT
          direct.add(directNanos);
          sandboxed.add(sandboxNanos);
        }
      }
    }
    double directMedian = percentile(direct, 0.5);
    double sandboxMedian = percentile(sandboxed, 0.5);
    System.out.printf(Locale.ROOT, "python3 -c pass, %d runs each%n", n);
    System.out.printf(Locale.ROOT, "direct:    median %.1f ms, p90 %.1f ms%n", directMedian, percentile(direct, 0.9));
    System.out.printf(Locale.ROOT, "sandboxed: median %.1f ms, p90 %.1f ms%n", sandboxMedian,
        percentile(sandboxed, 0.9));
    System.out.printf(Locale.ROOT, "median extra: %.1f ms%n", sandboxMedian - directMedian);
  }

  private static long direct() throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(COMMAND).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("python3 -c pass failed");
    }
    return System.nanoTime() - start;
  }

  private static long sandboxed(Sandbox sandbox) throws InterruptedException {
    long start = System.nanoTime();
    Execution execution = sandbox.exec(COMMAND, "");
    if (execution.exitCode() != 0) {
      throw new IllegalStateException("python3 -c pass failed in the sandbox: " + execution.stderr());
    }
    return System.nanoTime() - start;
  }

  private static double percentile(List<Long> nanos, double p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }
}

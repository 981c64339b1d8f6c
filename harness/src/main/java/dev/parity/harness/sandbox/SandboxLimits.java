package dev.parity.harness.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one sandboxed call and of the workspace it runs in.
 *
 * @param wallPerCall how long one call may run before its whole process tree is killed
 * @param cpuPerCall the CPU time a process of the call may use ({@code prlimit --cpu})
 * @param memoryBytes the address space a process of the call may map ({@code prlimit --as})
 * @param processes how many processes the sandbox's user may have at once ({@code prlimit --nproc})
 * @param fileBytes the largest file a process may write ({@code prlimit --fsize})
 * @param workspaceBytes the most the workspace may hold; past it the call reports the workspace as full
 * @param outputChars how much of stdout and of stderr a call returns; the rest is dropped with a note
 */
public record SandboxLimits(Duration wallPerCall, Duration cpuPerCall, long memoryBytes, int processes,
    long fileBytes, long workspaceBytes, int outputChars) {

  /** The documented defaults: 120 s wall, 60 s CPU, 2 GiB memory, 256 processes, 100 MB per file, 1 GiB workspace. */
  public static final SandboxLimits DEFAULTS = new SandboxLimits(Duration.ofSeconds(120), Duration.ofSeconds(60),
      2L << 30, 256, 100_000_000L, 1L << 30, 20_000);

  public SandboxLimits {
    Objects.requireNonNull(wallPerCall, "wallPerCall");
    Objects.requireNonNull(cpuPerCall, "cpuPerCall");
    if (wallPerCall.isNegative() || wallPerCall.isZero() || cpuPerCall.toSeconds() < 1) {
      throw new IllegalArgumentException("sandbox limits: wall time must be positive and CPU time at least 1 s");
    }
    if (memoryBytes <= 0 || processes <= 0 || fileBytes <= 0 || workspaceBytes <= 0 || outputChars <= 0) {
      throw new IllegalArgumentException("sandbox limits must be positive: " + memoryBytes + " bytes of memory, "
          + processes + " processes, " + fileBytes + " bytes per file, " + workspaceBytes + " bytes of workspace, "
          + outputChars + " characters of output");
    }
  }

  /** These limits with another wall time per call. */
  public SandboxLimits withWallPerCall(Duration wall) {
    return new SandboxLimits(wall, cpuPerCall, memoryBytes, processes, fileBytes, workspaceBytes, outputChars);
  }
}

package dev.parity.harness.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CPU time and peak memory of sandboxed calls, measured for real (GNU time inside the
 * sandbox; {@code /proc} for a call killed at its wall time). CPU seconds are the processes' own,
 * not the wall clock's, so a busy machine does not change what is asserted.
 */
class CallMeterTest {
  private static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofSeconds(120), Duration.ofSeconds(60),
      1L << 30, 32, 1_000_000, 50_000_000, 1_000);
  /** Burns about a second of CPU in a child of the shell, with 150 MB resident in another child. */
  private static final String WORK = "python3 -c \"sum(i * i for i in range(6_000_000))\""
      + " && python3 -c \"x = b'x' * 150_000_000; print(len(x))\"";

  @TempDir Path temp;

  @Test
  void aBubblewrapCallReportsTheCpuOfItsProcessTreeAndItsLargestPeak() throws Exception {
    try (Sandbox sandbox = backend(LocalSandboxBackend::bubblewrap).prepare(List.of(), LIMITS)) {
      Execution execution = sandbox.exec(List.of("bash", "-c", WORK), "");

      assertThat(execution.exitCode()).as(execution.stderr()).isZero();
      assertThat(execution.stdout()).as("the report is not in the command's output").isEqualTo("150000000\n");
      assertThat(execution.stderr()).isEmpty();
      assertThat(execution.resources()).isNotNull();
      assertThat(execution.resources().cpuMillis()).as("the children's CPU, summed").isGreaterThan(200);
      assertThat(execution.resources().peakMemoryKb()).as("the largest child's peak RSS")
          .isBetween(150_000L, 1_000_000L);
    }
  }

  @Test
  void theModelCannotSeeTheReportAmongItsFilesAndEachCallIsMeasuredAfresh() throws Exception {
    try (Sandbox sandbox = backend(LocalSandboxBackend::bubblewrap).prepare(List.of(), LIMITS)) {
      Execution big = sandbox.exec(List.of("bash", "-c", WORK), "");
      Execution small = sandbox.exec(List.of("true"), "");

      assertThat(sandbox.listFiles()).isEmpty();
      assertThat(small.resources().peakMemoryKb()).isLessThan(big.resources().peakMemoryKb() / 10);
    }
  }

  @Test
  void withoutASandboxCallsAreMeasuredTheSameWay() throws Exception {
    try (Sandbox sandbox = backend(LocalSandboxBackend::unsafeNoSandbox).prepare(List.of(), LIMITS)) {
      Execution execution = sandbox.exec(List.of("bash", "-c", WORK), "");

      assertThat(execution.exitCode()).as(execution.stderr()).isZero();
      assertThat(execution.resources().cpuMillis()).isGreaterThan(200);
      assertThat(execution.resources().peakMemoryKb()).isBetween(150_000L, 1_000_000L);
    }
  }

  @Test
  void aCallKilledAtItsWallTimeIsStillMeasured() throws Exception {
    try (Sandbox sandbox = backend(LocalSandboxBackend::bubblewrap).prepare(List.of(),
        LIMITS.withWallPerCall(Duration.ofSeconds(2)))) {
      Execution execution = sandbox.exec(List.of("sleep", "600"), "");

      assertThat(execution.timedOut()).isTrue();
      assertThat(execution.resources()).as("read from /proc before the kill").isNotNull();
    }
  }

  @Test
  void aReportIsItsLastLineWhateverTimeSaidAboutTheExitBeforeIt() {
    assertThat(CallMeter.parse("0.41 0.07 208616")).contains(new ResourceUse(480, 208_616));
    assertThat(CallMeter.parse("Command exited with non-zero status 3")).isEmpty();
    assertThat(CallMeter.parse("garbage")).isEqualTo(Optional.empty());
    assertThat(new ResourceUse(100, 5_000).plus(new ResourceUse(50, 9_000)).plus(null))
        .isEqualTo(new ResourceUse(150, 9_000));
  }

  private LocalSandboxBackend backend(java.util.function.Function<Path, LocalSandboxBackend> kind) throws IOException {
    // JUnit's folder is closed to other users; the sandbox's user must pass through it.
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
    return kind.apply(temp.resolve("sandboxes"));
  }
}

package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {
  @Test
  void versionNamesTheReleaseAndTheCommit() {
    CommandRun run = CommandRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("parity \\d+\\.\\d+\\.\\d+").containsPattern("commit ([0-9a-f]{10}|unknown)");
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    CommandRun run = CommandRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("demo", "validate", "suite", "Exit codes: 0 success, 1 invalid input");
  }
}

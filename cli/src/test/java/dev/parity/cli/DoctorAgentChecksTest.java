package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.doctor.Check;
import org.junit.jupiter.api.Test;

/** {@code parity doctor} looks at what agent runs need: the sandbox and its toolset. */
class DoctorAgentChecksTest {

  @Test
  void doctorChecksTheSandboxAndTheToolsetAndTheSandboxWorksHere() {
    assertThat(DoctorCommand.checks()).extracting(Check::name).contains("sandbox", "toolset");

    CommandRun run = CommandRun.of("doctor", "--require", "sandbox");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("sandbox", "a test command ran in the sandbox", "toolset", "python-docx");
  }
}

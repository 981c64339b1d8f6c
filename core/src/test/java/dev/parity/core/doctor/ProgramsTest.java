package dev.parity.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramsTest {
  @Test
  void findsProgramsOnThePathAndNotOthers() {
    assertThat(Programs.onPath("sh")).get().satisfies(path -> assertThat(path).isExecutable());
    assertThat(Programs.onPath("no-such-program-parity")).isEmpty();
  }

  @Test
  void returnsTheOutputsNonBlankLinesOfAProgramThatSucceeds() {
    List<String> command = List.of("sh", "-c", "echo; echo '  warning  ' >&2; echo 'Tool 1.2'");

    assertThat(Programs.lines(command, Duration.ofMinutes(1))).get().asList().containsExactly("warning", "Tool 1.2");
    assertThat(Programs.firstLine(command, Duration.ofMinutes(1))).contains("warning");
  }

  @Test
  void aProgramThatFailsIsMissingOrNeverEndsAnswersNothing() {
    assertThat(Programs.firstLine(List.of("sh", "-c", "echo no; exit 3"), Duration.ofMinutes(1))).isEmpty();
    assertThat(Programs.firstLine(List.of("no-such-program-parity"), Duration.ofMinutes(1))).isEmpty();
    // Never ends, so the (short) timeout always fires, however busy the machine.
    assertThat(Programs.firstLine(List.of("sleep", "600"), Duration.ofMillis(200))).isEmpty();
  }
}

package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** The top-level usage printed from the build's text is picocli's own, so it cannot go stale. */
class TopLevelHelpTest {
  @Test
  void theBuildWroteWhatPicocliPrintsForTheFullCommandLineInBothColours() {
    String plain = TopLevelHelp.text(TopLevelHelp.PLAIN);
    String coloured = TopLevelHelp.text(TopLevelHelp.COLOURED);

    assertThat(plain).as("written by the build (cli/pom.xml, process-classes)").isNotNull()
        .isEqualTo(ParityCommand.commandLine().getUsageMessage(Ansi.OFF))
        .startsWith("Usage: parity").contains("validate", "Exit codes");
    assertThat(coloured).isEqualTo(ParityCommand.commandLine().getUsageMessage(Ansi.ON))
        .contains("\u001b[");
  }

  @Test
  void helpAndNoArgumentsPrintExactlyWhatTheCommandLinePrints() {
    for (String[] args : new String[][] {{"--help"}, {"-h"}, {}}) {
      ByteArrayOutputStream fast = new ByteArrayOutputStream();
      assertThat(TopLevelHelp.print(args, new PrintStream(fast, true, StandardCharsets.UTF_8))).isTrue();

      StringWriter full = new StringWriter();
      CommandLine parity = ParityCommand.commandLine();
      parity.setOut(new PrintWriter(full));
      parity.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.AUTO));
      assertThat(parity.execute(args)).isZero();

      assertThat(fast.toString(StandardCharsets.UTF_8)).as(String.join(" ", args)).isEqualTo(full.toString());
    }
  }

  @Test
  void anythingElseRunsTheUsualWay() {
    for (String[] args : new String[][] {{"--version"}, {"validate", "--help"}, {"--help", "run"}, {"help"}}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(TopLevelHelp.print(args, new PrintStream(out, true, StandardCharsets.UTF_8))).isFalse();
      assertThat(out.size()).isZero();
    }
  }
}

package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line built for one invocation behaves as the one with every command inspected. */
class ParityCommandTest {
  @Test
  void theTopLevelUsageIsTheSameWhenNoSubcommandIsInspected() {
    String everyCommand = ParityCommand.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);

    String noCommand = ParityCommand.commandLine("--help").getUsageMessage(CommandLine.Help.Ansi.OFF);

    assertThat(noCommand).isEqualTo(everyCommand).contains("blind-check", "doctor");
  }

  @Test
  void everySubcommandsHelpWorksFromTheCommandLineBuiltForIt() {
    for (Class<?> subcommand : ParityCommand.SUBCOMMANDS) {
      String name = subcommand.getAnnotation(Command.class).name();
      String expected = ParityCommand.commandLine().getSubcommands().get(name)
          .getUsageMessage(CommandLine.Help.Ansi.OFF);

      CommandRun help = CommandRun.of(name, "--help");

      assertThat(help.exitCode()).as(name).isZero();
      assertThat(help.out()).as(name).isEqualTo(expected);
    }
  }

  @Test
  void helpNameInspectsBothHelpAndTheCommandItDescribes() {
    CommandRun help = CommandRun.of("help", "run");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: parity run", "--concurrency");
  }

  @Test
  void aMistypedCommandIsAUsageErrorThatSuggestsTheNearestName() {
    CommandRun mistyped = CommandRun.of("valdiate", "suites/sample");

    assertThat(mistyped.exitCode()).isEqualTo(2);
    assertThat(mistyped.err()).contains("valdiate", "validate");
  }

  @Test
  void everyCommandsLineInItsParentsListIsAWholeSentenceNotCutAtTheEndOfALine() {
    // picocli lists a command with the first line of its description (or its header).
    List<String> cut = new java.util.ArrayList<>();
    collectCut(ParityCommand.commandLine(), "parity", cut);

    assertThat(cut).isEmpty();
  }

  private static void collectCut(CommandLine command, String path, List<String> cut) {
    command.getSubcommands().forEach((name, subcommand) -> {
      CommandLine.Model.UsageMessageSpec usage = subcommand.getCommandSpec().usageMessage();
      String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
      if (lines.length > 0 && !lines[0].strip().endsWith(".")) {
        cut.add(path + " " + name + ": " + lines[0]);
      }
      collectCut(subcommand, path + " " + name, cut);
    });
  }

  @Test
  void onlyTheNamedSubcommandAndItsHelpAreInspected() {
    assertThat(Invoked.subcommands("--help")).isEmpty();
    assertThat(Invoked.subcommands("run", "show", "r1", "--db", "x.db")).containsExactly(RunCommand.class);
    assertThat(Invoked.subcommands("--version", "suite", "info", "s")).containsExactly(SuiteCommand.class);
    assertThat(Invoked.subcommands("help", "validate")).containsExactly(CommandLine.HelpCommand.class, ValidateCommand.class);
    assertThat(Invoked.subcommands("run", "@options.txt")).isEqualTo(ParityCommand.SUBCOMMANDS);
    assertThat(Invoked.subcommands("no-such-command")).isEqualTo(List.of());
  }
}

package dev.parity.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** Which subcommands a command line needs inspected, found without building any command. */
final class Invoked {
  private Invoked() {}

  /**
   * The subcommands {@code args} run: the one they name, and for {@code parity help NAME} both
   * {@code help} and the one it describes; every subcommand when an argument is an {@code @file}
   * (picocli expands it later, so its content is unknown here); none for top-level options alone
   * or a mistyped name.
   */
  static List<Class<?>> subcommands(String... args) {
    if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("@"))) {
      return ParityCommand.SUBCOMMANDS;
    }
    List<Class<?>> invoked = new ArrayList<>();
    int first = firstPositional(args, 0);
    Optional<Class<?>> named = first < 0 ? Optional.empty() : named(args[first]);
    named.ifPresent(invoked::add);
    if (named.isPresent() && named.get() == HelpCommand.class) {
      int next = firstPositional(args, first + 1);
      if (next >= 0) {
        named(args[next]).ifPresent(invoked::add);
      }
    }
    return invoked;
  }

  /** The index of the first argument from {@code from} that is not an option; -1 if none. */
  private static int firstPositional(String[] args, int from) {
    // The top-level options (-h, --help, -V, --version) take no value, so the first argument
    // that is not an option is the subcommand's name.
    for (int i = from; i < args.length; i++) {
      if (!args[i].startsWith("-")) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<Class<?>> named(String name) {
    for (Class<?> subcommand : ParityCommand.SUBCOMMANDS) {
      Command command = subcommand.getAnnotation(Command.class);
      if (command.name().equals(name) || Arrays.asList(command.aliases()).contains(name)) {
        return Optional.of(subcommand);
      }
    }
    return Optional.empty();
  }
}

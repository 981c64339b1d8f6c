package dev.parity.cli;

import picocli.CommandLine;

/** The {@code parity} command's entry point; the only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (TopLevelHelp.print(args, System.out)) {
      System.exit(0);
    }
    System.exit(ParityCommand.commandLine(args).execute(args));
  }
}

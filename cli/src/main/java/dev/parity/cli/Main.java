package dev.parity.cli;

import java.util.Optional;

/** The {@code parity} command's entry point; the only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (TopLevelHelp.print(args, System.out)) {
      System.exit(0);
    }
    Optional<DirectSuiteInfo.Invocation> suiteInfo = DirectSuiteInfo.of(args);
    if (suiteInfo.isPresent()) {
      System.exit(DirectSuiteInfo.run(suiteInfo.get(), DirectSuiteInfo.writer(System.out),
          DirectSuiteInfo.writer(System.err)));
    }
    System.exit(ParityCommand.commandLine(args).execute(args));
  }
}

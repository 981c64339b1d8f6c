package dev.parity.cli;

import java.util.Optional;
import picocli.CommandLine;

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
    // A run's or a report's suite starts loading before picocli builds the command, which takes a while too.
    SuitePreload preload = SuitePreload.start(args);
    CommandLine commandLine = ParityCommand.commandLine(args);
    preload.offerTo(commandLine);
    System.exit(commandLine.execute(args));
  }
}

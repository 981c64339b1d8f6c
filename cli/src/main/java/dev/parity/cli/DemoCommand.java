package dev.parity.cli;

import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteSummary;
import dev.parity.tasks.SuiteValidation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parity demo}: the furthest the pipeline reaches with no API key and no network, on the
 * sample suite. Each capability that lands extends it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Shows Parity end to end on the sample suite, with no API key and no network.",
        "Today: validates the sample suite and prints its summary."
    },
    footer = {"", "Examples:", "  parity demo", "  parity demo --suite suites/my-suite"})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--suite", paramLabel = "PATH",
      description = "The suite to show (default: the sample suite that ships with Parity).")
  Path suitePath;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path path = suitePath != null ? suitePath : SampleSuite.locate();
    out.println("== 1. Validate the suite: parity validate " + path);
    SuiteValidation validation = Suites.loader().validate(path);
    validation.problems().forEach(out::println);
    if (!validation.isValid()) {
      out.printf("%d problems: the demo stops here.%n", validation.problems().size());
      out.flush();
      return 1;
    }
    Suite suite = validation.suite();
    out.printf("valid: %d tasks, %s%n%n", suite.tasks().size(), suite.contentHash());
    out.println("== 2. What the suite holds: parity suite info " + path);
    SuiteCommand.Info.print(SuiteSummary.of(suite), out);
    out.flush();
    return 0;
  }

  /** Where the sample suite is: beside the launcher, or in the working folder. */
  static final class SampleSuite {
    private SampleSuite() {}

    static Path locate() {
      String home = System.getenv("PARITY_HOME");
      if (home != null && Files.isDirectory(Path.of(home, "suites", "sample"))) {
        return Path.of(home, "suites", "sample");
      }
      return Path.of("suites", "sample");
    }
  }
}

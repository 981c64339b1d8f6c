package dev.parity.cli;

import dev.parity.tasks.Problem;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.SuiteValidation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parity validate PATH}: every problem of a suite at once, with positions. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Checks a suite completely and reports every problem at once.",
        "Each problem is printed as FILE:LINE:COLUMN: message (or FILE: message where no",
        "position applies), then a count."
    },
    footer = {
        "",
        "Examples:",
        "  parity validate suites/sample",
        "  parity validate --json suites/my-suite > problems.json",
        "  parity validate --max-file-size 200MB suites/big-files",
        "",
        "Exit codes: 0 valid, 1 problems found, 2 usage error."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "The suite folder (holding suite.json and tasks/).")
  Path path;

  @Option(names = "--json", description = "Print the problems as a JSON list instead.")
  boolean json;

  @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSize.class,
      description = "Largest file a suite may hold (default: 50MB).")
  long maxFileBytes = SuiteLoader.DEFAULT_MAX_FILE_BYTES;

  @Override
  public Integer call() {
    SuiteValidation validation = Suites.loader().withMaxFileBytes(maxFileBytes).validate(path);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(validation.problems().stream().map(ValidateCommand::asJson).toList()));
    } else {
      validation.problems().forEach(out::println);
      if (validation.isValid()) {
        var suite = validation.suite();
        out.printf("%s: valid — suite %s %s, %d tasks, %s%n", path, suite.name(), suite.version(),
            suite.tasks().size(), suite.contentHash());
      } else {
        int count = validation.problems().size();
        out.printf("%d %s in %s%n", count, count == 1 ? "problem" : "problems", path);
      }
    }
    out.flush();
    return validation.isValid() ? 0 : 1;
  }

  private static Map<String, Object> asJson(Problem problem) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", problem.file().toString());
    json.put("line", problem.hasPosition() ? problem.line() : null);
    json.put("column", problem.hasPosition() ? problem.column() : null);
    json.put("message", problem.message());
    return json;
  }

}

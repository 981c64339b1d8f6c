package dev.parity.cli;

import dev.parity.tasks.Problem;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.SuiteValidation;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import dev.parity.tasks.UnshownReference;
import dev.parity.tasks.vetting.VettingRecord;
import dev.parity.tasks.vetting.VettingStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
        "position applies), then a count. A valid suite's notes follow: the files its tasks reference",
        "but do not hold (an import without the dataset's files), with where to get each, and a count of",
        "flagged tasks ('parity suite info' lists them). Notes do not make a suite invalid.",
        "With --require-vetted, a suite without a vetting record (vetting.json, written by",
        "'parity vet --attest') that matches its files now is a problem too, naming the files that differ."
    },
    footer = {
        "",
        "Examples:",
        "  parity validate suites/sample",
        "  parity validate --json suites/my-suite > problems.json",
        "  parity validate --max-file-size 200MB suites/big-files",
        "  parity validate --require-vetted suites/contributed",
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

  @Option(names = "--require-vetted",
      description = "Also refuse a suite whose vetting.json is missing or no longer matches its files.")
  boolean requireVetted;

  @Override
  public Integer call() {
    SuiteValidation validation = Suites.loader().withMaxFileBytes(maxFileBytes).validate(path);
    List<Problem> problems = new ArrayList<>(validation.problems());
    if (requireVetted && java.nio.file.Files.isDirectory(path)) {
      VettingStatus vetting = VettingStatus.of(path);
      if (!vetting.isVetted()) {
        problems.add(Problem.inFile(path.resolve(VettingRecord.FILE_NAME), "the suite is " + vetting.describe()
            + "; vet it and sign it off with 'parity vet " + path + " --attested-by NAME'"));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(problems.stream().map(ValidateCommand::asJson).toList()));
    } else {
      problems.forEach(out::println);
      if (problems.isEmpty()) {
        var suite = validation.suite();
        notes(suite, out);
        out.printf("%s: valid — suite %s %s, %d tasks, %s%n", path, suite.name(), suite.version(),
            suite.tasks().size(), suite.contentHash());
      } else {
        int count = problems.size();
        out.printf("%d %s in %s%n", count, count == 1 ? "problem" : "problems", path);
      }
    }
    out.flush();
    return problems.isEmpty() ? 0 : 1;
  }

  /** Missing files with where to get them, and how many tasks are flagged. */
  private static void notes(Suite suite, PrintWriter out) {
    int flagged = 0;
    for (Task task : suite.tasks()) {
      for (UnshownReference missing : task.referencesNotShown()) {
        if (missing.reason() == UnshownReference.Reason.MISSING) {
          out.printf("%s: note: reference \"%s\" is missing, so the model is not shown it%s%n",
              task.file(SuiteLoader.TASK_FILE), missing.file(),
              missing.url() == null ? "" : "; get it from " + missing.url()
                  + " (or import again with --asset-root DIR or --download)");
        }
      }
      flagged += task.flags().isEmpty() ? 0 : 1;
    }
    if (flagged > 0) {
      out.printf("%s: note: %d of %d tasks are flagged as incomplete; 'parity suite info %s' lists why%n",
          suite.root(), flagged, suite.tasks().size(), suite.root());
    }
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

package dev.parity.cli;

import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteSummary;
import dev.parity.tasks.SuiteValidation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
        "Validates the sample suite and prints its summary, runs it through a replay model of",
        "recorded example answers (suites/sample-answers: examples, not a real model), grades the",
        "deliverables with the rubric's checks and a replay judge both ways round, summarises, and",
        "ends with the run's report (with example judgments, labelled as examples in the report)."
    },
    footer = {"", "Examples:", "  parity demo", "  parity demo --agent", "  parity demo --serve --port 8080", "  parity demo --suite suites/my-suite"})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--serve", description = "Then start the grading app on a blind campaign of the demo's run,"
      + " and print an invite link to grade it in a browser (Ctrl-C stops it).")
  boolean serve;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "The app's port with --serve (default 8080).")
  int port;

  @Option(names = "--agent", description = "Show an agent run instead: a replayed tool-using model makes a real"
      + " Word document with python-docx in a bubblewrap sandbox (no network, no key); see docs/agents.md.")
  boolean agent;

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
    if (agent) {
      CommandLine parity = ParityCommand.commandLine();
      parity.setOut(out);
      parity.setErr(spec.commandLine().getErr());
      return AgentDemo.run(path, parity, out);
    }
    return suitePath == null ? runSample(path, out) : 0;
  }

  /** Step 3: the sample suite through the replay model of recorded example answers, in a fresh store. */
  private int runSample(Path suite, PrintWriter out) {
    Path answers = suite.resolveSibling("sample-answers").resolve("example-model");
    if (!Files.isDirectory(answers)) {
      out.println("(no recorded example answers at " + answers + ": the demo stops here)");
      out.flush();
      return 0;
    }
    Path db;
    try {
      db = Files.createTempDirectory("parity-demo").resolve("parity.db");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot make a folder for the demo's store", e);
    }
    // A models file names the model example-model, as the example judgments do, so that the
    // report joins them with the run's attempts and its graded deliverables.
    Path models = db.resolveSibling("models.json");
    write(models, Json.write(java.util.Map.of("models", java.util.List.of(java.util.Map.of(
        "name", "example-model", "provider", "replay", "model", answers.toAbsolutePath().toString())))));
    out.printf("%n== 3. Run it through a replay model (recorded example answers, not a real model):%n"
        + "   parity run --suite %s --models %s --db %s --run-id demo%n", suite, models, db);
    out.flush();
    CommandLine parity = ParityCommand.commandLine();
    parity.setOut(out);
    parity.setErr(spec.commandLine().getErr());
    int ran = parity.execute("run", "--suite", suite.toString(), "--models", models.toString(), "--db", db.toString(),
        "--run-id", "demo");
    out.printf("%n== 4. What the run holds: parity run show demo --db %s%n", db);
    out.flush();
    int shown = parity.execute("run", "show", "demo", "--db", db.toString());
    if (ran != 0 || shown != 0) {
      return ran != 0 ? ran : shown;
    }
    int graded = grade(parity, answers.resolveSibling("example-judge"), db, out);
    if (graded != 0) {
      return graded;
    }
    int reported = report(suite, db, parity, out);
    return reported != 0 || !serve ? reported : serve(parity, Suites.loader().load(suite), db, out);
  }

  /** Step 8: the report of the run, with the example judgments shipped beside the answers. */
  private static int report(Path suite, Path db, CommandLine parity, PrintWriter out) {
    Path judgments = suite.resolveSibling("sample-answers").resolve("judgments.example.csv");
    Path folder = db.resolveSibling("report");
    out.printf("%n== 8. The report of the run, with example judgments (written by hand, not real graders'):%n"
        + "   parity report --run demo --db %s --judgments %s --out %s%n", db, judgments, folder);
    out.flush();
    return parity.execute("report", "--run", "demo", "--db", db.toString(), "--judgments", judgments.toString(),
        "--out", folder.toString());
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Steps 5 and 6: the rubric's deterministic checks, and a replay judge both ways round. */
  private static int grade(CommandLine parity, Path judgeAnswers, Path db, PrintWriter out) {
    out.printf("%n== 5. Grade the rubric's deterministic checks: parity grade --run demo --rubric --db %s%n", db);
    out.flush();
    int rubric = parity.execute("grade", "--run", "demo", "--rubric", "--db", db.toString());
    if (rubric != 0) {
      return rubric;
    }
    String judge = "replay:" + judgeAnswers;
    out.printf("%n== 6. Judge each deliverable against the professional's, both orders, with a replay judge"
        + " (example verdicts, not a real model):%n   parity grade --run demo --pairwise --judge %s --db %s%n",
        judge, db);
    out.flush();
    int pairwise = parity.execute("grade", "--run", "demo", "--pairwise", "--judge", judge, "--db", db.toString());
    if (pairwise != 0) {
      return pairwise;
    }
    out.printf("%n== 7. What the judgments say: parity judgments --run demo --db %s%n", db);
    out.flush();
    return parity.execute("judgments", "--run", "demo", "--db", db.toString());
  }

  /** With --serve: a blind campaign of the demo run for one demo grader, an invite link, the app. */
  private int serve(CommandLine parity, Suite suite, Path db, PrintWriter out) {
    Path roster = db.resolveSibling("graders.csv");
    String occupations = suite.tasks().stream().map(t -> t.occupation().soc()).distinct().sorted()
        .collect(java.util.stream.Collectors.joining(";"));
    try {
      Files.writeString(roster, "id,display_name,email,occupations,role\n"
          + "demo-grader,Demo Grader,grader@example.org," + occupations + ",admin\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the demo's roster " + roster, e);
    }
    out.printf("%n== Serve: a blind campaign of the run for one demo grader (an administrator too):%n"
        + "   parity campaign create --run demo --graders %s --per-pair 1 --db %s%n", roster, db);
    out.flush();
    int created = parity.execute("campaign", "create", "--run", "demo", "--graders", roster.toString(),
        "--per-pair", "1", "--attention-rate", "0", "--name", "demo", "--seed", "1", "--db", db.toString());
    if (created != 0) {
      return created;
    }
    out.println("\nOpen this invite link in a browser, set a password, and grade:");
    out.flush();
    int invited = parity.execute("campaign", "invite", "--grader", "demo-grader",
        "--base-url", "http://127.0.0.1:" + port, "--db", db.toString());
    if (invited != 0) {
      return invited;
    }
    return parity.execute("serve", "--port", Integer.toString(port), "--db", db.toString());
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

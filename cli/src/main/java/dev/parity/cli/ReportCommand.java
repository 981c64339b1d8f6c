package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.graders.campaign.Campaigns;
import dev.parity.judgments.Judgment;
import dev.parity.judgments.JudgmentStore;
import dev.parity.judgments.JudgmentsCsv;
import dev.parity.harness.features.FeatureCache;
import dev.parity.harness.run.NoSuchRunException;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.judgments.JudgmentSource;
import dev.parity.reports.report.GroupResult;
import dev.parity.reports.report.JudgmentsExport;
import dev.parity.reports.report.Level;
import dev.parity.reports.report.Report;
import dev.parity.reports.report.ReportFiles;
import dev.parity.reports.report.ReportInput;
import dev.parity.reports.report.ReportSettings;
import dev.parity.reports.report.Source;
import dev.parity.store.Database;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code parity report}: the report of runs, grading campaigns and judgment files, any of them
 * alone or together, written as report.html, report.md, report.json, judgments.csv and
 * attempts.csv.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Computes the report of runs, campaigns and judgment files: win-or-tie rates against the "
            + "professionals with honest intervals per sector, occupation, file type and task length; "
            + "rubric scores, ratings, grader agreement, time horizons, speed and cost, the trend by "
            + "release date, and how every number was computed. Writes report.html (one self-contained "
            + "page that opens offline), report.md, report.json, judgments.csv and attempts.csv.",
        "A judgments file named *.example.csv is example data, and the report says so on top."
    },
    footer = {
        "",
        "Examples:",
        "  parity report --run sample-20250601-120000 --out report/",
        "  parity report --run gdpval-gpt5 --run gdpval-claude --judgments experts.csv --out report/",
        "  parity report --judgments judgments.csv --suite suites/sample --out report/   (no run needed)",
        "  parity report --campaign pilot --review-minutes 30 --seed 7 --bootstrap 2000 --out report/",
        "",
        "Judgments files: docs/judgments-format.md. report.json: docs/report-format.md.",
        "",
        "Exit codes: 0 written; 1 invalid input (unknown run, bad file, contradictory judgments);",
        "2 usage error."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOption store;

  @Option(names = "--run", paramLabel = "ID",
      description = "A run in the store: its attempts (time, cost), the judgments about it (its judges', and files imported with --run) and its rubric scores; repeat for more.")
  List<String> runIds = new ArrayList<>();

  @Option(names = "--campaign", paramLabel = "ID",
      description = "A grading campaign (name or id) in the store: its human graders' latest verdicts; repeat for more.")
  List<String> campaigns = new ArrayList<>();

  @Option(names = "--judgments", paramLabel = "FILE.csv",
      description = "A judgments file (docs/judgments-format.md); repeat for more.")
  List<Path> judgmentFiles = new ArrayList<>();

  @Option(names = "--suite", paramLabel = "PATH",
      description = "The suite, for task lengths, wages, file types and titles (default: the first run's, when it is still there unchanged).")
  Path suitePath;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the report into.")
  Path out;

  @Option(names = "--review-minutes", paramLabel = "R",
      description = "Minutes a professional takes to review one attempt (default: the human graders' recorded minutes).")
  Double reviewMinutes;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of every bootstrap (default: ${DEFAULT-VALUE}).")
  long seed = ReportSettings.DEFAULT_SEED;

  @Option(names = "--bootstrap", paramLabel = "B",
      description = "Bootstrap resamples of the win rates (default: ${DEFAULT-VALUE}; refits use at most 1,000).")
  int bootstrap = ReportSettings.DEFAULT_RESAMPLES;

  @Option(names = "--tries", paramLabel = "N",
      description = "n in the \"try n times, review each, then fix\" workflow (default: ${DEFAULT-VALUE}).")
  int tries = ReportSettings.DEFAULT_TRIES;

  @Option(names = "--weighting", paramLabel = "task|judgment",
      description = "How judgments weigh in the score and rates: every task the same (default, GDPval's "
          + "convention) or every judgment the same.")
  String weighting = "task";

  /** The suite's load when Main started it before the command was built; {@link SuitePreload#NONE} otherwise. */
  SuitePreload preload = SuitePreload.NONE;

  private final Clock clock;

  ReportCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    if (runIds.isEmpty() && campaigns.isEmpty() && judgmentFiles.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "nothing to report: give --run ID, --campaign ID or --judgments FILE.csv");
    }
    ReportSettings settings;
    try {
      settings = ReportSettings.defaults().withResamples(bootstrap).withSeed(seed)
          .withReviewMinutes(reviewMinutes).withTries(tries)
          .withWeighting(dev.parity.reports.stats.Weighting.parse(weighting));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    boolean needsStore = !runIds.isEmpty() || !campaigns.isEmpty();
    if (needsStore && !store.exists()) {
      throw new ParityException("no store at " + Path.of(store.location).toAbsolutePath() + ": give the store holding the "
          + (runIds.isEmpty() ? "campaigns" : "runs") + " with --db FILE|URL (or set PARITY_DB)");
    }
    try (Database database = needsStore ? store.openExisting() : null) {
      Store opened = database == null ? null : new Store(database);
      ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
      Report report;
      List<Path> files;
      try {
        ReportInput input = input(opened, pool);
        // judgments.csv needs only the judgments: written on a thread of its own while the
        // statistics run, it fills the cores' gaps instead of ending the command alone.
        JudgmentsExport export =
            JudgmentsExport.start(out, input.judgments(), work -> onItsOwnThread("parity-judgments-csv", work));
        onItsOwnThread("parity-report-writers", ReportFiles::prepare);
        try {
          report = Report.compute(input, settings, pool);
        } catch (RuntimeException | Error e) {
          export.discard();
          throw e;
        }
        files = ReportFiles.write(out, report, input, opened, pool, export);
      } finally {
        pool.shutdown();
      }
      print(report, files);
    }
    return 0;
  }

  /**
   * The report's input. The suite loads on {@code executor} while the judgment files are parsed on
   * this thread and their rows checked on {@code executor} (a row asks for the suite only when it
   * leaves its occupation or sector empty); a problem is reported as if they had been read one after
   * the other: the suite's first, then the runs', the campaigns' and the files'.
   */
  private ReportInput input(Store opened, Executor executor) {
    ReportInput.Builder input = ReportInput.builder(clock.instant());
    List<Run> runs = new ArrayList<>();
    for (String id : runIds) {
      runs.add(opened.findRun(id).orElseThrow(() -> new NoSuchRunException(id, opened)));
    }
    CompletableFuture<Optional<Suite>> suiteLater = CompletableFuture.supplyAsync(() -> suite(runs), executor);
    // Looked up once per row: Suite.task scans the list, which a million rows cannot afford.
    CompletableFuture<Map<String, Task>> tasksLater = suiteLater.thenApply(ReportCommand::tasksById);
    List<Supplier<List<Judgment>>> files = read(id -> Optional.ofNullable(tasksLater.join().get(id)), executor);
    Optional<Suite> suite = joined(suiteLater);
    suite.ifPresent(input::suite);
    runs.forEach(run -> addRun(input, opened, run));
    if (!runs.isEmpty()) {
      // The deliverables' length and form, for length control: recorded by the runs, read here
      // only for files recorded before Parity kept them (then recorded, once).
      FeatureCache features = new FeatureCache(opened);
      runs.forEach(run -> input.attemptFeatures(features.ofRun(run.id())));
      suite.ifPresent(s -> s.tasks().forEach(task ->
          features.ofBaseline(task).ifPresent(f -> input.baselineFeatures(task.id(), f))));
    }
    if (!campaigns.isEmpty()) {
      addCampaigns(input, opened.database());
    }
    for (int i = 0; i < judgmentFiles.size(); i++) {
      Path file = judgmentFiles.get(i);
      input.judgments(new Source("judgments_csv", file.toString(), isExample(file)), files.get(i).get());
    }
    return input.build();
  }

  /**
   * Every judgment file, each as its judgments or the problem that stopped it, to be reported in
   * its turn; none is read after a file that failed.
   */
  private List<Supplier<List<Judgment>>> read(Function<String, Optional<Task>> tasks, Executor executor) {
    List<Supplier<List<Judgment>>> files = new ArrayList<>();
    for (Path file : judgmentFiles) {
      try {
        List<Judgment> judgments = read(file, tasks, executor);
        files.add(() -> judgments);
      } catch (RuntimeException e) {
        files.add(() -> {
          throw e;
        });
        break;
      }
    }
    return files;
  }

  /** The suite, or what stopped it loading, thrown as it was thrown. */
  private static Optional<Suite> joined(CompletableFuture<Optional<Suite>> suite) {
    try {
      return suite.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Map<String, Task> tasksById(Optional<Suite> suite) {
    Map<String, Task> tasks = new HashMap<>();
    suite.ifPresent(s -> s.tasks().forEach(t -> tasks.putIfAbsent(t.id(), t)));
    return tasks;
  }

  /** A run's attempts, the judgments about it and its rubric scores. */
  private static void addRun(ReportInput.Builder input, Store opened, Run run) {
    JudgmentStore judgments = new JudgmentStore(opened.database());
    input.run(run, opened.attempts(run.id()), opened.humanWork(run.id()));
    // One source per origin in the store (the run's judges, each imported file), so that an
    // imported example file is still marked as example data.
    Map<JudgmentSource, List<JudgmentStore.Stored>> bySource = new LinkedHashMap<>();
    judgments.judgments(run.id()).forEach(s -> bySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s));
    bySource.forEach((source, stored) ->
        input.storedJudgments(new Source("stored_judgments", source.toString(), isExample(source.toString())), stored));
    input.storedScores(judgments.scores(run.id()));
  }

  /** The campaigns' latest verdicts, from the grading tables of the same store. */
  private void addCampaigns(ReportInput.Builder input, Database database) {
    Campaigns campaignStore = new Campaigns(database, database.blobs(), clock);
    for (String campaign : campaigns) {
      List<Judgment> graded = campaignStore.judgments(campaign);
      if (graded.isEmpty()) {
        throw new ParityException("campaign '" + campaign + "' has no submitted verdict yet: nothing to report");
      }
      input.judgments(new Source("campaign", campaign, false), graded);
    }
  }

  /**
   * The suite given, or else the first run's when it is still where it was, unchanged. A report only
   * reads the suite, so it loads through the load cache as {@code suite info} does: unchanged tasks
   * are not read, checked or hashed again (benchmarks/README.md, "Eighth pass").
   */
  private Optional<Suite> suite(List<Run> runs) {
    if (suitePath != null) {
      CompletableFuture<Suite> loading = preload.take(suitePath);
      return Optional.of(loading != null ? Background.join(loading) : Suites.showingLoader().load(suitePath));
    }
    if (runs.isEmpty() || runs.get(0).suitePath() == null || !Files.isDirectory(runs.get(0).suitePath())) {
      return Optional.empty();
    }
    Suite suite = Suites.showingLoader().load(runs.get(0).suitePath());
    return suite.contentHash().equals(runs.get(0).suiteHash()) ? Optional.of(suite) : Optional.empty();
  }

  private static List<Judgment> read(Path file, Function<String, Optional<Task>> tasks, Executor executor) {
    try {
      return JudgmentsCsv.read(file, tasks, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} on a new daemon thread: the one task it is given ends with the command. */
  private static void onItsOwnThread(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Example data is marked by its file's name: {@code judgments.example.csv}. */
  static boolean isExample(Path file) {
    return isExample(file.getFileName().toString());
  }

  private static boolean isExample(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".example.csv");
  }

  private void print(Report report, List<Path> files) {
    PrintWriter stdout = spec.commandLine().getOut();
    if (report.provenance().exampleData()) {
      stdout.println("EXAMPLE DATA: this report is computed from example data, not real results.");
    }
    for (GroupResult g : report.groups(Level.OVERALL)) {
      stdout.printf(Locale.ROOT, "%s: score %.1f%% (95%% interval %.1f–%.1f%%, %,d tasks, %,d judgments): %s; "
          + "GDPval's win-or-tie rate %.1f%%%n", g.model(), g.score() * 100, g.scoreCi().low() * 100,
          g.scoreCi().high() * 100, g.nTasks(), g.nJudgments(), g.verdict().words(), g.winOrTieRate() * 100);
    }
    stdout.printf("wrote %s%n", String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()));
    stdout.printf("open %s%n", files.get(0).toAbsolutePath());
    stdout.flush();
  }
}

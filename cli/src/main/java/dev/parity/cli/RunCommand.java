package dev.parity.cli;

import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelSpecs;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.run.AnswerFormat;
import dev.parity.harness.run.DryRun;
import dev.parity.harness.run.EnvelopeAnswerFormat;
import dev.parity.harness.run.ProgressPrinter;
import dev.parity.harness.run.RunControl;
import dev.parity.harness.run.RunOutcome;
import dev.parity.harness.run.RunPlan;
import dev.parity.harness.run.RunSettings;
import dev.parity.harness.run.Runner;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.work.QueueProgress;
import dev.parity.harness.call.SharedBudget;
import dev.parity.harness.call.SharedLimits;
import dev.parity.harness.work.WorkQueue;
import dev.parity.store.Database;
import dev.parity.tasks.Suite;
import dev.parity.tasks.vetting.VettingStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parity run}: runs a suite against models, or resumes a run; {@code parity run show ID}
 * prints what a run holds. The command runs itself and has a subcommand, which picocli allows: a
 * word after {@code run} that names a subcommand selects it, anything else is an option of the run.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a suite against one or more models, recording every attempt in the store as it ends.",
        "Safe to interrupt: Ctrl-C lets the calls in flight finish (twice abandons them), and the",
        "same command with --run-id carries on where it stopped, never paying for an answer twice."
    },
    subcommands = {RunShowCommand.class},
    footer = {
        "",
        "Examples:",
        "  parity run --suite suites/sample --model openai:gpt-5 --model anthropic:claude-opus-4-1",
        "  parity run --suite suites/sample --models models.yaml --samples 3 --budget-usd 50",
        "  parity run --suite suites/sample --model openai:gpt-5 --occupation 'Registered Nurses' --dry-run",
        "  parity run --suite suites/sample --model openai-compatible:llama-3.1-8b@http://127.0.0.1:8000/v1 --concurrency 4",
        "  parity run --suite suites/sample --model openai:gpt-5 --convert-formats   (build a DOCX from a delivered memo.md)",
        "  parity run --suite suites/sample --model openai:gpt-5 --tools python,shell --max-turns 30",
        "  parity run --run-id sample-20250601-120000           (resume a stopped run with its own settings)",
        "  parity run --suite suites/sample --models models.yaml --db postgresql://ann@db/parity --no-work   (workers make it)",
        "  parity run show sample-20250601-120000 --json",
        "",
        "Exit codes: 0 every attempt made, none failed; 1 invalid input, failed attempts or a stop",
        "(budget, rejected key); 2 usage error; 130 interrupted."
    })
final class RunCommand implements Callable<Integer> {
  /** Exit code of a run stopped by Ctrl-C, as shells report SIGINT. */
  static final int INTERRUPTED = 130;

  @Spec CommandSpec spec;
  @Mixin StoreOption store;
  @Mixin AgentOptions agent;

  @Option(names = "--suite", paramLabel = "PATH",
      description = "The suite folder. A resume takes the run's own suite unless given.")
  Path suitePath;

  @Option(names = "--model", paramLabel = "SPEC",
      description = "A model as PROVIDER:MODEL[@BASE_URL], e.g. openai:gpt-5; repeat for more.")
  List<String> modelSpecs = new ArrayList<>();

  @Option(names = "--models", paramLabel = "FILE",
      description = "A models file (YAML or JSON: names, parameters, limits, prices; docs/models.md).")
  Path modelsFile;

  @Option(names = "--samples", paramLabel = "N", description = "Answers per task and model (default: 1).")
  Integer samples;

  @Mixin TaskSelectionOptions tasks;

  @Option(names = "--seed", paramLabel = "S", description = "The seed of --sample (recorded with the run).")
  Long seed;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Most calls in flight per model in this process (default: the models file's, else 8); shrinks on"
          + " 429s and grows back. Not recorded with the run. On PostgreSQL, workers share each model's rate limits,"
          + " its models-file concurrency (for all processes together) and the budget (docs/teams.md).")
  Integer concurrency;

  @Option(names = "--rpm", paramLabel = "N", description = "Most requests per minute per model.")
  Integer requestsPerMinute;

  @Option(names = "--tpm", paramLabel = "N", description = "Most tokens (estimated) per minute per model.")
  Integer tokensPerMinute;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long one call may take, e.g. 10m (default), 90s.")
  Duration timeout;

  @Option(names = "--max-retries", paramLabel = "N", description = "Retries of a failed call within an attempt (default: 6).")
  Integer maxRetries;

  @Option(names = "--budget-usd", paramLabel = "USD",
      description = "Start no attempt that could take the run's cost past this; resume with a higher one to go on.")
  Double budgetUsd;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "The run's id: an existing run is resumed, a new id starts a run (default: SUITE-DATE-TIME).")
  String runId;

  @Option(names = "--dry-run", description = "Print the attempts and an estimate of tokens and cost per model; call nothing.")
  boolean dryRun;

  @Option(names = "--no-cache", description = "Call the models even for requests already answered in the store.")
  boolean noCache;

  @Option(names = "--retry-failed", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "On a resume, make again the attempts that failed (default: on; never the answered ones).")
  boolean retryFailed;

  @Option(names = "--convert-formats", negatable = true, description = {
      "Build a requested DOCX, PDF, PPTX or XLSX from the Markdown or CSV file a model delivered instead",
      "(memo.md for a DOCX, data.csv for an XLSX), recording each conversion on the attempt and in the",
      "report. Default: off, and such a file counts as the requested format missing, as GDPval counts it.",
      "Part of what defines a run: a resume keeps the run's choice and refuses a change."})
  Boolean convertFormats;

  @Option(names = "--no-work", description = {
      "PostgreSQL store: make no attempt here, leave them to `parity worker` processes, and wait until",
      "they have made them all (docs/teams.md#workers)."})
  boolean noWork;

  @Option(names = "--lease", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "PostgreSQL store: how long this process's claim on an attempt holds unless renewed (default: 60s).")
  Duration lease;

  /** The suite's load when Main started it before the command was built; {@link SuitePreload#NONE} otherwise. */
  SuitePreload preload = SuitePreload.NONE;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // Loading a large suite, checking its vetting record, setting up the HTTP client (TLS) and
    // opening the store each take a while at start: the first three on threads of their own (the
    // suite's from the process's start when Main could tell it), the store meanwhile here.
    CompletableFuture<Suite> loading = suitePath == null ? null : preload.take(suitePath);
    if (suitePath != null && loading == null) {
      loading = Background.start("parity-suite-load", () -> Suites.loader().load(suitePath));
    }
    CompletableFuture<VettingStatus> vetting = suitePath == null ? null
        : Background.start("parity-vetting", () -> VettingStatus.of(suitePath));
    ModelClients.Builder clients = ModelClients.builder().registerInstalled();
    if (!dryRun) {
      CompletableFuture<OkHttpClient> http = Background.start("parity-http",
          plainHttpModels() ? ModelClients::cleartextHttpClient : ModelClients::defaultHttpClient);
      clients.httpClient(() -> Background.join(http));
    }
    ModelClients registry = clients.build();
    if (dryRun && !store.exists()) {
      RunPlan plan = plan(Optional.empty(), registry, loading, vetting);
      printDryRun(DryRun.estimate(plan, List.of(), answerFormat()), out);
      return 0;
    }
    SharedLimits.Worker shared = null;
    try (Database database = store.open()) {
      Store opened = new Store(database);
      Optional<Run> existing = runId == null ? Optional.empty() : opened.findRun(runId);
      RunPlan plan = plan(existing, registry, loading, vetting);
      Runner.Builder runner = Runner.builder(opened, registry::create).concurrency(concurrency)
          .clock(clock).answerFormat(answerFormat()).sandboxes(AgentOptions.backend(plan.settings().agent()));
      WorkQueue queue = null;
      if (WorkQueue.supports(database)) {
        // On PostgreSQL every run goes through the shared queue, so workers can join it at any time;
        // they share its models' limits and its budget in the database (docs/teams.md).
        queue = WorkQueue.open(database, clock, lease != null ? lease : WorkQueue.DEFAULT_LEASE,
            WorkQueue.newWorkerName());
        shared = SharedLimits.worker(database);
        runner.workQueue(queue).workHere(!noWork).limits(shared).budgets(SharedBudget.source(database));
      } else if (noWork || lease != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--no-work and --lease are for runs in a"
            + " PostgreSQL store, which workers share: give --db postgresql://USER@HOST:PORT/DB (docs/teams.md#workers)");
      }
      if (dryRun) {
        printDryRun(runner.build().dryRun(plan), out);
        return 0;
      }
      RunOutcome outcome;
      boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
      try (ProgressPrinter progress = new ProgressPrinter(out, clock, terminal)) {
        RunControl control = new RunControl();
        try (Interrupts interrupts = Interrupts.install(control, spec.commandLine().getErr())) {
          outcome = runner.listener(progress).build().run(plan, control);
        }
      }
      if (queue != null) {
        printPossiblyPaid(queue.progress(outcome.runId()), out);
      }
      return report(outcome, opened, out);
    } finally {
      if (shared != null) {
        shared.close();
      }
    }
  }

  /**
   * Whether the models on the command line all answer at {@code http://} URLs (a local server), so
   * that the HTTP client need not set up TLS. A models file or a resume's own models are not read
   * here: those runs get a client with TLS, as do specs that do not parse (reported later).
   */
  private boolean plainHttpModels() {
    if (modelsFile != null || modelSpecs.isEmpty()) {
      return false;
    }
    for (String spec : modelSpecs) {
      ModelConfig model;
      try {
        model = ModelSpecs.parse(spec);
      } catch (InvalidModelConfigException e) {
        return false; // RunModels reports it when the run resolves its models
      }
      HttpUrl url = model.baseUrl() == null ? null : HttpUrl.parse(model.baseUrl());
      if (url == null || url.isHttps()) {
        return false;
      }
    }
    return true;
  }

  /** The calls that workers which died had in flight: paid perhaps, and not in the recorded cost. */
  private static void printPossiblyPaid(QueueProgress progress, PrintWriter out) {
    if (progress.expiredLeases() > 0) {
      out.println();
      out.printf(Locale.ROOT, "%d attempts were taken over from workers whose lease ran out: up to %d calls they had"
          + " in flight may have been paid without being recorded (not in the cost below).%n",
          progress.expiredLeases(), progress.expiredLeases());
    }
  }

  /** How answers are asked for and read: the deliverable envelope. */
  private static AnswerFormat answerFormat() {
    return new EnvelopeAnswerFormat();
  }

  /**
   * The plan from the options and, for a resume, the run's own settings.
   *
   * @param loading the suite of {@code --suite} being loaded, or null to load it here
   * @param vetting the vetting status of {@code --suite} being checked, or null to check it here
   */
  private RunPlan plan(Optional<Run> existing, ModelClients registry, CompletableFuture<Suite> loading,
      CompletableFuture<VettingStatus> vetting) {
    Path suiteFolder = suitePath != null ? suitePath : existing.map(Run::suitePath).orElseThrow(() ->
        new CommandLine.ParameterException(spec.commandLine(), runId == null
            ? "missing --suite PATH: which suite to run"
            : "no run \"" + runId + "\" in " + store.name() + " to resume: give --suite and --model to start it"));
    Suite suite = loading != null ? Background.join(loading) : Suites.loader().load(suiteFolder);
    warnUnlessVetted(suite.root(), vetting);
    List<ModelConfig> models = agent.models(new RunModels(modelSpecs, modelsFile, requestsPerMinute, tokensPerMinute).resolve(existing, registry));
    RunSettings stored = existing.map(RunSettings::of).orElse(RunSettings.DEFAULT);
    RunSettings settings = new RunSettings(
        samples != null ? samples : stored.samples(),
        tasks.given() ? tasks.selection(seed) : stored.selection(),
        timeout != null ? timeout : stored.timeout(),
        maxRetries != null ? maxRetries : stored.maxRetries(),
        budgetUsd != null ? budgetUsd : stored.budgetUsd(),
        !noCache,
        retryFailed)
        .withAgent(agentSettings(stored, models.stream().anyMatch(model -> model.tools() != null)))
        .withConvertFormats(convertFormats != null ? convertFormats : stored.convertFormats());
    String id = runId != null ? runId
        : suite.name() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
            .format(clock.instant());
    return new RunPlan(id, suite, models, settings);
  }

  /**
   * Every request goes to a model provider's API, so a suite nobody vetted since its files changed
   * is worth a line on stderr; never a refusal (issue 20: `validate --require-vetted` refuses).
   */
  private void warnUnlessVetted(Path root, CompletableFuture<VettingStatus> checking) {
    VettingStatus vetting;
    try {
      vetting = checking != null ? Background.join(checking) : VettingStatus.of(root);
    } catch (java.io.UncheckedIOException e) {
      return; // read while the suite was read whole, so this is a race with an edit; the run says more if so
    }
    if (!vetting.isVetted()) {
      spec.commandLine().getErr().printf("parity: warning: suite %s is %s; check it with 'parity vet %s'%n",
          root, vetting.describe(), root);
      spec.commandLine().getErr().flush();
    }
  }

  private AgentSettings agentSettings(RunSettings stored, boolean modelsHaveTools) {
    try {
      return agent.resolve(stored.agent(), modelsHaveTools);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private int report(RunOutcome outcome, Store opened, PrintWriter out) {
    int total = outcome.attempts().values().stream().mapToInt(Integer::intValue).sum();
    int pending = outcome.count(AttemptStatus.PENDING);
    out.println();
    out.printf(Locale.ROOT, "Run %s %s: %d of %d attempts ended (%d completed, %d refused, %d invalid output,"
            + " %d no deliverable, %d failed), %d made now; cost so far %s.%n",
        outcome.runId(), outcome.status().display(), total - pending, total, outcome.count(AttemptStatus.COMPLETED),
        outcome.count(AttemptStatus.REFUSED), outcome.count(AttemptStatus.INVALID_OUTPUT),
        outcome.count(AttemptStatus.NO_DELIVERABLE), outcome.failed(),
        outcome.madeNow(), outcome.spent().display(4));
    if (outcome.stopReason() != null) {
      out.println("Stopped: " + outcome.stopReason());
    }
    String resume = "parity run --run-id " + outcome.runId() + " --db " + opened.database().name();
    if (pending > 0 || outcome.failed() > 0) {
      out.println((pending > 0 ? pending + " attempts pending" : "")
          + (pending > 0 && outcome.failed() > 0 ? ", " : "")
          + (outcome.failed() > 0 ? outcome.failed() + " failed (not the models' fault)" : "")
          + ". To carry on: " + resume
          + (outcome.status() == RunStatus.STOPPED_BUDGET ? " --budget-usd HIGHER" : ""));
    }
    out.println("Details: parity run show " + outcome.runId() + " --db " + opened.database().name());
    out.flush();
    if (outcome.status() == RunStatus.STOPPED_INTERRUPTED) {
      return INTERRUPTED;
    }
    return outcome.status() == RunStatus.COMPLETED && outcome.failed() == 0 ? 0 : 1;
  }

  private static void printDryRun(DryRun dryRun, PrintWriter out) {
    out.println("Dry run of run " + dryRun.runId() + ": nothing is called, nothing is written.");
    out.printf("%-32s %9s %7s %14s %14s %14s%n", "MODEL", "ATTEMPTS", "DONE", "INPUT (est.)",
        "OUTPUT (max)", "COST (max)");
    for (DryRun.ModelEstimate model : dryRun.models()) {
      out.printf(Locale.ROOT, "%-32s %9d %7d %,14d %,14d %14s%n", model.model(), model.attempts(), model.done(),
          model.inputTokens(), model.maxOutputTokens(), money(model.worstCaseUsd()));
    }
    out.printf(Locale.ROOT, "%-32s %9d %7s %14s %14s %14s%n", "total",
        dryRun.models().stream().mapToInt(DryRun.ModelEstimate::attempts).sum(), "", "", "",
        money(dryRun.worstCaseUsd()));
    out.println("Input tokens are estimated from the request's size; the cost assumes every answer uses its"
        + " whole output limit, so the real cost is usually far lower.");
    out.flush();
  }

  private static String money(Double usd) {
    return usd == null ? "unknown price" : String.format(Locale.ROOT, "$%,.2f", usd);
  }
}

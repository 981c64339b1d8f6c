package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.documents.PageRenderers;
import dev.parity.graders.grading.GradingPass;
import dev.parity.graders.grading.JudgmentWork;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.run.EnvelopeAnswerFormat;
import dev.parity.harness.run.NoSuchRunException;
import dev.parity.harness.run.RunControl;
import dev.parity.harness.run.RunOutcome;
import dev.parity.harness.run.RunPlan;
import dev.parity.harness.run.RunSettings;
import dev.parity.harness.run.Runner;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.harness.call.SharedBudget;
import dev.parity.harness.call.SharedLimits;
import dev.parity.harness.work.WorkQueue;
import dev.parity.store.Database;
import dev.parity.tasks.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parity worker}: claims the attempts of runs started with {@code parity run --db
 * postgresql://…} from the store's work queue and makes them as {@code parity run} does, on any
 * machine that reaches the database (docs/teams.md#workers).
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
        "Makes the attempts and the judgments of runs in a PostgreSQL store, on any machine.",
        "It makes attempts as parity run does and pairwise judgments as parity grade does, claiming",
        "them under a lease that it renews: start as many workers as you like; a worker",
        "that dies loses its work in flight to the others once its lease runs out. Without --run",
        "it works every run with work, oldest first, and waits for more until Ctrl-C; with --run it",
        "works that run and ends when it is done."
    },
    footer = {
        "",
        "Examples:",
        "  parity worker --db postgresql://ann@db.example.org/parity",
        "  parity worker --db postgresql://ann@db/parity --run sample-20250601-120000 --concurrency 16",
        "  parity worker --db postgresql://ann@db/parity --sandboxes 8 --lease 2m",
        "",
        "Exit codes: 0 done (or stopped by Ctrl-C once idle); 1 invalid input (SQLite store, unknown",
        "run, another toolset, a suite not found); 2 usage error; 130 interrupted while working."
    })
final class WorkerCommand implements Callable<Integer> {
  /** How long an idle worker waits before looking for work again. */
  private static final Duration IDLE = Duration.ofSeconds(2);
  /** Judge calls at once of a grading job, unless --concurrency: parity grade's default. */
  private static final int GRADE_CONCURRENCY = 8;
  /** Retries of a judge call that failed for a reason that may pass: parity grade's default. */
  private static final int GRADE_RETRIES = 6;

  @Spec CommandSpec spec;
  @Mixin StoreOption store;

  @Option(names = "--run", paramLabel = "ID", description = "Work this run only, and end when it is done.")
  String runId;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Most calls in flight per model in this worker (default: the model's configured concurrency, else"
          + " 8; for a grading job, judgments at once, default 8). Every worker of a run shares each model's rate limits, its configured concurrency (for all workers"
          + " together) and the run's budget in the database (docs/teams.md).")
  Integer concurrency;

  @Option(names = "--sandboxes", paramLabel = "N",
      description = "Agent runs: sandboxes at once in this worker (default: the run's).")
  Integer sandboxes;

  @Option(names = "--lease", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long a claim holds an attempt unless renewed (every third of it), e.g. 30s (default: 60s).")
  Duration lease;

  @Option(names = "--suite", paramLabel = "PATH",
      description = "Where the runs' suite is on this machine (default: the folder each run recorded).")
  Path suitePath;

  private final Clock clock;

  WorkerCommand() {
    this(Clock.systemUTC());
  }

  WorkerCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (concurrency != null && concurrency < 1 || sandboxes != null && sandboxes < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--concurrency and --sandboxes must be at least 1");
    }
    ModelClients registry = ModelClients.builder().registerInstalled().build();
    try (Database database = store.open()) {
      WorkQueue queue = WorkQueue.open(database, clock, lease != null ? lease : WorkQueue.DEFAULT_LEASE,
          WorkQueue.newWorkerName());
      try (SharedLimits.Worker shared = SharedLimits.worker(database)) {
        return work(database, queue, shared, registry, out);
      }
    }
  }

  /**
   * Works runs, and the judgments of grading passes on them, until none is left ({@code --run}) or
   * the worker is stopped; returns the exit code.
   */
  private int work(Database database, WorkQueue queue, SharedLimits.Worker shared, ModelClients registry,
      PrintWriter out) throws InterruptedException {
    Store opened = new Store(database);
    out.println("Worker " + queue.worker() + " on " + store.name() + " (lease " + seconds(queue.lease())
        + (runId == null ? "): working every run with work; Ctrl-C to stop." : "): working run " + runId + "."));
    out.flush();
    JudgmentWork judgments = JudgmentWork.open(database, clock, queue.lease(), queue.worker());
    RunControl control = new RunControl();
    Set<String> skipped = new HashSet<>();
    try (Interrupts interrupts = Interrupts.install(control, spec.commandLine().getErr())) {
      while (!control.isStopping()) {
        List<String> runs = runId != null ? List.of(runId)
            : queue.runsWithWork().stream().filter(id -> !skipped.contains(id)).toList();
        for (String id : runs) {
          if (control.isStopping()) {
            break;
          }
          RunOutcome outcome = work(opened, registry, queue, shared, id, control, skipped);
          if (outcome != null) {
            out.println("Run " + id + ": " + outcome.madeNow() + " attempts made here"
                + (outcome.stopReason() == null ? "." : "; stopped: " + outcome.stopReason()));
            out.flush();
          }
        }
        List<String> jobs = judgments.jobsWithWork(runId).stream().filter(id -> !skipped.contains(id)).toList();
        for (String job : jobs) {
          if (!control.isStopping()) {
            grade(opened, registry, judgments, job, skipped, out);
          }
        }
        if (runId != null) {
          break;
        }
        if (runs.isEmpty() && jobs.isEmpty()) {
          idle(control);
        }
      }
    }
    return control.isAborted() ? RunCommand.INTERRUPTED : 0;
  }

  /**
   * Works one run until it has nothing left to claim; returns how it went, or null when it has no
   * attempt to make, or when this worker cannot work it (then it is skipped until the worker
   * restarts, and said why), unless the worker was started for that run alone, which then fails.
   */
  private RunOutcome work(Store opened, ModelClients registry, WorkQueue queue, SharedLimits.Worker shared, String id,
      RunControl control, Set<String> skipped) {
    try {
      Run run = opened.findRun(id).orElseThrow(() -> new NoSuchRunException(id, opened));
      if (queue.progress(id).drained()) {
        // Nothing to make (a run made already, or imported, whose models may have no client): its judgments may wait.
        return null;
      }
      RunPlan plan = plan(run, registry);
      Runner runner = Runner.builder(opened, registry::create).clock(clock).answerFormat(new EnvelopeAnswerFormat())
          .sandboxes(AgentOptions.backend(plan.settings().agent())).workQueue(queue).concurrency(concurrency)
          .limits(shared).budgets(SharedBudget.source(opened.database())).build();
      RunOutcome outcome = runner.work(plan, control);
      if (outcome.stopReason() != null && !control.isStopping()) {
        // A stopped model or a budget: the run's starter says what to do; asking again would loop.
        skipped.add(id);
      }
      return outcome;
    } catch (ParityException e) {
      if (runId != null) {
        throw e;
      }
      skipped.add(id);
      spec.commandLine().getErr().println("Skipping run " + id + ": " + e.getMessage());
      spec.commandLine().getErr().flush();
      return null;
    }
  }

  /**
   * Makes the judgments of one grading job (a {@code parity grade} on this store) that it can claim,
   * with the job's judge and settings and this machine's API keys; a job it cannot work is skipped
   * (said why), unless the worker was started for its run alone, which then fails.
   */
  private void grade(Store opened, ModelClients registry, JudgmentWork judgments, String jobId, Set<String> skipped,
      PrintWriter out) throws InterruptedException {
    JudgmentWork.Job job = judgments.job(jobId).orElseThrow();
    try {
      Run run = opened.findRun(job.runId()).orElseThrow(() -> new NoSuchRunException(job.runId(), opened));
      Suite suite = GradeCommand.suite(run, suitePath);
      try (ModelCaller judge = ModelCaller.create(registry.create(job.judge()), GRADE_RETRIES);
          PageRenderers.Opened pages = GradeCommand.renderers(judge)) {
        GradingPass pass = new GradingPass(opened, suite, run.id(), judge, job.judgeSpec(), pages.renderer(), clock,
            job.options(concurrency != null ? concurrency : GRADE_CONCURRENCY));
        GradingPass.Summary summary = pass.work(judgments, jobId);
        out.println("Grading run " + run.id() + " (judge " + job.judgeSpec() + "): " + summary.judgmentsMade()
            + " judgments made here" + (summary.stopReason() == null ? "." : "; stopped: " + summary.stopReason()));
        out.flush();
        if (summary.stopReason() != null) {
          skipped.add(jobId);
        }
      }
    } catch (ParityException e) {
      if (runId != null) {
        throw e;
      }
      skipped.add(jobId);
      spec.commandLine().getErr().println("Skipping the grading of run " + job.runId() + ": " + e.getMessage());
      spec.commandLine().getErr().flush();
    }
  }

  /** The run as it was started, with this worker's sandboxes. */
  private RunPlan plan(Run run, ModelClients registry) {
    Path folder = suitePath != null ? suitePath : run.suitePath();
    Suite suite = Suites.loader().load(folder);
    List<ModelConfig> models = new RunModels(List.of(), null, null, null)
        .resolve(Optional.of(run), registry);
    RunSettings settings = RunSettings.of(run);
    AgentSettings agent = settings.agent();
    if (agent != null && sandboxes != null) {
      settings = settings.withAgent(agent.withSandboxes(sandboxes));
    }
    return new RunPlan(run.id(), suite, models, settings);
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }

  private static void idle(RunControl control) throws InterruptedException {
    long until = System.nanoTime() + IDLE.toNanos();
    while (!control.isStopping() && System.nanoTime() < until) {
      Thread.sleep(100);
    }
  }
}

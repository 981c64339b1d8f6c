package dev.parity.cli;

import dev.parity.graders.grading.JudgmentWork;
import dev.parity.harness.run.RunSummary;
import dev.parity.harness.run.Spend;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.store.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parity run show ID}: what a run holds, per model. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
        "Prints a run per model: attempts by status, tokens, cost, latency p50/p90/p99, "
            + "retries and errors by type."
    },
    footer = {
        "",
        "Examples:",
        "  parity run show sample-20250601-120000",
        "  parity run show --run sample-20250601-120000 --db results/parity.db",
        "  parity run show sample-20250601-120000 --json | jq '.models[] | {model, cost_usd}'"
    })
final class RunShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOption store;
  private final Clock clock;

  RunShowCommand(Clock clock) {
    this.clock = clock;
  }

  @Parameters(paramLabel = "ID", arity = "0..1", description = "The run's id ('parity runs' lists them).")
  String runId;

  // Every other command names its run with --run: so may this one.
  @Option(names = "--run", paramLabel = "ID", description = "The same, as the other commands name a run.")
  String runOption;

  @Option(names = "--json", description = "Print the same as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Database database = store.openExisting()) {
      Store opened = new Store(database);
      RunSummary summary = summary(opened, run(), clock.instant());
      if (json) {
        out.println(Json.write(summary));
      } else {
        print(summary, out);
      }
    }
    out.flush();
    return 0;
  }

  /** The run the command line names, positionally or with --run (the same one if both). */
  private String run() {
    if (runId != null && runOption != null && !runId.equals(runOption)) {
      throw new ParameterException(spec.commandLine(), "two runs named: " + runId + " and --run " + runOption
          + "; show one at a time");
    }
    if (runId == null && runOption == null) {
      throw new ParameterException(spec.commandLine(), "missing the run to show: parity run show ID, or --run ID"
          + " ('parity runs' lists them)");
    }
    return runId != null ? runId : runOption;
  }

  /** The run's summary, with its judgments taken over from workers (the graders' queue) counted too. */
  static RunSummary summary(Store store, String runId, Instant now) {
    return RunSummary.of(store, runId, now)
        .withJudgmentsTakenOver(JudgmentWork.possiblyPaid(store.database(), runId));
  }

  static void print(RunSummary run, PrintWriter out) {
    out.printf("Run %s: %s%n", run.run(), run.status());
    if (run.stopReason() != null) {
      out.printf("  stopped      %s%n", run.stopReason().replace("\n", "\n               "));
    }
    out.printf("  suite        %s %s (%s)%n", run.suite(), run.suiteVersion(), run.suiteHash());
    out.printf("  parity       %s (%s)%n", run.parityVersion(), run.parityCommit());
    out.printf("  started      %s%s%n", run.createdAt(),
        run.startedAt().equals(run.createdAt()) ? "" : ", last resumed " + run.startedAt());
    out.printf("  ended        %s%n", run.endedAt() != null ? run.endedAt()
        : run.status().equals(RunStatus.ABANDONED.display()) ? "not ended: its process died (no heartbeat for three"
            + " intervals); 'parity run --run-id " + run.run() + "' resumes it" : "not ended (running)");
    out.printf(Locale.ROOT, "  attempts     %s%n", counts(run.attempts()));
    out.printf("  cost         %s%n", new Spend(run.costUsd(), run.unknownCost()).display(4));
    RunSummary.PossiblyPaid lost = run.possiblyPaid();
    if (lost.calls() > 0) {
      out.printf("  unrecorded   up to %d calls may have been paid, in flight when a worker's lease ran out"
          + " (%d attempts, %d judgments taken over); not in the cost above%n", lost.calls(), lost.attempts(),
          lost.judgments());
    }
    if (run.agent() != null) {
      printAgent(run.agent(), out);
    }
    for (RunSummary.ModelSummary model : run.models()) {
      out.println();
      String spec = model.provider() + ":" + model.modelId();
      out.println(model.model().equals(spec) ? spec : model.model() + " (" + spec + ")");
      out.printf("  attempts     %s%n", counts(model.attempts()));
      out.printf("  tokens       %s%n", tokens(model));
      out.printf("  cost         %s%s%s%n", new Spend(model.costUsd(), model.unknownCost()).display(4),
          model.unknownCost() > 0 ? " (" + model.unknownCost() + " answers of unknown price)" : "",
          model.cacheHits() > 0 ? "; " + model.cacheHits() + " answers from the cache, free" : "");
      RunSummary.Latency latency = model.latencyMs();
      out.printf(Locale.ROOT, "  latency      %s%n", latency == null ? "no answer yet"
          : String.format(Locale.ROOT, "p50 %s, p90 %s, p99 %s, max %s", seconds(latency.p50()),
              seconds(latency.p90()), seconds(latency.p99()), seconds(latency.max())));
      if (model.agent() != null) {
        printAgent(model.agent(), out);
      }
      // The provider's words, as it reported them: Parity's reading of them is in the attempts' statuses.
      out.printf("  finished     %s%n", model.finishReasons().isEmpty() ? "no answer yet" : model.finishReasons()
          .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
      out.printf("  retries      %d%n", model.retries());
      out.printf("  errors       %s%n", model.errors().isEmpty() ? "none" : model.errors().entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }
  }

  /** An agent run's tools, limits, sandbox, toolset and capability failures. */
  private static void printAgent(RunSummary.Agent agent, PrintWriter out) {
    out.printf(Locale.ROOT, "  agent        tools %s; at most %d turns and %ds an attempt%s; sandbox %s%n",
        String.join(", ", agent.tools()), agent.maxTurns(), agent.attemptTimeoutSeconds(),
        agent.maxAttemptUsd() == null ? "" : String.format(Locale.ROOT, ", $%.2f", agent.maxAttemptUsd()),
        agent.sandbox().equals("none") ? "none (--unsafe-no-sandbox: tools were not isolated)" : agent.sandbox());
    out.printf("  toolset      %s%n", agent.toolset() == null ? "not recorded" : agent.toolset());
    out.printf("  no deliverable %s%n", agent.noDeliverable().isEmpty() ? "none" : agent.noDeliverable().entrySet()
        .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
  }

  /** The token counts, with the answers whose provider reported none counted apart, never as 0. */
  private static String tokens(RunSummary.ModelSummary model) {
    int answered = model.attempts().total() - model.attempts().pending() - model.cacheHits();
    if (model.unknownTokens() > 0 && model.unknownTokens() >= answered) {
      return "unknown (the provider reported no token counts)";
    }
    String known = String.format(Locale.ROOT, "%,d in, %,d out (%,d reasoning)", model.inputTokens(),
        model.outputTokens(), model.reasoningTokens());
    return model.unknownTokens() == 0 ? known
        : known + " + " + model.unknownTokens() + " answers with unknown counts";
  }

  /** A model's agent attempts: its tools, how they ended, and what they did in the sandbox. */
  private static void printAgent(RunSummary.ModelAgent agent, PrintWriter out) {
    out.printf("  tools        %s%n", String.join(", ", agent.tools()));
    out.printf("  ended        %s%n", agent.ends().isEmpty() ? "none yet" : agent.ends().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    out.printf(Locale.ROOT, "  work         %,d turns, %,d tool calls; sandbox CPU %.2fs, peak memory %s%n",
        agent.turns(), agent.toolCalls(), agent.sandboxCpuSeconds(), agent.sandboxPeakMemoryKb() == null
            ? "not measured" : String.format(Locale.ROOT, "%.1f MiB", agent.sandboxPeakMemoryKb() / 1024.0));
  }

  private static String counts(RunSummary.Counts counts) {
    String byStatus = counts.byStatus().entrySet().stream()
        .map((Map.Entry<String, Integer> e) -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    return counts.total() + (byStatus.isEmpty() ? "" : ": " + byStatus);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
  }
}

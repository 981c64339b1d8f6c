package dev.parity.reports.report;

import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.run.RunSettings;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a report was computed from and how: enough to trace every number to its data and code
 * and to compute it again.
 *
 * @param suiteName the suite's name; null when no suite was given or named by a run
 * @param suiteVersion the suite's version
 * @param suiteHash the suite's content hash ({@code sha256:…})
 * @param runIds the runs whose attempts the report uses
 * @param runs the runs, as stored
 * @param sources every source of data, in the order given
 * @param exampleData whether any source is example data
 * @param judgments judgments read
 * @param humanGraders distinct human graders
 * @param modelGraders distinct model judges
 * @param rubricScores rubric criterion scores read
 * @param graders whose verdicts against the professionals make the win rates: {@code human}
 *     when there are any, else {@code model}
 * @param generatedAt when the report was computed
 * @param parityVersion the Parity version that computed it
 * @param parityCommit the commit it was built from
 * @param seed the seed of every bootstrap
 * @param bootstrapResamples resamples of the win-rate and rubric bootstraps
 * @param refitResamples resamples of the bootstraps that refit a model (ratings, time horizon)
 * @param tries n in the "try n times" workflow
 */
public record ReportProvenance(
    String suiteName,
    String suiteVersion,
    String suiteHash,
    List<String> runIds,
    List<RunInfo> runs,
    List<Source> sources,
    boolean exampleData,
    int judgments,
    int humanGraders,
    int modelGraders,
    int rubricScores,
    String graders,
    Instant generatedAt,
    String parityVersion,
    String parityCommit,
    long seed,
    int bootstrapResamples,
    int refitResamples,
    int tries) {

  public ReportProvenance {
    runIds = List.copyOf(runIds);
    runs = List.copyOf(runs);
    sources = List.copyOf(sources);
  }

  /**
   * One run, as stored.
   *
   * @param id the run's id
   * @param suiteName the suite it ran
   * @param suiteVersion its version
   * @param suiteHash its content hash
   * @param status where the run stands
   * @param createdAt when it was first started
   * @param endedAt when it last ended; null while running
   * @param models the models it ran
   * @param parityVersion the Parity version and commit that started it
   * @param convertedDeliverables how many of its attempts' deliverables have a requested format
   *     built from a Markdown or CSV file the model delivered instead ({@code parity run
   *     --convert-formats}); 0 when none, or the run did not convert
   * @param agent for an agent run, its limits, its sandbox and each model's capability failures;
   *     null for a plain run
   */
  public record RunInfo(
      String id, String suiteName, String suiteVersion, String suiteHash, String status,
      Instant createdAt, Instant endedAt, List<String> models, String parityVersion, int convertedDeliverables,
      AgentInfo agent) {

    public RunInfo {
      models = List.copyOf(models);
      if (convertedDeliverables < 0) {
        throw new IllegalArgumentException("run " + id + ": converted deliverables < 0: " + convertedDeliverables);
      }
    }

    /** A plain run's. */
    public RunInfo(String id, String suiteName, String suiteVersion, String suiteHash, String status,
        Instant createdAt, Instant endedAt, List<String> models, String parityVersion, int convertedDeliverables) {
      this(id, suiteName, suiteVersion, suiteHash, status, createdAt, endedAt, models, parityVersion,
          convertedDeliverables, null);
    }
  }

  /**
   * An agent run's limits and sandbox, shown beside the verdict, and how often each model's
   * attempts ended without a deliverable (counted as losses against the professionals).
   *
   * @param tools the tools offered (a model given its own in the models file may have had others)
   * @param maxTurns the turns an attempt could take
   * @param attemptTimeoutSeconds the time an attempt could take
   * @param maxAttemptUsd the most an attempt could cost; null for no limit
   * @param sandbox the sandbox's kind: {@code bubblewrap}, or {@code none}
   * @param unsafeNoSandbox whether the tools ran without a sandbox ({@code --unsafe-no-sandbox}):
   *     they saw the machine's files and network, which reports label
   * @param failures per model, its capability failures
   */
  public record AgentInfo(List<String> tools, int maxTurns, long attemptTimeoutSeconds, Double maxAttemptUsd,
      String sandbox, boolean unsafeNoSandbox, List<CapabilityFailures> failures) {
    public AgentInfo {
      tools = List.copyOf(tools);
      failures = List.copyOf(failures);
    }

    /** The agent part of {@code run}'s record; null for a plain run. */
    static AgentInfo of(Run run, List<Attempt> attempts) {
      AgentSettings agent = RunSettings.of(run).agent();
      if (agent == null) {
        return null;
      }
      List<CapabilityFailures> failures = new ArrayList<>();
      for (ModelConfig model : run.models()) {
        List<Attempt> own = attempts.stream().filter(a -> a.key().model().equals(model.name())).toList();
        Map<String, Integer> reasons = new TreeMap<>();
        own.stream().filter(a -> a.status() == AttemptStatus.NO_DELIVERABLE)
            .forEach(a -> reasons.merge(a.failure().type(), 1, Integer::sum));
        failures.add(new CapabilityFailures(model.name(),
            (int) own.stream().filter(a -> a.status().isModelOutcome()).count(), reasons));
      }
      return new AgentInfo(agent.tools(), agent.maxTurns(), agent.attemptTimeout().toSeconds(),
          agent.maxAttemptUsd(), agent.sandbox(), agent.sandbox().equals(SandboxBackend.Kind.NONE.id()), failures);
    }

    /** The limits in words: "at most 50 turns, 1800 s and $2.00 an attempt; sandbox bubblewrap". */
    public String limits() {
      return "at most " + maxTurns + " turns, " + attemptTimeoutSeconds + " s"
          + (maxAttemptUsd == null ? "" : String.format(java.util.Locale.ROOT, " and $%.2f", maxAttemptUsd))
          + " an attempt; tools " + String.join(", ", tools) + "; sandbox "
          + (unsafeNoSandbox ? "none (--unsafe-no-sandbox: the tools were not isolated)" : sandbox);
    }
  }

  /**
   * One model's agent attempts that ended without a deliverable.
   *
   * @param model the model's name in the run
   * @param ended its attempts that ended as the model's outcome (completed or not)
   * @param noDeliverable those without a deliverable, by reason ({@code no_files}, {@code turn_limit},
   *     {@code time_limit}, {@code cost_limit})
   */
  public record CapabilityFailures(String model, int ended, Map<String, Integer> noDeliverable) {
    public CapabilityFailures {
      noDeliverable = java.util.Collections.unmodifiableMap(new TreeMap<>(noDeliverable));
    }

    /** How many ended without a deliverable. */
    public int failed() {
      return noDeliverable.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of ended attempts without a deliverable; 0 when none ended. */
    public double rate() {
      return ended == 0 ? 0 : (double) failed() / ended;
    }
  }
}

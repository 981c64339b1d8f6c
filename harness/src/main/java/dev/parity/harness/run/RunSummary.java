package dev.parity.harness.run;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.Usage;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.harness.work.WorkQueue;
import dev.parity.core.ParityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run holds, per model and overall: attempts by status, tokens, cost, latency percentiles,
 * retries and errors by type. Immutable; its fields are what {@code parity run show --json} prints.
 *
 * @param run the run's id
 * @param suite the suite's name
 * @param suiteVersion the suite's version
 * @param suiteHash the suite's content hash
 * @param status the run's status, as shown ({@code completed}, {@code stopped: budget}, …)
 * @param stopReason why it stopped; null unless stopped
 * @param parityVersion the Parity version that started it
 * @param parityCommit the commit of that version
 * @param createdAt when it was first started
 * @param startedAt when it was last started or resumed
 * @param endedAt when it last ended; null while running
 * @param attempts every model's attempts together
 * @param costUsd what the run cost, cache hits counting nothing, answers of unknown price left out
 * @param unknownCost answered attempts whose cost is unknown (no price)
 * @param models one summary per model, in the run's order
 * @param agent for an agent run, its tools, limits, sandbox and toolset and why attempts ended
 *     without a deliverable; null for a plain run
 * @param possiblyPaid work taken over from workers whose lease ran out (PostgreSQL): calls that may
 *     have been paid without being recorded, not in {@code costUsd}
 */
public record RunSummary(
    String run,
    String suite,
    String suiteVersion,
    String suiteHash,
    String status,
    String stopReason,
    String parityVersion,
    String parityCommit,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    Counts attempts,
    double costUsd,
    int unknownCost,
    List<ModelSummary> models,
    Agent agent,
    PossiblyPaid possiblyPaid) {

  /**
   * Work taken over from workers whose lease ran out: each piece may have cost the calls its dead
   * (or frozen) worker had in flight, paid without their answers being recorded (docs/teams.md#leases).
   *
   * @param attempts attempts taken over: one call in flight each (an agent attempt's turn in flight)
   * @param judgments pairwise judgments of {@code parity grade} taken over: the judge calls in flight
   *     for each (one, as a judgment asks its orders one after the other)
   */
  public record PossiblyPaid(int attempts, int judgments) {
    /** All the calls that may have been paid unrecorded. */
    public int calls() {
      return attempts + judgments;
    }
  }

  /** This summary with the run's judgments taken over, which the graders' queue counts. */
  public RunSummary withJudgmentsTakenOver(int judgments) {
    return new RunSummary(run, suite, suiteVersion, suiteHash, status, stopReason, parityVersion, parityCommit,
        createdAt, startedAt, endedAt, attempts, costUsd, unknownCost, models, agent,
        new PossiblyPaid(possiblyPaid.attempts(), judgments));
  }

  /**
   * An agent run's settings and capability failures.
   *
   * @param tools the tools offered
   * @param maxTurns the turns an attempt may take
   * @param attemptTimeoutSeconds the time an attempt may take
   * @param maxAttemptUsd the most an attempt may cost; null for no limit
   * @param sandbox the sandbox's kind ({@code none} under {@code --unsafe-no-sandbox})
   * @param toolset what the sandbox offered, in one line; null when not recorded
   * @param noDeliverable attempts that ended without a deliverable, by reason ({@code turn_limit} …)
   */
  public record Agent(List<String> tools, int maxTurns, long attemptTimeoutSeconds, Double maxAttemptUsd,
      String sandbox, String toolset, Map<String, Integer> noDeliverable) {
    static Agent of(dev.parity.harness.agent.AgentSettings settings, List<Attempt> attempts) {
      if (settings == null) {
        return null;
      }
      Map<String, Integer> reasons = new java.util.TreeMap<>();
      attempts.stream().filter(a -> a.status() == AttemptStatus.NO_DELIVERABLE)
          .forEach(a -> reasons.merge(a.failure().type(), 1, Integer::sum));
      return new Agent(settings.tools(), settings.maxTurns(), settings.attemptTimeout().toSeconds(),
          settings.maxAttemptUsd(), settings.sandbox(), settings.toolset() == null ? null
          : settings.toolset().toString(), reasons);
    }
  }

  /**
   * Attempts by status. {@code failed} counts infrastructure failures only (retried on a resume);
   * refusals and invalid output are the model's own outcomes.
   */
  public record Counts(int total, int completed, int refused, int invalidOutput, int failed, int pending,
      Map<String, Integer> byStatus) {
    static Counts of(List<Attempt> attempts) {
      Map<String, Integer> byStatus = new LinkedHashMap<>();
      for (AttemptStatus status : AttemptStatus.values()) {
        int count = (int) attempts.stream().filter(a -> a.status() == status).count();
        if (count > 0) {
          byStatus.put(status.id(), count);
        }
      }
      return new Counts(attempts.size(), count(byStatus, AttemptStatus.COMPLETED),
          count(byStatus, AttemptStatus.REFUSED), count(byStatus, AttemptStatus.INVALID_OUTPUT),
          (int) attempts.stream().filter(a -> a.status().isFailure()).count(),
          count(byStatus, AttemptStatus.PENDING), byStatus);
    }

    private static int count(Map<String, Integer> byStatus, AttemptStatus status) {
      return byStatus.getOrDefault(status.id(), 0);
    }
  }

  /**
   * One model's part of the run.
   *
   * @param model the model's name in the run
   * @param provider its provider
   * @param modelId the provider's model id
   * @param attempts its attempts by status
   * @param inputTokens input tokens reported, over its answered attempts
   * @param outputTokens output tokens reported
   * @param reasoningTokens the reasoning part of the output tokens
   * @param costUsd what it cost, cache hits counting nothing, answers of unknown price left out
   * @param unknownCost answered attempts whose cost is unknown (no price)
   * @param unknownTokens answered attempts whose provider reported no input or output token count
   * @param cacheHits attempts served from the answer cache
   * @param latencyMs latency percentiles of its answering calls (cache hits left out); null
   *     without any
   * @param retries calls made beyond the first, over all its attempts
   * @param errors failed calls by failure type, retried ones included
   * @param finishReasons answered attempts by the finish reason their provider reported, in its own
   *     words ({@code stop}, {@code end_turn}, {@code STOP}); {@value #NOT_REPORTED} for answers whose
   *     provider reported none or that were recorded before store version 1.9
   * @param agent in an agent run, what its attempts did; null in a plain run
   */
  public record ModelSummary(String model, String provider, String modelId, Counts attempts,
      long inputTokens, long outputTokens, long reasoningTokens, double costUsd, int unknownCost,
      int unknownTokens, int cacheHits, Latency latencyMs, int retries, Map<String, Integer> errors,
      Map<String, Integer> finishReasons, ModelAgent agent) {
    /** The key of {@link #finishReasons} for answers without a reported reason. */
    public static final String NOT_REPORTED = "not reported";
  }

  /**
   * What one model's agent attempts did. Its tokens and cost (in {@link ModelSummary}) are those of
   * every turn, of unfinished tries too.
   *
   * @param tools the tools it was offered (the run's, or its own from the models file)
   * @param ends its ended attempts by how they ended: {@code completed}, {@code no_files},
   *     {@code turn_limit}, {@code time_limit}, {@code cost_limit}
   * @param turns the turns of its ended attempts
   * @param toolCalls their tool calls
   * @param sandboxCpuSeconds the sandbox's CPU time over those calls
   * @param sandboxPeakMemoryKb the largest peak memory of a process of those calls, in KiB; null
   *     when none was measured
   */
  public record ModelAgent(List<String> tools, Map<String, Integer> ends, int turns, int toolCalls,
      double sandboxCpuSeconds, Long sandboxPeakMemoryKb) {
    static ModelAgent of(List<String> tools, List<Attempt> attempts) {
      Map<String, Integer> ends = new TreeMap<>();
      int turns = 0;
      int toolCalls = 0;
      long cpuMs = 0;
      Long peak = null;
      for (Attempt attempt : attempts) {
        Attempt.Agent agent = attempt.agent();
        if (attempt.agentEnd() != null) {
          ends.merge(attempt.agentEnd(), 1, Integer::sum);
        }
        turns += agent.turns() == null ? 0 : agent.turns();
        toolCalls += agent.toolCalls() == null ? 0 : agent.toolCalls();
        cpuMs += agent.sandboxCpuMs() == null ? 0 : agent.sandboxCpuMs();
        if (agent.sandboxPeakMemoryKb() != null) {
          peak = peak == null ? agent.sandboxPeakMemoryKb() : Math.max(peak, agent.sandboxPeakMemoryKb());
        }
      }
      return new ModelAgent(tools, ends, turns, toolCalls, cpuMs / 1000.0, peak);
    }
  }

  /** Latency percentiles in milliseconds, by the nearest-rank method. */
  public record Latency(long p50, long p90, long p99, long max) {
    static Latency of(long[] millis) {
      if (millis.length == 0) {
        return null;
      }
      long[] sorted = millis.clone();
      Arrays.sort(sorted);
      return new Latency(rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percentile) {
      int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }
  }

  /**
   * The summary of run {@code runId} in {@code store}, with its status as it reads at {@code now}
   * ({@code abandoned} for a run whose process died, see {@link Run#statusAt}).
   *
   * @throws ParityException when the store has no such run
   */
  public static RunSummary of(Store store, String runId, Instant now) {
    Run run = store.findRun(runId).orElseThrow(() -> new NoSuchRunException(runId, store));
    List<Attempt> attempts = store.attempts(runId);
    Map<String, Map<CallFailure, Integer>> errors = store.errorCounts(runId);
    List<ModelSummary> models = new ArrayList<>();
    dev.parity.harness.agent.AgentSettings agent = RunSettings.of(run).agent();
    for (ModelConfig model : run.models()) {
      List<Attempt> own = attempts.stream().filter(a -> a.key().model().equals(model.name())).toList();
      models.add(model(model, own, errors.getOrDefault(model.name(), Map.of()), agent == null ? null
          : ModelAgent.of(agent.forModelTools(model.tools()).tools(), own)));
    }
    return new RunSummary(run.id(), run.suiteName(), run.suiteVersion(), run.suiteHash(),
        run.statusAt(now).display(), run.stopReason(), run.parity().version(), run.parity().commit(),
        run.createdAt(), run.startedAt(), run.endedAt(), Counts.of(attempts),
        attempts.stream().mapToDouble(Attempt::paidUsd).sum(),
        (int) attempts.stream().filter(Attempt::costUnknown).count(), models, Agent.of(agent, attempts),
        new PossiblyPaid(WorkQueue.takenOver(store.database(), runId), 0));
  }

  private static ModelSummary model(ModelConfig model, List<Attempt> attempts, Map<CallFailure, Integer> errors,
      ModelAgent agent) {
    long input = 0;
    long output = 0;
    long reasoning = 0;
    int unknownCost = 0;
    int unknownTokens = 0;
    int cacheHits = 0;
    int retries = 0;
    List<Long> latencies = new ArrayList<>();
    Map<String, Integer> finishReasons = new TreeMap<>();
    for (Attempt attempt : attempts) {
      // An agent attempt's tokens are those of every turn of every try; a plain one's, its answer's.
      Usage usage = attempt.agent().isPresent() ? attempt.agent().spentUsage() : attempt.answer().usage();
      input += orZero(usage.inputTokens());
      output += orZero(usage.outputTokens());
      reasoning += orZero(usage.reasoningTokens());
      retries += attempt.retries();
      if (attempt.answer().sha256() != null && attempt.answer().finishReason() != null) {
        String reported = attempt.answer().providerFinishReason();
        finishReasons.merge(reported == null ? ModelSummary.NOT_REPORTED : reported, 1, Integer::sum);
      }
      if (attempt.calls().cacheHit()) {
        cacheHits++;
      } else if (attempt.answer().sha256() != null) {
        unknownCost += attempt.costUnknown() ? 1 : 0;
        unknownTokens += usage.inputTokens() == null || usage.outputTokens() == null ? 1 : 0;
        if (attempt.answer().latency() != null) {
          latencies.add(attempt.answer().latency().toMillis());
        }
      }
    }
    Map<String, Integer> errorCounts = new TreeMap<>();
    errors.forEach((failure, count) -> errorCounts.put(failure.name().toLowerCase(java.util.Locale.ROOT), count));
    return new ModelSummary(model.name(), model.provider(), model.model(), Counts.of(attempts), input,
        output, reasoning, attempts.stream().mapToDouble(Attempt::paidUsd).sum(), unknownCost, unknownTokens, cacheHits,
        Latency.of(latencies.stream().mapToLong(Long::longValue).toArray()), retries, errorCounts, finishReasons,
        agent);
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}

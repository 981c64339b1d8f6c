package dev.parity.harness.run;

import dev.parity.harness.agent.AgentLoop;
import dev.parity.harness.agent.AgentRecorder;
import dev.parity.harness.agent.ToolExecution;
import dev.parity.harness.agent.AgentRun;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.call.Budget;
import dev.parity.harness.call.CallOutcome;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.features.FeatureCache;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.Usage;
import dev.parity.harness.sandbox.ResourceUse;
import dev.parity.harness.sandbox.Sandbox;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.sandbox.SandboxLimits;
import dev.parity.harness.sandbox.UnableToSandboxException;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.CallError;
import dev.parity.harness.store.FileFeatures;
import dev.parity.harness.store.NewContent;
import dev.parity.harness.store.Store;
import dev.parity.store.BlobStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes one attempt: the answer cache first, then one call through the model's {@link ModelCaller}
 * (retries, backoff and limits are the call path's), then the deliverable, the blobs, the files'
 * features and the attempt's record in one transaction (shared with the attempts that end at the
 * same time, and with its work unit's completion when it was claimed from a queue); for an agent run, the tool loop in a sandbox instead of the one
 * call. A failure of the attempt is recorded as data, never thrown.
 */
final class AttemptExecution {
  private final Runner.Context context;
  private final ModelQueue lane;
  private final Work work;
  private final Budget.Reservation reservation;
  /** Told when the attempt's calls are over, before its deliverable and record; see {@link Dispatch}. */
  private final Runnable callsOver;
  private final AttemptKey key;
  private final List<CallError> errors = new ArrayList<>();
  private final Transcript transcript = new Transcript();
  /** The blobs this attempt names, written with its record; see {@link #blob}. */
  private final List<BlobStore.Staged> blobs = new ArrayList<>();
  /** The features of its deliverable's files, recorded with it. */
  private final List<FileFeatures> features = new ArrayList<>();
  /** Its deliverable's files' bytes by their blobs' names, staged in {@link #blobs} already. */
  private final Map<String, byte[]> deliverableBytes = new LinkedHashMap<>();
  private Instant startedAt;
  private int calls;
  /** For an agent attempt whose loop ended, what it did and spent; null otherwise. */
  private Attempt.Agent agentPart;

  AttemptExecution(Runner.Context context, ModelQueue lane, Work work, Budget.Reservation reservation,
      Runnable callsOver) {
    this.context = context;
    this.lane = lane;
    this.work = work;
    this.reservation = reservation;
    this.callsOver = callsOver;
    this.key = work.previous().key();
    this.calls = work.previous().calls().httpAttempts();
  }

  /**
   * Makes the attempt and records it.
   *
   * @return the recorded attempt, or empty when it was left pending (its model stopped)
   * @throws InterruptedException when the run was aborted; nothing is recorded
   */
  Optional<Attempt> run() throws InterruptedException {
    startedAt = context.clock().instant();
    ModelRequest request = context.requests().request(work.task(), key.sample());
    transcript.request(request, context.format().version());
    AgentSettings agent = lane.agent;
    String cacheKey = lane.cacheKey.of(request);
    if (context.settings().useCache() && context.cachedKeys().contains(cacheKey)) {
      Optional<Attempt> cached = context.store().findCachedAnswer(cacheKey);
      if (cached.isPresent()) {
        return Optional.of(record(fromCache(cached.get()), context.store().files(cached.get().key())));
      }
    }
    if (agent != null) {
      return agent(request, cacheKey, agent);
    }
    CallOutcome outcome = lane.caller.call(request, work.estimatedTokens(), reservation,
        (failure, wait) -> context.listener().retrying(key, failure, wait));
    callsOver.run();
    countCalls(outcome.log().httpAttempts(), outcome.log().failedTries());
    if (outcome instanceof CallOutcome.Answered answered) {
      return Optional.of(answered(answered.answer(), cacheKey));
    }
    if (outcome instanceof CallOutcome.Failed failed) {
      return Optional.of(failed(failed, cacheKey));
    }
    // Stopped or over budget: left pending, to be made on a resume once the model's trouble is
    // fixed or the budget raised.
    return Optional.empty();
  }

  /** Adds a call's HTTP attempts to the attempt's, and its failed tries to its errors. */
  private void countCalls(int httpAttempts, List<CallOutcome.FailedTry> failedTries) {
    int callsBefore = calls;
    calls += httpAttempts;
    for (CallOutcome.FailedTry failed : failedTries) {
      CallError error = new CallError(callsBefore + failed.tryNumber(), failed.failure(), failed.message(),
          failed.retryWait(), failed.at());
      transcript.call(error);
      errors.add(error);
    }
  }

  /**
   * An agent attempt: a sandbox with the references in inputs/ (while one of {@code --sandboxes}
   * slots is free), the tool loop, then the files of outputs/ as the deliverable. A sandbox that
   * cannot be made is the infrastructure's failure, not the model's.
   */
  private Optional<Attempt> agent(ModelRequest request, String cacheKey, AgentSettings agent)
      throws InterruptedException {
    transcript.agent(agent);
    List<SandboxBackend.InputFile> inputs = request.attachments().stream()
        .map(a -> new SandboxBackend.InputFile(a.name(), a.bytes())).toList();
    // The references are in inputs/ for the model to read with its tools, not in the request.
    ModelRequest first = new ModelRequest(request.taskId(), request.sample(), request.system(), request.text(),
        List.of(), request.formats(), request.timeout());
    AgentRun run;
    Spending spending = new Spending(work.previous().agent());
    context.sandboxSlots().acquire();
    try (Sandbox sandbox = context.sandboxes().prepare(inputs,
        SandboxLimits.DEFAULTS.withWallPerCall(agent.callTimeout()))) {
      run = new AgentLoop(lane.caller, agent, context.clock(), context.renderer()).run(first, sandbox, reservation, work.estimatedTokens(),
          (failure, wait) -> context.listener().retrying(key, failure, wait), spending);
    } catch (UnableToSandboxException e) {
      return Optional.of(failed(AttemptStatus.CLIENT_ERROR, "sandbox", e.getMessage(), cacheKey));
    } finally {
      context.sandboxSlots().release();
      callsOver.run();
    }
    countCalls(run.httpAttempts(), run.failedTries());
    transcript.agentEnd(run);
    ResourceUse used = run.sandbox();
    agentPart = new Attempt.Agent(run.turns(), run.toolCalls(), used == null ? null : used.cpuMillis(),
        used == null ? null : used.peakMemoryKb(), spending.usage, spending.usd);
    return switch (run.end()) {
      case STOPPED, OVER_BUDGET -> Optional.empty();
      case CALL_FAILED -> Optional.of(failed((CallOutcome.Failed) run.failedCall(), cacheKey));
      case TURN_LIMIT, TIME_LIMIT, COST_LIMIT -> Optional.of(agentAnswered(run, List.of(),
          Attempt.Failure.of(run.end().noDeliverableReason(), "the attempt ended at its "
              + run.end().noDeliverableReason().replace('_', ' ') + " without submitting"), cacheKey));
      case SUBMITTED, ANSWERED -> Optional.of(agentAnswered(run, run.files(), run.files().isEmpty()
          ? Attempt.Failure.of("no_files", run.end() == AgentRun.End.SUBMITTED
              ? "the model submitted with no file in outputs/" : "the model answered with text and no file in outputs/")
          : Attempt.Failure.NONE, cacheKey));
    };
  }

  /** Records an agent attempt that answered: completed with its files, or no deliverable for {@code failure}. */
  private Attempt agentAnswered(AgentRun run, List<Sandbox.WorkspaceFile> outputs, Attempt.Failure failure,
      String cacheKey) throws InterruptedException {
    // Files in sub-folders of outputs/ keep their folder in their name: charts/q3.png is charts-q3.png.
    List<ModelAnswer.AnswerFile> delivered = outputs.stream()
        .map(file -> new ModelAnswer.AnswerFile(file.path().replace('/', '-'), file.content())).toList();
    CallRecord last = run.lastRecord();
    AttemptStatus status = failure.isNone() ? AttemptStatus.COMPLETED : AttemptStatus.NO_DELIVERABLE;
    AnswerFormat.Deliverable deliverable = delivered.isEmpty()
        ? new AnswerFormat.Deliverable(List.of(), "agent", List.of())
        : context.format().deliverable(work.task(), new ModelAnswer(run.text(), delivered,
            last != null ? last : emptyRecord()), context.settings().formatConversion());
    List<AttemptFile> files = keep(deliverable);
    String answerSha = blob(run.text().getBytes(StandardCharsets.UTF_8));
    Attempt.Timing timing = timing();
    Attempt attempt = Attempt.answered(key, status, Attempt.Calls.made(cacheKey, calls, transcriptBlob()),
        new Attempt.Answer(answerSha, last == null ? null : last.providerModel(), last == null ? null
            : last.requestId(), last == null ? null : last.finishReason(), last == null ? null
            : last.rawFinishReason(), run.usage(), run.costUsd(),
            Duration.between(timing.startedAt(), timing.endedAt()), null),
        failure, timing, new Attempt.Delivery(deliverable.extraction(), deliverable.findings()));
    Attempt recorded = record(attempt, files);
    context.cachedKeys().add(cacheKey);
    return recorded;
  }

  private static CallRecord emptyRecord() {
    return new CallRecord(null, null, FinishReason.OTHER, null, Usage.UNKNOWN, null, Duration.ZERO, null, 0, null,
        null);
  }

  private Attempt failed(CallOutcome.Failed failed, String cacheKey) throws InterruptedException {
    if (failed.stoppedTheModel()) {
      context.listener().modelStopped(lane.name(), lane.stopMessage());
    }
    return switch (failed.why()) {
      case RETRIES_USED_UP -> failed(failureStatus(failed.failure()), failed.failure().name(), failed.message(),
          cacheKey);
      case FATAL -> failed(AttemptStatus.CLIENT_ERROR, failed.failure().name(), failed.message(), cacheKey);
      case CLIENT_BUG -> failed(AttemptStatus.CLIENT_ERROR, "internal", failed.message(), cacheKey);
    };
  }

  private Attempt answered(ModelAnswer answer, String cacheKey) throws InterruptedException {
    CallRecord call = answer.record();
    transcript.answer(call);
    AnswerFormat.Deliverable deliverable;
    List<AttemptFile> files;
    // Building a deliverable's files, checking them and reading their features is work for the
    // processors that holds whole documents in memory: as many at once as there are processors,
    // however many calls are in flight (with 64, a run of Word, PowerPoint and PDF deliverables
    // took 2-3 GB; benchmarks/README.md, sixteenth session).
    context.documentWork().acquire();
    try {
      deliverable = context.format().deliverable(work.task(), answer, context.settings().formatConversion());
      files = keep(deliverable);
    } finally {
      context.documentWork().release();
    }
    AttemptStatus status = AttemptStatus.COMPLETED;
    Attempt.Failure failure = Attempt.Failure.NONE;
    if (call.finishReason() == FinishReason.REFUSED) {
      status = AttemptStatus.REFUSED;
    } else if (answer.text().isBlank() && answer.files().isEmpty()) {
      status = AttemptStatus.INVALID_OUTPUT;
      failure = Attempt.Failure.of("empty_answer", "the model answered with no text and no file");
    } else if (call.finishReason() == FinishReason.LENGTH) {
      status = AttemptStatus.INVALID_OUTPUT;
      failure = Attempt.Failure.of("length", "the answer was cut at the output token limit");
    }
    String answerSha = blob(answer.text().getBytes(StandardCharsets.UTF_8));
    Attempt attempt = Attempt.answered(key, status, Attempt.Calls.made(cacheKey, calls, transcriptBlob()),
        new Attempt.Answer(answerSha, call.providerModel(), call.requestId(), call.finishReason(),
            call.rawFinishReason(), call.usage(), call.costUsd(), call.latency(), call.timeToFirstByte()),
        failure, timing(), new Attempt.Delivery(deliverable.extraction(), deliverable.findings()));
    Attempt recorded = record(attempt, files);
    context.cachedKeys().add(cacheKey);
    return recorded;
  }

  /**
   * A deliverable's files as an attempt records them, with their blobs staged and their features,
   * to be written in the attempt's record transaction.
   */
  record Kept(List<AttemptFile> files, NewContent content) {}

  /** Stages the deliverable's files as blobs of {@code store} and reads their features; see {@link Kept}. */
  static Kept keepFiles(Store store, AnswerFormat.Deliverable deliverable) {
    Map<AttemptFile, byte[]> files = new LinkedHashMap<>();
    List<BlobStore.Staged> staged = new ArrayList<>();
    for (ModelAnswer.AnswerFile file : deliverable.files()) {
      byte[] bytes = file.content();
      BlobStore.Staged blob = store.blobs().stage(bytes);
      staged.add(blob);
      files.put(new AttemptFile(file.name(), blob.sha256(), bytes.length), bytes);
    }
    // Read now, while the bytes are at hand, so that a report never reads the deliverable again.
    return new Kept(new ArrayList<>(files.keySet()), new NewContent(staged, FeatureCache.read(files)));
  }

  /** Stages the deliverable's files and their features with this attempt's record; returns the files. */
  private List<AttemptFile> keep(AnswerFormat.Deliverable deliverable) {
    Kept kept = keepFiles(context.store(), deliverable);
    blobs.addAll(kept.content().blobs());
    features.addAll(kept.content().features());
    for (int i = 0; i < deliverable.files().size(); i++) {
      deliverableBytes.put(kept.files().get(i).sha256(), deliverable.files().get(i).content());
    }
    return kept.files();
  }

  /**
   * Stages {@code bytes} as a blob written with this attempt's record; returns its name. An answer
   * without an envelope is its deliverable.md byte for byte: that blob is named and staged already.
   */
  private String blob(byte[] bytes) {
    for (Map.Entry<String, byte[]> file : deliverableBytes.entrySet()) {
      if (Arrays.equals(file.getValue(), bytes)) {
        return file.getKey();
      }
    }
    BlobStore.Staged staged = context.store().blobs().stage(bytes);
    blobs.add(staged);
    return staged.sha256();
  }

  private Attempt fromCache(Attempt cached) {
    transcript.cachedFrom(cached.key());
    return cached.servedFromCache(key, calls, transcriptBlob(), timing());
  }

  private Attempt failed(AttemptStatus status, String type, String message, String cacheKey)
      throws InterruptedException {
    return record(Attempt.failed(key, status, Attempt.Calls.made(cacheKey, calls, transcriptBlob()),
        Attempt.Failure.of(type, message), timing()), List.of());
  }

  /** From this attempt's start until now. */
  private Attempt.Timing timing() {
    return new Attempt.Timing(startedAt, context.clock().instant());
  }

  private Attempt record(Attempt attempt, List<AttemptFile> files) throws InterruptedException {
    if (context.control().isAborted()) {
      // An abandoned attempt stays pending: what its call did after the abort is not its result.
      throw new InterruptedException("run aborted");
    }
    Attempt recorded = agentPart == null ? attempt : attempt.withAgent(agentPart);
    NewContent content = new NewContent(blobs, features);
    if (work.lease() == null) {
      context.store().record(recorded, files, errors, null, content);
    } else if (!context.store().record(recorded, files, errors, context.queue().completion(work.lease()), content)) {
      throw new LeaseLostException(key);
    }
    return recorded;
  }

  /**
   * Hears the agent loop: each turn's tokens and cost go to the store as the turn answers (so that a
   * kill leaves them counted) and to the attempt's totals over its tries, kept as the store keeps
   * them; each turn and tool call goes to the transcript.
   */
  private final class Spending implements AgentRecorder {
    Usage usage;
    Double usd;

    Spending(Attempt.Agent before) {
      usage = before.spentUsage();
      usd = before.spentUsd();
    }

    @Override
    public void turn(int turn, ModelAnswer answer, CallRecord record) {
      context.store().addSpent(key, record.usage(), record.costUsd());
      usage = usage.plus(record.usage());
      if (record.costUsd() != null) {
        usd = (usd == null ? 0 : usd) + record.costUsd();
      }
      transcript.turn(turn, answer, record);
    }

    @Override
    public void toolCall(int turn, ToolExecution execution) {
      transcript.toolCall(turn, execution);
    }
  }

  private String transcriptBlob() {
    return blob(transcript.toJson());
  }

  private static AttemptStatus failureStatus(CallFailure failure) {
    return switch (failure) {
      case TIMEOUT -> AttemptStatus.TIMED_OUT;
      case RATE_LIMITED -> AttemptStatus.RATE_LIMITED_OUT;
      default -> AttemptStatus.SERVER_ERROR;
    };
  }
}

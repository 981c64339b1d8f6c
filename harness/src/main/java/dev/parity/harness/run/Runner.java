package dev.parity.harness.run;

import dev.parity.documents.PageRenderer;
import dev.parity.documents.PageRenderers;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.agent.AgentTool;
import dev.parity.harness.sandbox.LocalSandboxBackend;
import dev.parity.harness.sandbox.Sandbox;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.sandbox.SandboxLimits;
import dev.parity.harness.sandbox.Toolset;
import java.util.concurrent.Semaphore;
import dev.parity.harness.ParityVersion;
import dev.parity.harness.call.Budget;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.call.ModelLimits;
import dev.parity.harness.call.Sleeper;
import dev.parity.harness.client.HostedTool;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.features.FeatureCache;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptCost;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.harness.work.WorkQueue;
import dev.parity.core.ParityException;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a suite against models: every attempt of the plan that is not done yet, concurrently within
 * each model's limits, recording each attempt in the store the moment it ends.
 *
 * <p>A run is resumable at any point: a process killed mid-run loses at most its attempts in
 * flight, and running the same plan again makes only what is not done (answered attempts never
 * again; failed ones again when {@link RunSettings#retryFailed()}). A resume whose plan differs in
 * what defines the run's attempts is refused with {@link RunMismatchException}.
 *
 * <p>Build one with {@link #builder}; time, sleeping, randomness and threads are injected. One
 * runner may run several plans, one after the other.
 */
public final class Runner {
  private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);
  private final Store store;
  private final Function<ModelConfig, ModelClient> clients;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Random random;
  private final Executor executor;
  private final AnswerFormat format;
  private final RunListener listener;
  private final SandboxBackend sandboxes;
  private final PageRenderer pageRenderer;
  private final Duration heartbeatInterval;
  private final WorkQueue queue;
  private final boolean workHere;
  private final ModelLimits.Source limits;
  private final Budget.Source budgets;
  private final Integer concurrency;
  private final int documentWork;

  private Runner(Builder builder) {
    this.store = builder.store;
    this.clients = builder.clients;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.random = builder.random;
    this.executor = builder.executor;
    this.format = builder.format;
    this.listener = builder.listener;
    this.sandboxes = builder.sandboxes;
    this.pageRenderer = builder.pageRenderer;
    this.heartbeatInterval = builder.heartbeatInterval;
    this.queue = builder.queue;
    this.workHere = builder.workHere;
    this.limits = builder.limits;
    this.budgets = builder.budgets;
    this.concurrency = builder.concurrency;
    this.documentWork = builder.documentWork;
  }

  /**
   * A builder for a runner that records in {@code store} and calls models through the clients
   * {@code clients} makes from their configurations (one client per model and run, closed at the
   * run's end).
   */
  public static Builder builder(Store store, Function<ModelConfig, ModelClient> clients) {
    return new Builder(store, clients);
  }

  /**
   * Runs {@code plan} until every attempt has ended or the run stops (budget, stopped models,
   * {@code control}); returns how it ended. Blocks the calling thread.
   *
   * @throws RunMismatchException when the plan would resume a run with different settings
   * @throws ParityException when the plan cannot run at all (unknown tasks, a model without a
   *     price under a budget, a client that cannot be made); nothing is called then
   */
  public RunOutcome run(RunPlan requested, RunControl control) {
    List<Task> tasks = requested.settings().selection().select(requested.suite());
    checkToolsOnlyInAgentRuns(requested);
    checkPrices(requested);
    checkHostedTools(requested);
    checkSandbox(requested.settings().agent());
    RunPlan plan = withToolset(requested);
    Optional<Run> existing = store.findRun(plan.runId());
    existing.ifPresent(run -> {
      List<String> differences = RunDefinition.differences(run, plan);
      if (!differences.isEmpty()) {
        throw new RunMismatchException(run.id(), differences);
      }
    });
    Map<String, ModelQueue> lanes = new LinkedHashMap<>();
    try {
      addLanes(plan, lanes);
      Run.Heartbeat started = new Run.Heartbeat(clock.instant(), heartbeatInterval);
      List<Attempt> created = null;
      if (existing.isPresent()) {
        store.restartRun(plan.runId(), started, plan.models());
      } else {
        created = store.createRunWithAttempts(newRun(plan.runId(), plan.suite(), plan.settings(), plan.models(),
            started.at(), started), attemptKeys(plan, tasks));
      }
      if (queue != null) {
        queue.enqueue(plan.runId(), plan.models().stream().map(ModelConfig::name).toList(),
            plan.settings().retryFailed());
      }
      // The professionals' deliverables are read once, like the models', for the report's length control:
      // beside the attempts, not before the first of them (a large suite's take seconds), since only a
      // report needs them and it reads any that are missing.
      FutureTask<Void> baselines = new FutureTask<>(() -> {
        new FeatureCache(store).recordBaselines(tasks);
        return null;
      });
      try (Heartbeat heartbeat = Heartbeat.start(store, plan.runId(), clock, heartbeatInterval)) {
        RunOutcome outcome = execute(plan, tasks, lanes, existing.isPresent(), created, control, true, baselines);
        awaitBaselines(baselines);
        return outcome;
      }
    } finally {
      lanes.values().forEach(lane -> lane.caller.close());
    }
  }

  /**
   * Works on a run another process started, as a worker ({@code parity worker}): claims the run's
   * attempts from the {@linkplain Builder#workQueue work queue} and makes them exactly as {@link
   * #run} does, until none is left to claim (all made, here or by other workers) or the run stops
   * here (budget, stopped models, {@code control}). The run's status is its starter's to write.
   *
   * @param plan the run as stored: its suite, models and settings (a worker may change how many
   *     calls and sandboxes it runs at once, nothing that defines the attempts)
   * @return how this session ended; {@link RunOutcome#madeNow()} counts the attempts made here
   * @throws NoSuchRunException when the store has no such run
   * @throws RunMismatchException when the plan differs from the run in what defines its attempts
   * @throws ParityException when this worker's sandbox offers another toolset than the one the
   *     agent run recorded, or the run cannot be worked here (as {@link #run})
   */
  public RunOutcome work(RunPlan plan, RunControl control) {
    if (queue == null) {
      throw new IllegalStateException("a worker needs a work queue: Builder.workQueue");
    }
    Run run = store.findRun(plan.runId()).orElseThrow(() -> new NoSuchRunException(plan.runId(), store));
    List<String> differences = RunDefinition.differences(run, plan);
    if (!differences.isEmpty()) {
      throw new RunMismatchException(run.id(), differences);
    }
    List<Task> tasks = plan.settings().selection().select(plan.suite());
    checkHostedTools(plan);
    checkSandbox(plan.settings().agent());
    RunPlan here = withToolset(plan);
    checkSameToolset(plan, here);
    Map<String, ModelQueue> lanes = new LinkedHashMap<>();
    try {
      addLanes(plan, lanes);
      try (Heartbeat heartbeat = Heartbeat.start(store, plan.runId(), clock, heartbeatInterval)) {
        return execute(plan, tasks, lanes, true, null, control, false, null);
      }
    } finally {
      lanes.values().forEach(lane -> lane.caller.close());
    }
  }

  /** Waits for the baselines' features to be recorded; their failure is the run's, as when they came first. */
  private static void awaitBaselines(FutureTask<Void> baselines) {
    try {
      baselines.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new ParityException("cannot record the features of the baselines: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParityException("interrupted while recording the features of the baselines", e);
    }
  }

  /** Refuses agent work whose recorded toolset differs from the one this machine's sandbox offers. */
  private static void checkSameToolset(RunPlan recorded, RunPlan here) {
    AgentSettings agent = recorded.settings().agent();
    if (agent == null || Objects.equals(agent.toolset(), here.settings().agent().toolset())) {
      return;
    }
    throw new ParityException("this worker refuses run " + recorded.runId() + " (models "
        + recorded.models().stream().map(ModelConfig::name).collect(Collectors.joining(", "))
        + "): its agent attempts were made with the toolset [" + agent.toolset() + "], and this machine's sandbox"
        + " offers [" + here.settings().agent().toolset() + "]. Results depend on the tools: run this worker on a"
        + " machine with the same packages, or start a new run.");
  }

  /** A lane per model of the plan: its client and call path, and its agent settings. */
  private void addLanes(RunPlan plan, Map<String, ModelQueue> lanes) {
    for (ModelConfig model : plan.models()) {
      ModelClient client = clients.apply(model);
      if (plan.settings().agent() != null && !client.takesTools()) {
        client.close();
        throw new ParityException("model " + model.name() + " cannot take part in an agent run: Parity does not"
            + " send tools to its API (" + model.provider() + (model.api() == null ? "" : ", api " + model.api())
            + ") yet. Agent runs work with Chat Completions: openai-compatible models, or openai with api: chat.");
      }
      ModelCaller caller = ModelCaller.create(client, model, plan.settings().maxRetries(), clock,
          sleeper, random, limits, concurrency);
      AgentSettings agent = plan.settings().agent();
      lanes.put(model.name(), new ModelQueue(caller, agent == null ? null : agent.forModelTools(model.tools()),
          plan.settings().formatConversion()));
    }
  }

  /** What {@link #run} would do, without calling anything or writing to the store. */
  public DryRun dryRun(RunPlan plan) {
    Optional<Run> existing = store.findRun(plan.runId());
    List<String> differences = existing.map(run -> RunDefinition.differences(run, plan)).orElse(List.of());
    if (!differences.isEmpty()) {
      throw new RunMismatchException(plan.runId(), differences);
    }
    List<Attempt> done = existing.map(run -> store.attempts(run.id())).orElse(List.of()).stream()
        .filter(a -> !needsMaking(a, plan.settings())).toList();
    return DryRun.estimate(plan, done, format);
  }

  /**
   * Makes the plan's attempts: those the store holds as to be made (in memory), or those claimed
   * from the work queue; {@code starter} is the process that started the run and writes its end.
   *
   * @param created the attempts of a run just created, as the store holds them; null to read them
   * @param alongside work started on a daemon thread of its own when the attempts are, so that it
   *     takes no CPU from what comes before the first call (reading the attempts, building their
   *     requests); null for none
   */
  private RunOutcome execute(RunPlan plan, List<Task> tasks, Map<String, ModelQueue> lanes,
      boolean resumed, List<Attempt> created, RunControl control, boolean starter, Runnable alongside) {
    AnswerFormat format = plan.settings().agent() == null ? this.format : new AgentAnswerFormat();
    TaskRequests requests = new TaskRequests(format, plan.settings().timeout());
    Map<String, Task> byId = new LinkedHashMap<>();
    tasks.forEach(t -> byId.put(t.id(), t));
    List<Attempt> attempts = created != null ? created : store.attempts(plan.runId());
    List<RunListener.ModelProgress> progress = new ArrayList<>();
    Spend paid = Spend.NONE;
    Map<AttemptKey, Work> unleased = new HashMap<>();
    for (ModelQueue lane : lanes.values()) {
      int total = 0;
      int toMake = 0;
      Spend modelPaid = Spend.NONE;
      for (Attempt attempt : attempts) {
        if (attempt.key().model().equals(lane.name())) {
          total++;
          modelPaid = modelPaid.plus(Spend.of(attempt));
          Work work = work(lane.caller.config(), attempt, byId.get(attempt.key().taskId()), requests);
          if (queue != null) {
            // Any attempt may come from the queue: one another worker failed is queued again on a resume.
            unleased.put(attempt.key(), work);
          }
          if (needsMaking(attempt, plan.settings())) {
            toMake++;
            if (queue == null) {
              lane.queue.add(work);
            }
          }
        }
      }
      paid = paid.plus(modelPaid);
      progress.add(new RunListener.ModelProgress(lane.name(), total, total - toMake, modelPaid));
    }
    listener.started(plan.runId(), resumed, progress);
    Set<String> cachedKeys = ConcurrentHashMap.newKeySet();
    if (plan.settings().useCache()) {
      cachedKeys.addAll(store.cachedAnswerKeys());
    }
    AgentSettings agent = plan.settings().agent();
    boolean renders = lanes.values().stream().anyMatch(lane -> lane.agent != null
        && lane.agent.offered().contains(AgentTool.RENDER));
    // LibreOffice is started only for a run whose models may call render, and stopped at its end.
    PageRenderers.Opened opened = renders && pageRenderer == null ? PageRenderers.open() : null;
    Dispatch.End end;
    int madeNow;
    QueueSource source = queue == null ? null : new QueueSource(queue, plan.runId(), unleased);
    try {
      Context context = new Context(store, clock, requests, format, plan.settings(), listener, control, cachedKeys,
          sandboxes, new Semaphore(agent == null ? 1 : agent.sandboxes()),
          !renders ? null : opened != null ? opened.renderer() : pageRenderer, queue,
          new Semaphore(documentWork));
      Dispatch dispatch = new Dispatch(context, lanes.values(), executor, control,
          budgets.open("run " + plan.runId(), plan.settings().budgetUsd(), paid.knownUsd()), source,
          workHere || !starter);
      if (alongside != null) {
        Thread thread = new Thread(alongside, "parity-baselines");
        thread.setDaemon(true);
        thread.start();
      }
      end = dispatch.run();
      madeNow = dispatch.madeNow();
    } finally {
      if (source != null) {
        source.close();
      }
      if (opened != null) {
        opened.close();
      }
    }
    if (starter) {
      store.endRun(plan.runId(), end.status(), end.reason(), clock.instant());
    }
    Map<AttemptStatus, Integer> counts = new EnumMap<>(AttemptStatus.class);
    Spend spent = Spend.NONE;
    for (AttemptCost cost : store.attemptCosts(plan.runId())) {
      counts.merge(cost.status(), 1, Integer::sum);
      spent = spent.plus(Spend.of(cost));
    }
    RunOutcome outcome = new RunOutcome(plan.runId(), end.status(), end.reason(), counts,
        madeNow, spent);
    listener.ended(outcome);
    return outcome;
  }

  private static boolean needsMaking(Attempt attempt, RunSettings settings) {
    return attempt.status() == AttemptStatus.PENDING || settings.retryFailed() && attempt.status().isFailure();
  }

  private static Work work(ModelConfig model, Attempt attempt, Task task, TaskRequests requests) {
    long input = requests.estimatedInputTokens(task, model);
    Integer maxOutput = model.parameters().maxOutputTokens();
    long output = maxOutput == null ? TaskRequests.DEFAULT_MAX_OUTPUT_TOKENS : maxOutput;
    double worstCase = model.price() == null ? 0
        : (input * model.price().inputPerMillion() + output * model.price().outputPerMillion()) / 1e6;
    return new Work(attempt, task, input + (maxOutput == null ? 0 : maxOutput), worstCase, null, false);
  }

  /** A model's own tools ({@code tools:} in a models file) need an agent run to be offered in. */
  private static void checkToolsOnlyInAgentRuns(RunPlan plan) {
    List<String> withTools = plan.models().stream().filter(m -> m.tools() != null).map(ModelConfig::name).toList();
    if (plan.settings().agent() == null && !withTools.isEmpty()) {
      throw new ParityException("models " + String.join(", ", withTools) + " have tools of their own, but the run"
          + " has no agent settings: make it an agent run (RunSettings.withAgent, or --tools on the command line)");
    }
  }

  /** A model with a provider-hosted tool works in its provider's container, so an agent run cannot have it. */
  private static void checkHostedTools(RunPlan plan) {
    if (plan.settings().agent() == null) {
      return;
    }
    for (ModelConfig model : plan.models()) {
      if (!model.hostedTools().isEmpty()) {
        throw new ParityException("model " + model.name() + " works with its provider's own tool ("
            + model.hostedTools().stream().map(HostedTool::id).collect(Collectors.joining(", ")) + "), not with"
            + " Parity's shared tools: run it without --tools, or drop the +tool to give it the shared tools");
      }
    }
  }

  /** An agent run needs a sandbox of the kind its settings name that works here. */
  private void checkSandbox(AgentSettings agent) {
    if (agent == null) {
      return;
    }
    if (!agent.sandbox().equals(sandboxes.kind().id())) {
      throw new ParityException("the run's agent settings name the sandbox '" + agent.sandbox()
          + "', but this runner has " + sandboxes.kind().id());
    }
    sandboxes.problem().ifPresent(problem -> {
      throw new ParityException("no working sandbox for the agent's tools: " + problem
          + ". Run `parity doctor` for what to install, or run with --unsafe-no-sandbox (recorded with the run).");
    });
  }

  /** An agent run's plan with the toolset its sandbox offers now, which the run records and a resume must match. */
  private RunPlan withToolset(RunPlan plan) {
    AgentSettings agent = plan.settings().agent();
    if (agent == null) {
      return plan;
    }
    try (Sandbox sandbox = sandboxes.prepare(List.of(), SandboxLimits.DEFAULTS)) {
      Toolset toolset = Toolset.probe(sandbox);
      return new RunPlan(plan.runId(), plan.suite(), plan.models(), plan.settings().withAgent(agent.withToolset(toolset)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParityException("interrupted while looking at the sandbox's toolset", e);
    }
  }

  private static void checkPrices(RunPlan plan) {
    AgentSettings agent = plan.settings().agent();
    List<String> unpriced = plan.models().stream().filter(m -> m.price() == null).map(ModelConfig::name).toList();
    if (agent != null && agent.maxAttemptUsd() != null && !unpriced.isEmpty()) {
      throw new ParityException("--max-attempt-usd needs every model's price, and these have none: "
          + String.join(", ", unpriced) + ". Give them a price in the models file, or run without --max-attempt-usd.");
    }
    if (plan.settings().budgetUsd() == null) {
      return;
    }
    if (!unpriced.isEmpty()) {
      throw new ParityException("a budget needs every model's price, and these have none: "
          + String.join(", ", unpriced) + ". Give them a price in the models file, or run without --budget-usd.");
    }
  }

  /**
   * A new run as the store records it when it starts: running, from {@code now}, with its first
   * {@code heartbeat} (null for a run whose process writes none, such as an import).
   */
  static Run newRun(String runId, Suite suite, RunSettings settings, List<ModelConfig> models, Instant now,
      Run.Heartbeat heartbeat) {
    return new Run(runId, suite.name(), suite.version(), suite.contentHash(),
        suite.root().toAbsolutePath().normalize(), RunDefinition.settingsJson(settings),
        ParityVersion.current(), RunStatus.RUNNING, null, now, now, null, models, heartbeat);
  }

  private static List<AttemptKey> attemptKeys(RunPlan plan, List<Task> tasks) {
    List<AttemptKey> keys = new ArrayList<>();
    for (ModelConfig model : plan.models()) {
      for (Task task : tasks) {
        for (int sample = 0; sample < plan.settings().samples(); sample++) {
          keys.add(new AttemptKey(plan.runId(), model.name(), task.id(), sample));
        }
      }
    }
    return keys;
  }

  /**
   * What every attempt of one run shares.
   *
   * @param cachedKeys the cache keys the store has an answer for, read once at the start and added
   *     to as answers are recorded, so that an attempt asks the store (one lock, shared by every
   *     attempt) only when there is something to find
   * @param sandboxes where agent attempts get their sandboxes
   * @param sandboxSlots how many sandboxes may be open at once ({@code --sandboxes})
   * @param renderer draws pages for the render tool; null when the run does not offer it
   * @param queue the work queue the attempts are claimed from; null for a run made in memory
   */
  record Context(Store store, Clock clock, TaskRequests requests, AnswerFormat format, RunSettings settings,
      RunListener listener, RunControl control,
      Set<String> cachedKeys, SandboxBackend sandboxes, Semaphore sandboxSlots, PageRenderer renderer,
      WorkQueue queue, Semaphore documentWork) {}

  /** Builds a {@link Runner}; every setting but the store and the clients has a default. */
  public static final class Builder {
    private final Store store;
    private final Function<ModelConfig, ModelClient> clients;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Random random = new Random();
    private Executor executor;
    private AnswerFormat format = new EnvelopeAnswerFormat();
    private RunListener listener = RunListener.NONE;
    private SandboxBackend sandboxes;
    private PageRenderer pageRenderer;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT;
    private WorkQueue queue;
    private boolean workHere = true;
    private ModelLimits.Source limits = ModelLimits.IN_MEMORY;
    private Budget.Source budgets = Budget.IN_MEMORY;
    private Integer concurrency;
    private int documentWork = Runtime.getRuntime().availableProcessors();

    private Builder(Store store, Function<ModelConfig, ModelClient> clients) {
      this.store = Objects.requireNonNull(store, "store");
      this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** The clock for the attempts' times and the rate limits (default: the system's, in UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How backoff and rate-limit waits are made (default: {@link Sleeper#SYSTEM}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The randomness of the backoff's jitter (default: unseeded). */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Where attempts run; it must run as many tasks at once as the models' concurrency adds up to
     * (default: a pool of daemon threads that grows as needed).
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * How models are told to return files, and how files are taken out of answers (default: the
     * deliverable envelope, {@link EnvelopeAnswerFormat}).
     */
    public Builder answerFormat(AnswerFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * How many answers' deliverables are built, checked and read for their features at once
     * (default: the processors): work for the processors that holds whole documents in memory,
     * however many calls are in flight.
     */
    public Builder documentWork(int permits) {
      if (permits < 1) {
        throw new IllegalArgumentException("document work needs at least one permit, got " + permits);
      }
      this.documentWork = permits;
      return this;
    }

    /** Who hears progress (default: nobody). */
    public Builder listener(RunListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Where agent attempts run their tools (default: bubblewrap sandboxes in the system's temporary
     * folder, {@link LocalSandboxBackend#bubblewrap}).
     */
    public Builder sandboxes(SandboxBackend sandboxes) {
      this.sandboxes = Objects.requireNonNull(sandboxes, "sandboxes");
      return this;
    }

    /**
     * What draws pages for the render tool (default: {@link PageRenderers#open()}, opened for each
     * agent run that offers render and closed at its end).
     */
    public Builder pageRenderer(PageRenderer renderer) {
      this.pageRenderer = Objects.requireNonNull(renderer, "renderer");
      return this;
    }

    /**
     * How often the run's heartbeat is written (default 30 seconds): a run still marked running
     * whose heartbeat is older than three intervals reads as abandoned.
     */
    public Builder heartbeatInterval(Duration interval) {
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("the heartbeat interval must be positive, not " + interval);
      }
      this.heartbeatInterval = interval;
      return this;
    }

    /**
     * Puts the run's attempts in this shared work queue (a PostgreSQL store), from which this
     * runner and any {@code parity worker} claim them under leases (default: none, the attempts
     * are made in this process from memory, as on SQLite). See docs/teams.md#workers.
     */
    public Builder workQueue(WorkQueue queue) {
      this.queue = Objects.requireNonNull(queue, "queue");
      return this;
    }

    /**
     * Whether {@link #run} makes attempts itself (default: true); false ({@code --no-work}) leaves
     * them to workers, and {@code run} waits until they are all made. Needs a {@link #workQueue}.
     */
    public Builder workHere(boolean workHere) {
      this.workHere = workHere;
      return this;
    }

    /**
     * Where the models' limits live (default: {@link ModelLimits#IN_MEMORY}, this process's memory);
     * workers on a PostgreSQL store share them with {@link dev.parity.harness.call.SharedLimits}.
     */
    public Builder limits(ModelLimits.Source limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The most calls of this process in flight per model ({@code --concurrency}); null (the default)
     * for each model's configured concurrency, else {@link ModelCaller#DEFAULT_CONCURRENCY}. It is
     * this process's own, not recorded with the run: with shared {@link #limits} every process
     * together is held to the model's configured concurrency.
     */
    public Builder concurrency(Integer concurrency) {
      if (concurrency != null && concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Where a run's budget is counted (default: {@link Budget#IN_MEMORY}); workers on a PostgreSQL
     * store share it with {@link dev.parity.harness.call.SharedBudget#source}, under the key
     * {@code run RUN_ID}.
     */
    public Builder budgets(Budget.Source budgets) {
      this.budgets = Objects.requireNonNull(budgets, "budgets");
      return this;
    }

    public Runner build() {
      if (!workHere && queue == null) {
        throw new IllegalStateException("only a run with a work queue can leave its attempts to workers");
      }
      if (executor == null) {
        executor = defaultExecutor();
      }
      if (sandboxes == null) {
        sandboxes = LocalSandboxBackend.bubblewrap(LocalSandboxBackend.defaultRoot());
      }
      return new Runner(this);
    }

    private static ExecutorService defaultExecutor() {
      AtomicInteger count = new AtomicInteger();
      return Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "parity-attempt-" + count.incrementAndGet());
        // Daemon, so that an aborted run's abandoned calls never keep the process alive.
        thread.setDaemon(true);
        return thread;
      });
    }
  }
}

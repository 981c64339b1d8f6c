package dev.parity.harness.call;

import dev.parity.harness.client.ModelConfig;
import dev.parity.store.Database;
import dev.parity.store.Handle;
import dev.parity.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One model's {@link ModelLimits} kept in a PostgreSQL store, so that every worker calling the model
 * counts against one adaptive concurrency, one pair of requests- and tokens-per-minute buckets and
 * one {@code Retry-After} pause: the row of {@code shared_limits} for the model's provider and name
 * (migration {@code V1_8__shared_limits.sql}).
 *
 * <p>The arithmetic is {@link AdaptiveLimit}'s and {@link TokenBucket}'s, done in SQL: each trip to
 * the row (slots taken or given back with their bucket reservations and the successes since the
 * last trip, a 429, a pause) is one {@code UPDATE … RETURNING} that locks the row for that statement
 * only — one round trip, no transaction held across the call. A worker waiting for a slot polls
 * every {@link #POLL}; one waiting out a pause sleeps until it ends.
 *
 * <p><b>Leased batches.</b> A round trip per call was the limit on speed (one row, every worker's
 * calls queued on its lock), so a worker leases in batches where the limit leaves room for it:
 * <ul>
 *   <li>slots: while the shared window has at least {@code 2 × }{@link #BATCH} free, a worker takes
 *       up to {@link #BATCH} at a time (never more than its own concurrency) and keeps those its
 *       calls give back for its next calls; it goes back to the row after {@link #BATCH} calls to
 *       report its successes and hear of cuts and pauses, gives back spare slots above {@link
 *       #BATCH}, and all of them when the window is tight, a 429 cut it, or the lane closes. The
 *       window counts leased slots, so no more calls are ever in flight than it allows; a cut or a
 *       pause reaches a worker within {@link #BATCH} of its calls.
 *   <li>requests and tokens: a worker takes up to {@link #BATCH} calls' worth at a time, and never
 *       more than a thousandth of the per-minute limit (below 2,000 a minute, one call's worth, as
 *       before); only what the bucket holds (a call that finds it empty takes its own worth in debt
 *       and waits, as in one process). A batch's unspent rest is not given back. So in any minute
 *       N workers send at most the limit, plus one second's worth, plus N batches.
 * </ul>
 *
 * <p>Time is the database's clock ({@code clock_timestamp()}), so that workers on machines whose
 * clocks differ agree, or, for tests, a clock the {@link Worker} is given.
 *
 * <p>Each worker process is a holder: a connection of its own holds an advisory lock for as long
 * as the process lives, and its calls in flight are counted in {@code shared_limit_holders} too. A
 * worker waiting for a slot takes the calls of holders whose lock is gone (a killed worker) off the
 * count, so a dead worker does not keep its slots. Thread-safe.
 */
public final class SharedLimits implements ModelLimits {
  /** The most slots, or calls' worth of a bucket, a worker leases from the row in one trip. */
  static final int BATCH = 16;
  /** A bucket's batch is at most this fraction of its per-minute limit (see the class comment). */
  private static final int BATCH_DIVISOR = 1000;
  /** How often a worker waiting for a free slot asks again. */
  static final Duration POLL = Duration.ofMillis(20);
  /** The longest single sleep while waiting, so that {@link #close} is noticed. */
  static final Duration LONGEST_SLEEP = Duration.ofSeconds(1);
  /**
   * The ceiling of the shared adaptive limit of a model with no configured concurrency: none in
   * practice; the workers' own {@code --concurrency} bound what each sends, and a 429 cuts the limit
   * to half the calls then in flight.
   */
  static final int UNCONFIGURED_CEILING = 1_000_000;
  /** The advisory locks' first key: holders' locks live in a key space of their own. */
  static final int LOCK_SPACE = 1_818_000_018;

  /**
   * The time, and the statement's commit made asynchronous (it does not wait for the WAL to reach
   * the disk): the row's lock is held until the commit, and waiting for a flush there made every
   * worker's call queue behind one fsync on the hot row (10 times fewer calls a second, measured).
   * A database crash may lose the last fraction of a second of counts, which the next minute's
   * buckets make up for; a budget's money is committed durably ({@link SharedBudget}).
   */
  private static final String NOW = "n AS (SELECT COALESCE(CAST(? AS BIGINT),"
      + " CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)) AS t"
      + " FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async)";
  /** The lane's row, locked, with a recovery that is due applied (AdaptiveLimit.recoverIfDue). */
  private static final String LANE = NOW
      + ", c AS (SELECT l.provider, l.model, n.t, l.max_concurrency, l.in_flight, l.paused_until, l.recover_to,"
      + " l.recover_at IS NOT NULL AND n.t >= l.recover_at AS r, l.concurrency, l.successes, l.generation,"
      + " l.recover_at FROM shared_limits l CROSS JOIN n WHERE l.provider = ? AND l.model = ? FOR UPDATE OF l)"
      + ", s AS (SELECT provider, model, t, max_concurrency AS mx, in_flight, paused_until, recover_to,"
      + " CASE WHEN r THEN GREATEST(concurrency, recover_to) ELSE concurrency END AS lim,"
      + " CASE WHEN r THEN 0 ELSE successes END AS succ,"
      + " generation + CASE WHEN r THEN 1 ELSE 0 END AS gen,"
      + " CASE WHEN r THEN NULL ELSE recover_at END AS rec_at FROM c)";
  private static final String HOLDER = "UPDATE shared_limit_holders SET in_flight = GREATEST(0, in_flight + %s)"
      + " WHERE provider = ? AND model = ? AND holder = ?";

  private static final String RESERVE = "WITH " + NOW
      + " UPDATE shared_limits l SET " + buckets("n.t", "TRUE")
      + " FROM n WHERE l.provider = ? AND l.model = ? RETURNING " + waits();
  private static final String RATE_LIMITED = "WITH " + LANE + ", h AS (" + HOLDER.formatted("-1") + ")"
      + ", k AS (SELECT s.*, s.gen = ? AND s.lim > 1 AS cut FROM s)"
      + " UPDATE shared_limits l SET in_flight = GREATEST(0, l.in_flight - 1), successes = 0,"
      + " concurrency = CASE WHEN k.cut THEN GREATEST(1, LEAST(k.lim, k.in_flight) / 2) ELSE k.lim END,"
      + " recover_to = CASE WHEN k.cut AND k.rec_at IS NULL THEN k.lim ELSE k.recover_to END,"
      + " recover_at = CASE WHEN k.cut AND k.rec_at IS NULL THEN k.t + " + micros(AdaptiveLimit.RECOVERY)
      + " ELSE k.rec_at END,"
      + " generation = k.gen + CASE WHEN k.cut THEN 1 ELSE 0 END"
      + " FROM k WHERE l.provider = k.provider AND l.model = k.model";
  /**
   * One trip of a worker to its lane's row: gives back {@code back} slots, reports {@code ok}
   * successes (the limit grows by one when they complete a window, as in {@link AdaptiveLimit}),
   * takes up to {@code want} slots unless paused, and then (with a slot taken or in hand) up to
   * {@code kr} requests' and {@code kt} tokens' worth of the buckets: what they hold, or one call's
   * worth ({@code 1}, {@code est}) in debt. Returns what it got, the row's state and the wait its
   * debt makes, and counts the slots in the worker's holder row.
   */
  private static final String TRIP = "WITH " + NOW
      + ", p AS (SELECT CAST(? AS INTEGER) AS back, CAST(? AS INTEGER) AS ok, CAST(? AS INTEGER) AS want,"
      + " CAST(? AS BIGINT) AS kr, CAST(? AS BIGINT) AS kt, CAST(? AS BIGINT) AS est)"
      + ", c AS (SELECT l.provider, l.model, n.t, l.max_concurrency AS mx, l.in_flight, l.paused_until, l.recover_to,"
      + " l.recover_at IS NOT NULL AND n.t >= l.recover_at AS r, l.concurrency, l.successes, l.generation,"
      + " l.recover_at, l.requests_per_minute AS rpm, l.tokens_per_minute AS tpm, "
      + refilled("requests", "n.t") + " AS req, " + refilled("tokens", "n.t") + " AS tok"
      + " FROM shared_limits l CROSS JOIN n WHERE l.provider = ? AND l.model = ? FOR UPDATE OF l)"
      + ", s AS (SELECT c.*, p.*, CASE WHEN c.r THEN GREATEST(c.concurrency, c.recover_to) ELSE c.concurrency END"
      + " AS lim0, CASE WHEN c.r THEN 0 ELSE c.successes END AS succ0,"
      + " c.generation + CASE WHEN c.r THEN 1 ELSE 0 END AS gen, CASE WHEN c.r THEN NULL ELSE c.recover_at END"
      + " AS rec_at, GREATEST(0, c.in_flight - p.back) AS fl FROM c CROSS JOIN p)"
      + ", g AS (SELECT s.*, CASE WHEN s.lim0 < s.mx AND s.succ0 + s.ok >= s.lim0 THEN s.lim0 + 1 ELSE s.lim0 END"
      + " AS lim, CASE WHEN s.lim0 >= s.mx THEN s.succ0 WHEN s.succ0 + s.ok >= s.lim0 THEN 0"
      + " ELSE s.succ0 + s.ok END AS succ FROM s)"
      + ", h AS (SELECT g.*, CASE WHEN g.paused_until <= g.t THEN GREATEST(0, LEAST(g.want, g.lim - g.fl)) ELSE 0"
      + " END AS granted FROM g)"
      + ", k AS (SELECT h.*, h.paused_until <= h.t AND (h.want = 0 OR h.granted > 0) AS rate FROM h)"
      + ", q AS (SELECT k.*, CASE WHEN k.rate AND k.kr > 0 AND k.rpm IS NOT NULL"
      + " THEN CAST(GREATEST(1, LEAST(k.kr, FLOOR(k.req))) AS BIGINT) ELSE 0 END AS got_req,"
      + " CASE WHEN k.rate AND k.kt > 0 AND k.tpm IS NOT NULL"
      + " THEN CAST(GREATEST(k.est, LEAST(k.kt, FLOOR(k.tok))) AS BIGINT) ELSE 0 END AS got_tok FROM k)"
      + ", hd AS (UPDATE shared_limit_holders SET in_flight = GREATEST(0, in_flight + (SELECT granted - back FROM q))"
      + " WHERE provider = ? AND model = ? AND holder = ?)"
      + " UPDATE shared_limits l SET concurrency = q.lim, successes = q.succ, generation = q.gen,"
      + " recover_at = q.rec_at, in_flight = q.fl + q.granted,"
      + " requests_available = CASE WHEN q.got_req > 0 THEN q.req - q.got_req ELSE l.requests_available END,"
      + " requests_at = CASE WHEN q.got_req > 0 THEN GREATEST(l.requests_at, q.t) ELSE l.requests_at END,"
      + " tokens_available = CASE WHEN q.got_tok > 0 THEN q.tok - q.got_tok ELSE l.tokens_available END,"
      + " tokens_at = CASE WHEN q.got_tok > 0 THEN GREATEST(l.tokens_at, q.t) ELSE l.tokens_at END"
      + " FROM q WHERE l.provider = q.provider AND l.model = q.model"
      + " RETURNING q.granted, q.got_req, q.got_tok, l.generation, q.t, l.paused_until, l.concurrency - l.in_flight,"
      + " CASE WHEN q.got_req > 0 THEN " + wait("requests") + " ELSE 0 END,"
      + " CASE WHEN q.got_tok > 0 THEN " + wait("tokens") + " ELSE 0 END";
  private static final String PAUSED = "WITH " + NOW
      + " UPDATE shared_limits l SET paused_until = GREATEST(l.paused_until, n.t + ?)"
      + " FROM n WHERE l.provider = ? AND l.model = ?";
  private static final String LIMIT = "WITH " + NOW
      + " SELECT CASE WHEN l.recover_at IS NOT NULL AND n.t >= l.recover_at"
      + " THEN GREATEST(l.concurrency, l.recover_to) ELSE l.concurrency END"
      + " FROM shared_limits l CROSS JOIN n WHERE l.provider = ? AND l.model = ?";
  /** Takes the calls in flight of holders whose process is gone off the lane's count. */
  private static final String REAP = "WITH dead AS (DELETE FROM shared_limit_holders h"
      + " WHERE h.provider = ? AND h.model = ? AND NOT EXISTS (SELECT 1 FROM pg_locks p"
      + " WHERE p.locktype = 'advisory' AND p.granted AND p.objsubid = 2"
      + " AND p.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
      + " AND p.classid = CAST(" + LOCK_SPACE + " AS oid) AND p.objid = CAST(h.holder AS oid))"
      + " RETURNING h.in_flight)"
      + " UPDATE shared_limits l SET in_flight = GREATEST(0, l.in_flight - (SELECT COALESCE(SUM(in_flight), 0) FROM dead))"
      + " WHERE l.provider = ? AND l.model = ? AND EXISTS (SELECT 1 FROM dead) RETURNING l.in_flight";
  private static final String OPEN = "WITH " + NOW
      + " INSERT INTO shared_limits (provider, model, max_concurrency, concurrency, requests_per_minute,"
      + " requests_available, requests_at, tokens_per_minute, tokens_available, tokens_at)"
      + " SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS BIGINT),"
      + " CAST(? AS DOUBLE PRECISION), n.t, CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION), n.t FROM n"
      + " ON CONFLICT (provider, model) DO UPDATE SET max_concurrency = excluded.max_concurrency,"
      + " concurrency = LEAST(shared_limits.concurrency, excluded.max_concurrency),"
      + " requests_per_minute = excluded.requests_per_minute, tokens_per_minute = excluded.tokens_per_minute,"
      + " requests_available = CASE WHEN shared_limits.requests_per_minute IS NULL"
      + " THEN excluded.requests_available ELSE shared_limits.requests_available END,"
      + " tokens_available = CASE WHEN shared_limits.tokens_per_minute IS NULL"
      + " THEN excluded.tokens_available ELSE shared_limits.tokens_available END";
  private static final String JOIN = "INSERT INTO shared_limit_holders (provider, model, holder) VALUES (?, ?, ?)"
      + " ON CONFLICT (provider, model, holder) DO NOTHING";

  private final Worker worker;
  private final String provider;
  private final String model;
  private final Sleeper sleeper;
  /** This process's own concurrency: it leases no more slots than that. */
  private final int maxConcurrency;
  /** Calls' worth of the requests bucket a trip asks for; 0 without a requests-per-minute limit. */
  private final long requestBatch;
  /** Tokens a trip asks for, up to {@link #BATCH} calls' worth (at least the call's own); 0 without a limit. */
  private final long tokenBatch;
  private final boolean tokenLimited;
  private volatile boolean closed;
  // This process's lease, guarded by this lane's monitor: slots counted in the row (held), those of
  // them calls use (busy), requests and tokens taken from the buckets and not spent yet.
  private int held;
  private int busy;
  private double requests;
  private double tokens;
  /** Successes not reported to the row yet. */
  private int successes;
  /** Slots taken from the lease since the last trip to the row. */
  private int sinceTrip;
  /** Whether the window had room for batches at the last trip (else slots are taken and given back one by one). */
  private boolean batching;
  private int generation;

  private SharedLimits(Worker worker, String provider, String model, Sleeper sleeper, int maxConcurrency,
      Long requestsPerMinute, Long tokensPerMinute) {
    this.worker = worker;
    this.provider = provider;
    this.model = model;
    this.sleeper = sleeper;
    this.maxConcurrency = maxConcurrency;
    this.requestBatch = requestsPerMinute == null ? 0
        : Math.max(1, Math.min(BATCH, requestsPerMinute / BATCH_DIVISOR));
    this.tokenLimited = tokensPerMinute != null;
    this.tokenBatch = tokensPerMinute == null ? 0 : tokensPerMinute / BATCH_DIVISOR;
  }

  /**
   * A bucket's refill up to the time {@code t} and the reservation of a call in SQL, as
   * {@link TokenBucket#reserve}: the bucket holds one second's worth and refills continuously; a
   * reservation may take it below zero (a debt that later calls wait behind). Parameters: the
   * tokens of the call.
   */
  private static String buckets(String t, String when) {
    return bucket("requests", t, when, "1") + ", " + bucket("tokens", t, when, "CAST(? AS BIGINT)");
  }

  private static String bucket(String name, String t, String when, String amount) {
    String perMinute = "l." + name + "_per_minute";
    return name + "_available = CASE WHEN " + when + " AND " + perMinute + " IS NOT NULL THEN " + refilled(name, t)
        + " - " + amount + " ELSE l." + name + "_available END, "
        + name + "_at = CASE WHEN " + when + " THEN GREATEST(l." + name + "_at, " + t + ") ELSE l." + name + "_at END";
  }

  /** What a bucket of the row {@code l} holds at the time {@code t}: refilled, up to a second's worth. */
  private static String refilled(String name, String t) {
    String perMinute = "l." + name + "_per_minute";
    return "LEAST(GREATEST(1, " + perMinute + " / 60.0), l." + name + "_available + GREATEST(0, "
        + t + " - l." + name + "_at) * " + perMinute + " / 60000000.0)";
  }

  /** The waits, in microseconds, until the requests' and the tokens' debts are repaid. */
  private static String waits() {
    return wait("requests") + ", " + wait("tokens");
  }

  private static String wait(String name) {
    String perMinute = "l." + name + "_per_minute";
    return "CASE WHEN " + perMinute + " IS NULL OR l." + name + "_available >= 0 THEN 0"
        + " ELSE CAST(CEIL(-l." + name + "_available * 60000000.0 / " + perMinute + ") AS BIGINT) END";
  }

  private static long micros(Duration duration) {
    return duration.toNanos() / 1000;
  }

  /**
   * The shared limits of one worker process: its holder (an advisory lock held by a connection of
   * its own while the process lives) and a {@link ModelLimits.Source} of every model's lane. Close
   * it when the worker ends.
   */
  public static final class Worker implements ModelLimits.Source, AutoCloseable {
    private final Database database;
    private final Clock clock;
    private final Connection life;
    private final int holder;
    private final Set<SharedLimits> lanes = ConcurrentHashMap.newKeySet();

    private Worker(Database database, Clock clock) {
      if (!"postgresql".equals(database.dialect().name())) {
        throw new StoreException("limits shared between workers need a PostgreSQL store, not " + database.name()
            + ": one process on SQLite keeps its limits in memory", null);
      }
      this.database = database;
      this.clock = clock;
      try {
        this.life = database.dataSource().getConnection();
        this.holder = lock(life);
      } catch (SQLException e) {
        throw new StoreException("cannot join the shared limits in " + database.name() + ": " + e.getMessage(), e);
      }
    }

    private static int lock(Connection connection) throws SQLException {
      try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
        while (true) {
          int key = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
          statement.setInt(1, LOCK_SPACE);
          statement.setInt(2, key);
          try (ResultSet result = statement.executeQuery()) {
            if (result.next() && result.getBoolean(1)) {
              return key;
            }
          }
        }
      }
    }

    /**
     * Opens a model's lane, creating its row or taking this worker's configuration into it. The
     * shared adaptive limit's ceiling is the model's configured concurrency, for every worker
     * together, not {@code maxConcurrency} (this worker's own {@code --concurrency}): with the
     * ceiling at one worker's concurrency, N workers together had the calls of one in flight.
     */
    @Override
    public ModelLimits open(ModelConfig config, int maxConcurrency, Clock ignored, Sleeper sleeper) {
      ModelConfig.Limits limits = config.limits();
      int ceiling = limits.concurrency() == null ? UNCONFIGURED_CEILING : limits.concurrency();
      String provider = config.provider();
      String model = config.model() == null ? config.name() : config.model();
      Long rpm = limits.requestsPerMinute() == null ? null : limits.requestsPerMinute().longValue();
      Long tpm = limits.tokensPerMinute() == null ? null : limits.tokensPerMinute().longValue();
      SharedLimits lane = new SharedLimits(this, provider, model, Objects.requireNonNull(sleeper, "sleeper"),
          maxConcurrency, rpm, tpm);
      database.read("open the shared limits of " + provider + "/" + model, handle -> {
        handle.update(OPEN, now(), provider, model, ceiling, ceiling, rpm,
            rpm == null ? 0.0 : Math.max(1, rpm / 60.0), tpm, tpm == null ? 0.0 : Math.max(1, tpm / 60.0));
        handle.update(JOIN, provider, model, holder);
        return null;
      });
      lane.reap();
      lanes.add(lane);
      return lane;
    }

    /** This worker's holder key (the advisory lock's second key). */
    int holder() {
      return holder;
    }

    Long now() {
      return clock == null ? null : micros(Duration.between(Instant.EPOCH, clock.instant()));
    }

    /** Ends the holder: its lanes give back their spare slots, and its lock goes with its connection. */
    @Override
    public void close() {
      List.copyOf(lanes).forEach(SharedLimits::close);
      try (life; PreparedStatement unlock = life.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
        // The connection goes back to the pool, its session alive: the lock must be let go of.
        unlock.setInt(1, LOCK_SPACE);
        unlock.setInt(2, holder);
        unlock.execute();
      } catch (SQLException e) {
        // The lock ends with the session either way.
      }
    }
  }

  /** The shared limits of this worker process, on the database's clock. */
  public static Worker worker(Database database) {
    return new Worker(database, null);
  }

  /** As {@link #worker(Database)}, on {@code clock} instead of the database's (tests). */
  public static Worker worker(Database database, Clock clock) {
    return new Worker(database, Objects.requireNonNull(clock, "clock"));
  }

  @Override
  public Permit acquire(long estimatedTokens) throws InterruptedException {
    while (!closed) {
      Trip trip;
      synchronized (this) {
        if (busy < held && sinceTrip < BATCH && rateInHand(estimatedTokens)) {
          return take(estimatedTokens, Duration.ZERO);
        }
        // A slot of the lease in hand needs only the buckets (or a trip that was due); else take slots.
        int want = busy < held ? 0 : Math.max(1, Math.min(batching ? BATCH : 1, maxConcurrency - held));
        long kr = requests < 1 ? requestBatch : 0;
        long kt = tokenLimited && tokens < estimatedTokens
            ? Math.max(estimatedTokens, Math.min(BATCH * estimatedTokens, tokenBatch)) : 0;
        trip = trip(want == 0 ? 1 : 0, want, kr, kt, estimatedTokens);
        if (trip.pausedUntil() <= trip.now() && busy < held && rateInHand(estimatedTokens)) {
          return take(estimatedTokens, Duration.of(trip.waitMicros(), ChronoUnit.MICROS));
        }
      }
      if (trip.pausedUntil() > trip.now()) {
        sleep(Duration.of(trip.pausedUntil() - trip.now(), ChronoUnit.MICROS));
      } else if (reap() == 0) {
        sleep(POLL);
      }
    }
    return null;
  }

  /** A slot of the lease for a call, with its share of the buckets; holds the monitor. */
  private Permit take(long estimatedTokens, Duration wait) {
    busy++;
    sinceTrip++;
    requests -= requestBatch == 0 ? 0 : 1;
    tokens -= tokenLimited ? estimatedTokens : 0;
    return new Permit(generation, wait);
  }

  private boolean rateInHand(long estimatedTokens) {
    return (requestBatch == 0 || requests >= 1) && (!tokenLimited || tokens >= estimatedTokens);
  }

  /**
   * Goes to the row, holding the monitor: gives back the spare slots the lease should not keep
   * (apart from {@code keep} about to be used), reports the successes, takes {@code want} slots and
   * {@code kr} requests' and {@code kt} tokens' worth of the buckets, and keeps what it got.
   */
  private Trip trip(int keep, int want, long kr, long kt, long estimatedTokens) {
    int spare = held - busy - keep;
    int back = closed || !batching ? Math.max(0, spare) : Math.max(0, spare - BATCH);
    Trip trip = run("take a slot", handle -> handle.first(TRIP, row -> new Trip(row.integer(1), row.bigint(2),
        row.bigint(3), row.integer(4), row.bigint(5), row.bigint(6), row.bigint(7),
        Math.max(row.bigint(8), row.bigint(9))), worker.now(), back, successes, want, kr, kt, estimatedTokens,
        provider, model, provider, model, worker.holder)).orElseThrow(this::missing);
    held += trip.granted() - back;
    requests += trip.requests();
    tokens += trip.tokens();
    generation = trip.generation();
    successes = 0;
    sinceTrip = 0;
    batching = trip.room() >= 2L * BATCH;
    return trip;
  }

  private record Trip(int granted, long requests, long tokens, int generation, long now, long pausedUntil, long room,
      long waitMicros) {}

  /** A call's slot back in the lease; to the row when the lease should not keep it. */
  private synchronized void release() {
    busy--;
    if (closed || !batching || held - busy > BATCH) {
      trip(0, 0, 0, 0, 0);
    }
  }

  private void sleep(Duration wait) throws InterruptedException {
    sleeper.sleep(wait.compareTo(LONGEST_SLEEP) > 0 ? LONGEST_SLEEP : wait);
  }

  /** Takes dead holders' calls off the count; returns how many holders' calls were taken off (0 or more). */
  int reap() {
    return run("free the slots of workers that died", handle -> handle.first(REAP, row -> 1,
        provider, model, provider, model).orElse(0));
  }

  @Override
  public Duration reserve(long estimatedTokens) {
    long micros = run("reserve a call's rate", handle -> handle.first(RESERVE,
        row -> Math.max(row.bigint(1), row.bigint(2)), worker.now(), estimatedTokens, provider, model))
        .orElseThrow(this::missing);
    return Duration.of(micros, ChronoUnit.MICROS);
  }

  @Override
  public void succeeded() {
    synchronized (this) {
      successes++;
      release();
    }
  }

  @Override
  public void rateLimited(int generation) {
    synchronized (this) {
      // The slot goes back with the 429, and the lease keeps no spare slots until a trip finds room.
      busy--;
      held--;
      successes = 0;
      batching = false;
      update("give back a rate-limited slot", RATE_LIMITED, worker.now(), provider, model, provider, model,
          worker.holder, generation);
    }
  }

  @Override
  public void failed() {
    release();
  }

  @Override
  public void paused(Duration wait) {
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    update("pause the lane", PAUSED, worker.now(), micros(wait), provider, model);
    synchronized (this) {
      // The next call goes to the row, where the pause is.
      sinceTrip = BATCH;
    }
  }

  /** Wakes the waiters, and gives the lease's spare slots back (the calls in flight give theirs as they end). */
  @Override
  public void close() {
    closed = true;
    worker.lanes.remove(this);
    synchronized (this) {
      if (held > busy || successes > 0) {
        trip(0, 0, 0, 0, 0);
      }
    }
  }

  @Override
  public int limit() {
    return run("read the limit", handle -> handle.first(LIMIT, row -> row.integer(1), worker.now(), provider, model))
        .orElseThrow(this::missing);
  }

  @Override
  public int inFlight() {
    return run("read the calls in flight", handle -> handle.first(
        "SELECT in_flight FROM shared_limits WHERE provider = ? AND model = ?", row -> row.integer(1), provider, model))
        .orElseThrow(this::missing);
  }

  private void update(String what, String sql, Object... parameters) {
    run(what, handle -> handle.update(sql, parameters));
  }

  private <T> T run(String what, Database.Work<T> work) {
    // One statement of this worker at a time on the lane's row: the others queue here, in this
    // process, instead of on the row's lock in the database, where each hand-over waits for the
    // next backend to be scheduled (8 threads made 62 calls a second through the row at load 30,
    // one made 153).
    synchronized (this) {
      return worker.database.read(what + " of " + provider + "/" + model, work);
    }
  }

  private StoreException missing() {
    return new StoreException("the shared limits of " + provider + "/" + model + " are gone from "
        + worker.database.name(), null);
  }
}

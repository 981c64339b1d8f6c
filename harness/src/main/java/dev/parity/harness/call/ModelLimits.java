package dev.parity.harness.call;

import dev.parity.harness.client.ModelConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * Where one model's limits live — its adaptive concurrency, its requests- and tokens-per-minute
 * buckets and any pause a {@code Retry-After} asked for — as {@link ModelCaller} sees them: in this
 * process ({@link #IN_MEMORY}, one {@code parity run}), or in the database so that every worker on a
 * PostgreSQL store shares them ({@link SharedLimits}). The caller's path is the same for both.
 *
 * <p>Implementations are thread-safe; waiting is interruptible.
 */
public interface ModelLimits {
  /**
   * A slot taken.
   *
   * @param generation the limit's generation when the slot was taken, for {@link #rateLimited}
   * @param rateWait how long to wait before sending, for the requests- and tokens-per-minute limits
   */
  record Permit(int generation, Duration rateWait) {}

  /**
   * Waits for a slot, takes it and reserves one request and {@code estimatedTokens} from the
   * per-minute limits.
   *
   * @return the slot, or null once {@link #close closed}
   */
  Permit acquire(long estimatedTokens) throws InterruptedException;

  /**
   * Reserves one request and {@code estimatedTokens} for a call that kept its slot (a retry after
   * a {@code Retry-After}) and returns how long to wait before sending.
   */
  Duration reserve(long estimatedTokens);

  /** Gives a slot back after a call that succeeded (the limit may grow). */
  void succeeded();

  /** Gives a slot back after a 429 without a wait: a call of the current generation halves the limit. */
  void rateLimited(int generation);

  /** Gives a slot back after a call that failed for another reason: the limit stays. */
  void failed();

  /**
   * The server said to wait {@code wait} (a 429 with {@code Retry-After}); the call keeps its slot
   * through the wait either way. Shared limits pause the model's lane for every worker until then;
   * in memory nothing else changes (the calls in flight each hear their own 429).
   */
  void paused(Duration wait);

  /** Wakes every waiter; later {@link #acquire} calls return null at once. */
  void close();

  /** How many calls may be in flight now. */
  int limit();

  /** How many calls are in flight now (of every worker, when shared). */
  int inFlight();

  /** Makes the limits of one model. */
  @FunctionalInterface
  interface Source {
    /**
     * The limits of {@code config}'s model.
     *
     * @param maxConcurrency the most calls this process has in flight ({@code --concurrency}, else
     *     the model's configured concurrency, else the default): in memory, the adaptive limit's
     *     ceiling; shared, the ceiling is the model's configured concurrency for every process
     *     together (none configured: no ceiling but the adaptive limit's cuts), and this process
     *     never has more than {@code maxConcurrency} of them (its runner starts no more)
     * @param clock the time the limits are counted in
     * @param sleeper how a wait for a slot is made (shared limits poll the database)
     */
    ModelLimits open(ModelConfig config, int maxConcurrency, Clock clock, Sleeper sleeper);
  }

  /** Limits in this process's memory, as for one {@code parity run}: no database round trip. */
  Source IN_MEMORY = (config, maxConcurrency, clock, sleeper) -> new LocalLimits(config.limits(), maxConcurrency, clock);
}

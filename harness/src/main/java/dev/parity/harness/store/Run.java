package dev.parity.harness.store;

import dev.parity.harness.ParityVersion;
import dev.parity.harness.client.ModelConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One execution of a suite against a set of models with fixed settings, as stored. Immutable.
 *
 * @param id the run's id, unique in the store
 * @param suiteName the suite's name
 * @param suiteVersion the suite's version
 * @param suiteHash the suite's content hash ({@code sha256:…})
 * @param suitePath where the suite was loaded from (a resume loads it from there by default)
 * @param settingsJson the run's settings as the runner wrote them (samples, task selection, limits)
 * @param parity the Parity version and commit that started the run
 * @param status where the run stands
 * @param stopReason why the run stopped, in words; null unless stopped
 * @param createdAt when the run was first started
 * @param startedAt when it was last started or resumed
 * @param endedAt when it last ended; null while running (or when its process died)
 * @param models the models, in the order given, with the settings they run with
 * @param heartbeat the last sign of life of the process running it; null for a run no process ran
 *     (an import) or recorded before heartbeats
 */
public record Run(
    String id,
    String suiteName,
    String suiteVersion,
    String suiteHash,
    Path suitePath,
    String settingsJson,
    ParityVersion parity,
    RunStatus status,
    String stopReason,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    List<ModelConfig> models,
    Heartbeat heartbeat) {

  public Run {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(suiteHash, "suiteHash");
    Objects.requireNonNull(status, "status");
    models = List.copyOf(models);
  }

  /**
   * How the run reads at {@code now}: its stored status, except that a {@link RunStatus#RUNNING}
   * run whose heartbeat is older than three intervals is {@link RunStatus#ABANDONED}.
   */
  public RunStatus statusAt(Instant now) {
    return status == RunStatus.RUNNING && heartbeat != null && heartbeat.stale(now) ? RunStatus.ABANDONED : status;
  }

  /**
   * The last heartbeat of a run's process.
   *
   * @param at when it was written
   * @param interval how often the process writes one
   */
  public record Heartbeat(Instant at, Duration interval) {
    /** Heartbeats missed before a run counts as abandoned. */
    public static final int MISSED = 3;

    public Heartbeat {
      Objects.requireNonNull(at, "at");
      if (interval == null || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("a heartbeat interval must be positive, not " + interval);
      }
    }

    /** Whether {@code now} is more than {@link #MISSED} intervals after the heartbeat. */
    public boolean stale(Instant now) {
      return now.isAfter(at.plus(interval.multipliedBy(MISSED)));
    }
  }
}

package dev.parity.harness.store;

import dev.parity.harness.ParityVersion;
import dev.parity.harness.client.ModelConfig;
import java.nio.file.Path;
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
    List<ModelConfig> models) {

  public Run {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(suiteHash, "suiteHash");
    Objects.requireNonNull(status, "status");
    models = List.copyOf(models);
  }
}

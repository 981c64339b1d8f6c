package dev.parity.harness.run;

import dev.parity.documents.FileFormat;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.Usage;
import dev.parity.harness.deliverable.Deliverables;
import dev.parity.harness.deliverable.DeliveredFile;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Contestant;
import dev.parity.harness.store.HumanWork;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.store.Database;
import dev.parity.tasks.Suite;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Professionals' attempts, contestant {@code human:<id>}: a run whose contestants are people
 * (docs/baselines.md), and a professional's submission recorded as an attempt of it. The files go
 * through the same delivery as a model's delivered files ({@link Deliverables#fromFiles}): each
 * is validated and each requested format missing is noted on the attempt. Cost and the answer's
 * latency are the measured time (cost = measured hours × wage), so runs, exports and reports read
 * a human attempt like any other. Stateless.
 */
public final class HumanAttempts {
  /** The provider recorded for a professional in a run. */
  public static final String PROVIDER = "human";

  private final Store store;

  /** Human attempts in {@code store}. */
  public HumanAttempts(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** One task for one professional: sample 0 of {@code human:<personId>} on {@code taskId}. */
  public record Assigned(String personId, String taskId) {
    public Assigned {
      Objects.requireNonNull(personId, "personId");
      Objects.requireNonNull(taskId, "taskId");
    }

    /** The attempt this assignment becomes in run {@code runId}. */
    public AttemptKey key(String runId) {
      return new AttemptKey(runId, Contestant.human(personId).toString(), taskId, 0);
    }
  }

  /**
   * Creates run {@code runId} of {@code suite} with a pending attempt per assignment and a
   * contestant per professional (provider {@value #PROVIDER}), running {@code with} in the same
   * transaction. The run stays running until {@link #endIfDone} finds every attempt submitted.
   */
  public void createRun(String runId, Suite suite, List<Assigned> work, Instant now, Database.Work<?> with) {
    Set<String> people = new LinkedHashSet<>();
    work.forEach(w -> people.add(w.personId()));
    List<ModelConfig> contestants = people.stream().map(id -> new ModelConfig(Contestant.human(id).toString(),
        PROVIDER, id, null, null, null, null, null, null, false, null)).toList();
    store.createRun(Runner.newRun(runId, suite, RunSettings.DEFAULT, contestants, now, null),
        work.stream().map(w -> w.key(runId)).toList(), with);
  }

  /**
   * Records a professional's submission as attempt {@code key} (asked for {@code requested}
   * formats), in one transaction with
   * {@code claim} (see {@link Store#recordHuman}): completed, or invalid output when no file was
   * handed in. Empty when {@code claim} returned false (submitted already), and nothing was written.
   */
  public Optional<Attempt> submit(AttemptKey key, List<FileFormat> requested, List<DeliveredFile> files, HumanWork work,
      Instant startedAt, Instant submittedAt, Database.Work<Boolean> claim) {
    AnswerFormat.Deliverable deliverable = EnvelopeAnswerFormat.deliverable(
        Deliverables.fromFiles(files, requested), List.of());
    boolean empty = deliverable.files().isEmpty();
    Attempt attempt = new Attempt(key, empty ? AttemptStatus.INVALID_OUTPUT : AttemptStatus.COMPLETED,
        Attempt.Calls.NONE, new Attempt.Answer(null, null, null, null, Usage.UNKNOWN, work.costUsd(), work.measured(),
            null),
        empty ? Attempt.Failure.of("empty_answer", "no file was handed in") : Attempt.Failure.NONE,
        new Attempt.Timing(startedAt, submittedAt), new Attempt.Delivery(deliverable.extraction(),
            deliverable.findings()));
    AttemptExecution.Kept kept = AttemptExecution.keepFiles(store, deliverable);
    boolean recorded = store.recordHuman(attempt, kept.files(), kept.content(), work, claim);
    return recorded ? Optional.of(attempt) : Optional.empty();
  }

  /** Ends run {@code runId} as completed when none of its attempts is pending any more. */
  public void endIfDone(String runId, Instant now) {
    if (store.attempts(runId).stream().allMatch(a -> a.status().isEnded())) {
      store.endRun(runId, RunStatus.COMPLETED, null, now);
    }
  }
}

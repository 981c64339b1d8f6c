package dev.parity.harness.run;

import dev.parity.documents.FileFormat;
import dev.parity.harness.features.FeatureCache;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.deliverable.Deliverables;
import dev.parity.harness.deliverable.DeliveredFile;
import dev.parity.harness.deliverable.FormatConversion;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.DeliverableFinding;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.store.Store;
import dev.parity.core.ParityException;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import dev.parity.core.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Brings deliverables made outside Parity (in a chat app, by another harness) into a run as one
 * model's attempts, so that they are graded and reported like any other. The folder holds one
 * folder per task, named by the task's id, with that task's files: {@code DIR/<task-id>/…}.
 *
 * <p>The files go through the same delivery as files a model client delivers
 * ({@link Deliverables#fromFiles}): each is validated, and each requested format missing is
 * recorded on the attempt's notes (or, in a run made with {@code --convert-formats}, built from a
 * delivered Markdown or CSV file, as the run's own attempts are). An attempt is {@link AttemptStatus#COMPLETED}, or
 * {@link AttemptStatus#INVALID_OUTPUT} when its folder holds no file; its cost, tokens and
 * timings are unknown (null), and its end time is when it was imported.
 *
 * <p>The whole folder is checked before anything is written: an unknown task folder, a file of no
 * deliverable format, a stray file or a nested folder, or a task the model already has an ended
 * attempt for refuses the import with every problem listed ({@link InvalidImportException}).
 * Recorded attempts are never overwritten. Stateless; one import at a time per store.
 */
public final class DeliverableImport {
  /** The provider recorded for a model whose deliverables were imported. */
  public static final String PROVIDER = "import";

  private final Store store;
  private final Clock clock;

  /** An importer writing to {@code store}, timing its records with {@code clock}. */
  public DeliverableImport(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Imports {@code folder} as model {@code modelName}'s attempts (sample 0) in run {@code runId}:
   * into the run if it exists (its suite must be {@code suite}), else into a new run of
   * {@code suite} whose only model is {@code modelName}, provider {@value #PROVIDER}.
   *
   * @throws InvalidImportException listing every problem of the folder; nothing is written then
   * @throws ParityException when {@code suite} is not the run's suite, or {@code folder} is not a folder
   */
  public Result importFolder(Suite suite, String runId, String modelName, Path folder) {
    Optional<Run> run = store.findRun(runId);
    if (run.isPresent() && !run.get().suiteHash().equals(suite.contentHash())) {
      throw new ParityException("the suite at " + suite.root() + " is not the one run " + runId
          + " used (hash " + suite.contentHash() + ", the run's " + run.get().suiteHash() + ")");
    }
    if (!Files.isDirectory(folder)) {
      throw new ParityException("no folder " + folder + ": give a folder holding one folder per task, DIR/<task-id>/files");
    }
    List<String> problems = new ArrayList<>();
    Map<Task, List<DeliveredFile>> delivered = read(suite, folder, problems);
    List<Attempt> existing = run.map(r -> store.attempts(r.id())).orElse(List.of()).stream()
        .filter(a -> a.key().model().equals(modelName)).toList();
    existing.stream()
        .filter(a -> a.status().isEnded() && delivered.keySet().stream().anyMatch(t -> t.id().equals(a.key().taskId())))
        .forEach(a -> problems.add("run " + runId + " has " + a.key() + " recorded already (" + a.status().id()
            + "); recorded attempts are never overwritten: import under another --model name or into another --run"));
    if (!problems.isEmpty()) {
      throw new InvalidImportException(folder, problems);
    }

    ModelConfig model = run.flatMap(r -> r.models().stream().filter(m -> m.name().equals(modelName)).findFirst())
        .orElseGet(() -> new ModelConfig(modelName, PROVIDER, String.valueOf(folder.toAbsolutePath().normalize()
            .getFileName()), null, null, null, null, null, null, false, null));
    Set<String> pending = existing.stream().filter(a -> a.key().sample() == 0).map(a -> a.key().taskId())
        .collect(Collectors.toSet());
    List<AttemptKey> keys = delivered.keySet().stream()
        .filter(t -> !pending.contains(t.id()))
        .map(t -> new AttemptKey(runId, modelName, t.id(), 0)).toList();
    Instant now = clock.instant();
    if (run.isEmpty()) {
      store.createRun(Runner.newRun(runId, suite, RunSettings.DEFAULT, List.of(model), now, null), keys);
    } else {
      store.addAttempts(runId, model, keys);
    }
    new FeatureCache(store).recordBaselines(List.copyOf(delivered.keySet()));
    List<Imported> imported = new ArrayList<>();
    // Deliverables imported into a run are built as the run builds its own.
    FormatConversion conversion = run.map(r -> RunSettings.of(r).formatConversion()).orElse(FormatConversion.OFF);
    delivered.forEach((task, files) ->
        imported.add(record(new AttemptKey(runId, modelName, task.id(), 0), task, files, conversion)));
    if (run.isEmpty()) {
      // As the runner does: a run is running from its creation until its last attempt is recorded.
      store.endRun(runId, RunStatus.COMPLETED, null, clock.instant());
    }
    List<String> notDelivered = suite.tasks().stream().map(Task::id)
        .filter(id -> delivered.keySet().stream().noneMatch(t -> t.id().equals(id))).toList();
    return new Result(runId, modelName, run.isEmpty(), imported, notDelivered);
  }

  private Imported record(AttemptKey key, Task task, List<DeliveredFile> files, FormatConversion conversion) {
    AnswerFormat.Deliverable deliverable = EnvelopeAnswerFormat.deliverable(
        Deliverables.fromFiles(files, task.deliverable().formats(), conversion), List.of());
    boolean empty = deliverable.files().isEmpty();
    Attempt attempt = Attempt.imported(key,
        empty ? Attempt.Failure.of("empty_answer", "the task's folder holds no file") : Attempt.Failure.NONE,
        clock.instant(), new Attempt.Delivery(deliverable.extraction(), deliverable.findings()));
    AttemptExecution.Kept kept = AttemptExecution.keepFiles(store, deliverable);
    store.record(attempt, kept.files(), List.of(), null, kept.content());
    return new Imported(task.id(), attempt.status(), deliverable.files().size(),
        deliverable.findings().stream().map(DeliverableFinding::message).toList());
  }

  /** Each task folder's files, by task in suite order; each problem found is added to {@code problems}. */
  private static Map<Task, List<DeliveredFile>> read(Suite suite, Path folder, List<String> problems) {
    Map<String, List<DeliveredFile>> byId = new LinkedHashMap<>();
    for (Path entry : list(folder)) {
      String name = entry.getFileName().toString();
      Optional<Task> task = suite.task(name);
      if (!Files.isDirectory(entry)) {
        problems.add(entry + ": a file outside any task folder; put each task's files in " + folder + "/<task-id>/");
      } else if (task.isEmpty()) {
        problems.add(entry + ": no task \"" + name + "\" in suite " + suite.name() + near(name, suite));
      } else {
        byId.put(name, files(entry, problems));
      }
    }
    Map<Task, List<DeliveredFile>> delivered = new LinkedHashMap<>();
    suite.tasks().stream().filter(t -> byId.containsKey(t.id())).forEach(t -> delivered.put(t, byId.get(t.id())));
    return delivered;
  }

  private static List<DeliveredFile> files(Path taskFolder, List<String> problems) {
    List<DeliveredFile> files = new ArrayList<>();
    for (Path file : list(taskFolder)) {
      Optional<FileFormat> format = FileFormat.ofFileName(file.getFileName().toString());
      if (Files.isDirectory(file)) {
        problems.add(file + ": a folder inside a task folder; put the task's files directly in " + taskFolder);
      } else if (format.isEmpty()) {
        problems.add(file + ": not a deliverable format (" + FileFormat.knownIds() + ")");
      } else {
        try {
          files.add(new DeliveredFile(file.getFileName().toString(), format.get(), Files.readAllBytes(file)));
        } catch (IOException e) {
          problems.add(file + ": cannot be read: " + e.getMessage());
        }
      }
    }
    return files;
  }

  /** The entries of {@code folder} by name, without hidden ones (.DS_Store and the like are the system's, not deliverables). */
  private static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The nearest task id, or the suite's ids when it has few and none is near. */
  private static String near(String name, Suite suite) {
    List<String> ids = suite.tasks().stream().map(Task::id).toList();
    String suggestion = Suggestions.didYouMean(name, ids);
    if (!suggestion.isEmpty() || ids.size() > 10) {
      return suggestion;
    }
    return "; its tasks are " + String.join(", ", ids);
  }

  /**
   * What an import did.
   *
   * @param runId the run
   * @param model the model's name in the run
   * @param runCreated whether the run was made by this import
   * @param attempts the attempts recorded, in the suite's task order
   * @param notDelivered the suite's tasks that had no folder, left without an attempt
   */
  public record Result(String runId, String model, boolean runCreated, List<Imported> attempts,
      List<String> notDelivered) {
    public Result {
      attempts = List.copyOf(attempts);
      notDelivered = List.copyOf(notDelivered);
    }
  }

  /**
   * One imported attempt.
   *
   * @param taskId its task
   * @param status completed, or invalid output when its folder held no file
   * @param files how many files it delivered
   * @param notes what was wrong with its deliverable (a missing format, a file that does not open); may be empty
   */
  public record Imported(String taskId, AttemptStatus status, int files, List<String> notes) {
    public Imported {
      notes = List.copyOf(notes);
    }
  }
}

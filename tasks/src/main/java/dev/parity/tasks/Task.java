package dev.parity.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One request with its references, its baseline and its rubric, as read from
 * {@code tasks/<id>/task.json}.
 *
 * <p>A task may lack a human deliverable ({@link #hasBaseline()}) or a rubric
 * ({@link #hasRubric()}): models still run on it, and the graders that need what is missing skip
 * it with a note. {@link #flags()} lists everything that makes the task less than complete.
 *
 * @param referencesNotShown files handed over with the request that the model is not shown
 * @param baseline the professional's deliverable, time and wage; {@link Baseline#NONE} when none
 *     is known
 * @param rubric the grading criteria; empty when the task has no rubric
 * @param folder the task's folder, against which every file path resolves; not part of the JSON
 */
public record Task(
    String id,
    String title,
    Occupation occupation,
    String sector,
    TaskRequest request,
    List<Reference> references,
    List<UnshownReference> referencesNotShown,
    DeliverableSpec deliverable,
    Baseline baseline,
    List<Criterion> rubric,
    Provenance provenance,
    List<String> tags,
    @JsonIgnore Path folder) {

  public Task {
    Objects.requireNonNull(id, "id");
    references = references == null ? List.of() : List.copyOf(references);
    referencesNotShown = referencesNotShown == null ? List.of() : List.copyOf(referencesNotShown);
    baseline = Objects.requireNonNullElse(baseline, Baseline.NONE);
    rubric = rubric == null ? List.of() : List.copyOf(rubric);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A task whose every reference is shown to the model. */
  public Task(String id, String title, Occupation occupation, String sector, TaskRequest request,
      List<Reference> references, DeliverableSpec deliverable, Baseline baseline, List<Criterion> rubric,
      Provenance provenance, List<String> tags, Path folder) {
    this(id, title, occupation, sector, request, references, List.of(), deliverable, baseline, rubric,
        provenance, tags, folder);
  }

  /** This task as found in {@code folder}. */
  public Task withFolder(Path folder) {
    return new Task(id, title, occupation, sector, request, references, referencesNotShown, deliverable,
        baseline, rubric, provenance, tags, folder);
  }

  /**
   * A file of this task, from its path relative to the task folder.
   *
   * @throws IllegalStateException if the task was not loaded from a folder
   */
  public Path file(String relativePath) {
    if (folder == null) {
      throw new IllegalStateException("task " + id + " was not loaded from a folder");
    }
    return folder.resolve(relativePath);
  }

  /** Whether there is a human deliverable to compare a model's with. */
  public boolean hasBaseline() {
    return baseline.hasFiles();
  }

  /** Whether the task has rubric criteria to grade against. */
  public boolean hasRubric() {
    return !rubric.isEmpty();
  }

  /** The sum of the rubric's positive points: the most a deliverable can score. */
  public double maxRubricPoints() {
    return rubric.stream().mapToDouble(Criterion::points).filter(p -> p > 0).sum();
  }

  /** What makes this task less than complete, in {@link TaskFlag.Kind} order; empty for a complete task. */
  public List<TaskFlag> flags() {
    return TaskFlag.of(this);
  }
}

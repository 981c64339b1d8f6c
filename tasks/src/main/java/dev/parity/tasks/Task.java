package dev.parity.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One request with its references, its baseline and its rubric, as read from
 * {@code tasks/<id>/task.json}.
 *
 * @param folder the task's folder, against which every file path resolves; not part of the JSON
 */
public record Task(
    String id,
    String title,
    Occupation occupation,
    String sector,
    TaskRequest request,
    List<Reference> references,
    DeliverableSpec deliverable,
    Baseline baseline,
    List<Criterion> rubric,
    Provenance provenance,
    List<String> tags,
    @JsonIgnore Path folder) {

  public Task {
    Objects.requireNonNull(id, "id");
    references = references == null ? List.of() : List.copyOf(references);
    rubric = rubric == null ? List.of() : List.copyOf(rubric);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** This task as found in {@code folder}. */
  public Task withFolder(Path folder) {
    return new Task(id, title, occupation, sector, request, references, deliverable, baseline,
        rubric, provenance, tags, folder);
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

  /** The sum of the rubric's positive points: the most a deliverable can score. */
  public double maxRubricPoints() {
    return rubric.stream().mapToDouble(Criterion::points).filter(p -> p > 0).sum();
  }
}

package dev.parity.tasks;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned set of tasks, as loaded by {@link SuiteLoader}. Immutable.
 *
 * @param name the suite's name from {@code suite.json}
 * @param version the suite's version from {@code suite.json}
 * @param description what the suite is for; may be null
 * @param license the licence of the suite's content; may be null
 * @param root the suite's folder
 * @param tasks every task, sorted by id
 * @param contentHash {@code sha256:<hex>} over the canonical JSON and every referenced file's
 *     bytes: changing one byte of any of them changes it
 * @param provenance the dataset an imported suite comes from; null for a suite written by hand
 */
public record Suite(
    String name,
    String version,
    String description,
    String license,
    Path root,
    List<Task> tasks,
    String contentHash,
    SuiteProvenance provenance) {

  public Suite {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    tasks = List.copyOf(tasks);
  }

  /** A suite written by hand, with no dataset provenance. */
  public Suite(String name, String version, String description, String license, Path root, List<Task> tasks,
      String contentHash) {
    this(name, version, description, license, root, tasks, contentHash, null);
  }

  /** The task with this id, if the suite has one. */
  public Optional<Task> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}

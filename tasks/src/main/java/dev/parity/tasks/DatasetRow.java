package dev.parity.tasks;

import java.util.Objects;

/**
 * The row of a published dataset a task was imported from.
 *
 * @param name the dataset, e.g. {@code openai/gdpval}
 * @param revision the dataset's revision (a commit), or {@code main (unpinned)}
 * @param row the row's number in the source file, from 1
 */
public record DatasetRow(String name, String revision, int row) {
  public DatasetRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(revision, "revision");
  }
}

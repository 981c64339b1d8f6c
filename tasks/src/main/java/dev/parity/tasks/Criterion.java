package dev.parity.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One rubric criterion.
 *
 * @param id unique within the task's rubric
 * @param criterion what a grader checks, in words
 * @param points what meeting it is worth; negative points are a penalty, never zero
 * @param required whether the deliverable must meet it to be acceptable at all
 * @param tags free labels, e.g. {@code accuracy}
 * @param check a deterministic check for the graders; null when a judge decides
 */
public record Criterion(
    String id, String criterion, double points, boolean required, List<String> tags, JsonNode check) {

  public Criterion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(criterion, "criterion");
    tags = tags == null ? List.of() : List.copyOf(tags);
    check = check == null || check.isNull() ? null : check.deepCopy();
  }

  /** The deterministic check, as a copy (JSON nodes are mutable); null when there is none. */
  @Override
  public JsonNode check() {
    return check == null ? null : check.deepCopy();
  }

  /** Whether this criterion takes points away when met. */
  public boolean isPenalty() {
    return points < 0;
  }
}

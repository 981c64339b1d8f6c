package dev.parity.graders.campaign;

import java.util.Objects;

/**
 * A rubric criterion a grader scores for each side: met or not.
 *
 * @param id unique within the task's rubric
 * @param criterion what to check, in words
 * @param points what meeting it is worth (negative for a penalty)
 */
public record RubricItem(String id, String criterion, double points) {
  public RubricItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(criterion, "criterion");
  }
}

package dev.parity.harness.store;

import java.util.Objects;

/**
 * What identifies an attempt: one contestant's answer to one sample of one task in one run.
 *
 * @param runId the run's id
 * @param model the contestant's name within the run: a model's display name, or {@code human:<id>}
 *     for a professional (see {@link Contestant})
 * @param taskId the task's id
 * @param sample which sample, from 0
 */
public record AttemptKey(String runId, String model, String taskId, int sample) {
  public AttemptKey {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(taskId, "taskId");
  }

  /** Who made this attempt: the model, or the professional of a {@code human:<id>} name. */
  public Contestant contestant() {
    return Contestant.parse(model);
  }

  @Override
  public String toString() {
    return model + " / " + taskId + " #" + sample;
  }
}

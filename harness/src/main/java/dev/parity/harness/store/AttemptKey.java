package dev.parity.harness.store;

import java.util.Objects;

/**
 * What identifies an attempt: one model's answer to one sample of one task in one run.
 *
 * @param runId the run's id
 * @param model the model's display name within the run
 * @param taskId the task's id
 * @param sample which sample, from 0
 */
public record AttemptKey(String runId, String model, String taskId, int sample) {
  public AttemptKey {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(taskId, "taskId");
  }

  @Override
  public String toString() {
    return model + " / " + taskId + " #" + sample;
  }
}

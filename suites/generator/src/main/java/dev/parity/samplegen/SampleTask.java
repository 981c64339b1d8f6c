package dev.parity.samplegen;

import dev.parity.tasks.Task;

/**
 * One task of the sample suite: its {@code task.json} content and the files it names.
 * Implementations are stateless and give the same output on every call.
 */
public interface SampleTask {

  /** The task as {@code task.json} describes it; its folder is not set. */
  Task task();

  /**
   * Writes every reference and baseline file that {@link #task()} names, and nothing else.
   */
  void write(TaskFiles files);
}

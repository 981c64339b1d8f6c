package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.harness.run.TaskSample;
import dev.parity.harness.run.TaskSelection;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The task selection options that {@code run}, {@code grade} and {@code campaign create} share:
 * {@code --tasks}, {@code --occupation}, {@code --sector}, {@code --sample N [--stratify KIND]}.
 * The sample's seed is the command's own {@code --seed}.
 */
final class TaskSelectionOptions {
  @Option(names = "--tasks", paramLabel = "ID,ID", split = ",", description = "Only these tasks.")
  List<String> taskIds;

  @Option(names = "--occupation", paramLabel = "NAME", description = "Only tasks of this occupation (O*NET title or SOC code).")
  String occupation;

  @Option(names = "--sector", paramLabel = "NAME", description = "Only tasks of this sector.")
  String sector;

  @Option(names = "--sample", paramLabel = "N",
      description = "A random sample of N of the tasks the other options leave, drawn with --seed (reproducible).")
  Integer sample;

  @Option(names = "--stratify", paramLabel = "occupation|sector",
      description = "Draw --sample proportionally from each occupation or sector (largest remainders get the rest).")
  String stratify;

  /** Whether any selection option was given. */
  boolean given() {
    return taskIds != null || occupation != null || sector != null || sample != null;
  }

  /**
   * The selection the options say.
   *
   * @param seed the command's seed, for a sample; null when the command has none given
   * @throws ParityException for {@code --stratify} without {@code --sample}, or a sample without a seed
   */
  TaskSelection selection(Long seed) {
    if (stratify != null && sample == null) {
      throw new ParityException("--stratify needs --sample N");
    }
    TaskSample drawn = null;
    if (sample != null) {
      if (seed == null) {
        throw new ParityException("--sample needs --seed S, so that the same sample can be drawn again");
      }
      drawn = new TaskSample(sample, seed, stratify == null ? null : TaskSample.Stratify.of(stratify));
    }
    return new TaskSelection(taskIds, occupation, sector, drawn);
  }
}

package dev.parity.harness.run;

import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.store.Attempt;
import dev.parity.tasks.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run would do, per model, without calling anything: how many attempts it would make and
 * an estimate of their tokens and cost.
 *
 * @param runId the run's id
 * @param models one line per model, in the plan's order
 */
public record DryRun(String runId, List<ModelEstimate> models) {
  public DryRun {
    models = List.copyOf(models);
  }

  /**
   * One model's share.
   *
   * @param model the model's name
   * @param attempts the attempts the run would make now
   * @param done the attempts already done and not made again
   * @param inputTokens the estimated input tokens of those attempts
   * @param maxOutputTokens the most output tokens they may produce: the model's limit per answer,
   *     or the runner's assumption of {@value TaskRequests#DEFAULT_MAX_OUTPUT_TOKENS} without one
   * @param worstCaseUsd the cost if every answer used its whole output limit; null without a price
   */
  public record ModelEstimate(String model, int attempts, int done, long inputTokens,
      long maxOutputTokens, Double worstCaseUsd) {}

  /** The sum of every model's worst case; null if a price is unknown. */
  public Double worstCaseUsd() {
    double total = 0;
    for (ModelEstimate model : models) {
      if (model.worstCaseUsd() == null) {
        return null;
      }
      total += model.worstCaseUsd();
    }
    return total;
  }

  /**
   * What {@code plan} would make, given the attempts of its run that are {@code done} already (none
   * for a new run), with requests built by {@code format}.
   */
  public static DryRun estimate(RunPlan plan, List<Attempt> done, AnswerFormat format) {
    List<Task> tasks = plan.settings().selection().select(plan.suite());
    return of(plan, tasks, done, new TaskRequests(format, plan.settings().timeout()));
  }

  private static DryRun of(RunPlan plan, List<Task> tasks, List<Attempt> done, TaskRequests requests) {
    Set<String> doneKeys = new HashSet<>();
    done.forEach(a -> doneKeys.add(key(a.key().model(), a.key().taskId(), a.key().sample())));
    List<ModelEstimate> models = new ArrayList<>();
    for (ModelConfig model : plan.models()) {
      int attempts = 0;
      long input = 0;
      for (Task task : tasks) {
        for (int sample = 0; sample < plan.settings().samples(); sample++) {
          if (!doneKeys.contains(key(model.name(), task.id(), sample))) {
            attempts++;
            input += requests.estimatedInputTokens(task, model);
          }
        }
      }
      Integer limit = model.parameters().maxOutputTokens();
      long output = attempts * (limit == null ? TaskRequests.DEFAULT_MAX_OUTPUT_TOKENS : limit);
      Double cost = model.price() == null ? null
          : (input * model.price().inputPerMillion() + output * model.price().outputPerMillion()) / 1e6;
      int doneCount = tasks.size() * plan.settings().samples() - attempts;
      models.add(new ModelEstimate(model.name(), attempts, doneCount, input, output, cost));
    }
    return new DryRun(plan.runId(), models);
  }

  private static String key(String model, String taskId, int sample) {
    return model + '\n' + taskId + '\n' + sample;
  }
}

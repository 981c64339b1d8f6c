package dev.parity.reports.report;

import dev.parity.harness.features.DeliverableFeatures;
import dev.parity.judgments.Judgment;
import dev.parity.reports.stats.LengthControl;
import dev.parity.reports.stats.LengthControlled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Each model's length-controlled score, from its judgments against the professionals whose two
 * deliverables have recorded features. The covariates are differences, the model's deliverable's
 * minus the professional's: {@code length}, the sum over the units of length (words, cells,
 * slides, image files) of ln((1 + model's) / (1 + professional's)), so that twice as long is the
 * same step at any length; and {@code tables}, {@code headings}, {@code files}, {@code pages},
 * {@code images}, each (model's − professional's) / (model's + professional's), 0 when both are 0,
 * as Chatbot Arena's style control normalises counts.
 */
final class LengthControls {
  static final List<String> COVARIATES = List.of("length", "tables", "headings", "files", "pages", "images");
  /** Fewer tasks give no figure: a bootstrap over one task says nothing. */
  static final int MINIMUM_TASKS = 2;

  private LengthControls() {}

  /**
   * The figures, and what was left out.
   *
   * @param results one per model with enough judgments whose deliverables have features
   * @param leftOut judgments against the professionals without features on either side
   * @param judgments judgments against the professionals in all
   * @param tooFew models with judgments with features on fewer than {@link #MINIMUM_TASKS} tasks
   */
  record Computed(List<LengthControlResult> results, int leftOut, int judgments, List<String> tooFew) {}

  static Computed compute(List<Judgment> againstBaseline, ReportInput.Features features, ReportSettings settings,
      Executor executor) {
    Map<String, List<LengthControl.Judged>> byModel = new LinkedHashMap<>();
    Map<String, Integer> leftOut = new LinkedHashMap<>();
    for (Judgment j : againstBaseline) {
      // Named as the groups name players: every professional's attempts are one player.
      String player = Players.of(j.model());
      byModel.computeIfAbsent(player, m -> new ArrayList<>());
      DeliverableFeatures model = features.attempts().get(new ReportInput.Deliverable(j.model(), j.taskId(), j.sample()));
      DeliverableFeatures baseline = features.baselines().get(j.taskId());
      if (model == null || baseline == null) {
        leftOut.merge(player, 1, Integer::sum);
      } else {
        byModel.get(player).add(new LengthControl.Judged(j.taskId(), j.outcome().score(), differences(model, baseline)));
      }
    }
    List<String> models = new ArrayList<>();
    List<List<LengthControl.Judged>> inputs = new ArrayList<>();
    List<String> tooFew = new ArrayList<>();
    byModel.forEach((model, judged) -> {
      long tasks = judged.stream().map(LengthControl.Judged::taskId).distinct().count();
      if (tasks >= MINIMUM_TASKS) {
        models.add(model);
        inputs.add(judged);
      } else if (!judged.isEmpty()) {
        tooFew.add(model);
      }
    });
    List<LengthControlled> fitted = Parallel.map(inputs,
        judged -> LengthControl.estimate(COVARIATES, judged, settings.weighting(), settings.refit()), executor);
    List<LengthControlResult> results = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      LengthControlled f = fitted.get(i);
      results.add(new LengthControlResult(models.get(i), f.tasks(), f.judgments(), leftOut.getOrDefault(models.get(i), 0),
          f.rawScore(), f.score(), f.ci() == null ? null : Interval.of(f.ci()), f.slopes(), f.unfitResamples()));
    }
    int left = leftOut.values().stream().mapToInt(Integer::intValue).sum();
    return new Computed(results, left, againstBaseline.size(), tooFew);
  }

  /** The covariates of one pair of deliverables, in the order of {@link #COVARIATES}. */
  static double[] differences(DeliverableFeatures model, DeliverableFeatures baseline) {
    double length = Math.log1p(model.words()) - Math.log1p(baseline.words())
        + Math.log1p(model.cells()) - Math.log1p(baseline.cells())
        + Math.log1p(model.slides()) - Math.log1p(baseline.slides())
        + Math.log1p(model.imageFiles()) - Math.log1p(baseline.imageFiles());
    return new double[] {length, normalised(model.tables(), baseline.tables()),
        normalised(model.headings(), baseline.headings()), normalised(model.files(), baseline.files()),
        normalised(model.pages(), baseline.pages()), normalised(model.images(), baseline.images())};
  }

  private static double normalised(int model, int baseline) {
    return model + baseline == 0 ? 0 : (double) (model - baseline) / (model + baseline);
  }
}

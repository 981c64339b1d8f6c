package dev.parity.reports.report;

import dev.parity.reports.stats.OutcomeCounts;
import dev.parity.reports.stats.TimeHorizon;
import dev.parity.reports.stats.TimeHorizonInterval;
import dev.parity.reports.stats.TimedOutcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Each model's time horizon, from its verdicts and the professionals' minutes. */
final class Horizons {
  private Horizons() {}

  /**
   * Starts the fits of the models with a judgment on a task of known length on {@code executor};
   * returns their horizons when asked, waiting for them then.
   */
  static Supplier<List<TimeHorizonResult>> start(Grouping grouping, TaskFacts facts, ReportSettings settings,
      Executor executor) {
    List<String> models = new ArrayList<>();
    List<List<TimedOutcomes>> inputs = new ArrayList<>();
    for (String model : grouping.models()) {
      List<TimedOutcomes> timed = new ArrayList<>();
      for (Map.Entry<String, OutcomeCounts> task : grouping.overall(model).entrySet()) {
        facts.of(task.getKey()).filter(f -> f.minutes() != null)
            .ifPresent(f -> timed.add(new TimedOutcomes(f.minutes(), task.getValue())));
      }
      if (!timed.isEmpty()) {
        models.add(model);
        inputs.add(timed);
      }
    }
    // One job for every model: models with as many timed tasks share their resamples' draws.
    Supplier<List<TimeHorizonInterval>> fitted =
        Parallel.start(() -> TimeHorizon.bootstrapEach(inputs, settings.refit()), executor);
    return () -> {
      List<TimeHorizonInterval> intervals = fitted.get();
      List<TimeHorizonResult> results = new ArrayList<>();
      for (int i = 0; i < models.size(); i++) {
        results.add(result(models.get(i), inputs.get(i), intervals.get(i)));
      }
      return results;
    };
  }

  private static TimeHorizonResult result(String model, List<TimedOutcomes> timed, TimeHorizonInterval fitted) {
    TimeHorizon h = fitted.estimate();
    double shortest = timed.stream().filter(t -> t.counts().total() > 0).mapToDouble(TimedOutcomes::baselineMinutes)
        .min().orElse(Double.NaN);
    double longest = timed.stream().filter(t -> t.counts().total() > 0).mapToDouble(TimedOutcomes::baselineMinutes)
        .max().orElse(Double.NaN);
    boolean estimated = h.status() == TimeHorizon.Status.ESTIMATED;
    boolean within = estimated && h.horizonMinutes() >= shortest && h.horizonMinutes() <= longest;
    String status = estimated && !within ? "beyond_data" : h.status().name().toLowerCase(Locale.ROOT);
    TimeHorizonResult.Bounds ci = fitted.minutes().map(c -> new TimeHorizonResult.Bounds(
        c.low() >= shortest && c.low() <= longest ? c.low() : null,
        c.high() >= shortest && c.high() <= longest ? c.high() : null)).orElse(null);
    return new TimeHorizonResult(model, status, within ? h.horizonMinutes() : null, ci, shortest, longest,
        estimated ? null : h.lowMinutes(), estimated || !Double.isFinite(h.highMinutes()) ? null : h.highMinutes(),
        estimated ? h.slope() : null, h.tasks(), h.judgments(), fitted.unfitResamples());
  }
}

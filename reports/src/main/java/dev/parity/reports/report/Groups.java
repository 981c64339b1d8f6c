package dev.parity.reports.report;

import dev.parity.reports.stats.BinomialTest;
import dev.parity.reports.stats.BootstrapInterval;
import dev.parity.reports.stats.MinimumDetectableDifference;
import dev.parity.reports.stats.OutcomeCounts;
import dev.parity.reports.stats.PValueAdjustment;
import dev.parity.reports.stats.TaskBootstrap;
import dev.parity.reports.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** The win rates of every model in every group, with their intervals and tests. */
final class Groups {
  private Groups() {}

  /** One model's verdicts per task in one group. */
  private record Group(String model, Grouping.Key key, List<OutcomeCounts> tasks) {}

  /** One group's figures before the p-values are adjusted across the group's family. */
  private record Figures(Grouping.Key key, String model, OutcomeCounts counts, int tasks,
      WilsonInterval wilson, BootstrapInterval bootstrap, OutcomeCounts taskVerdicts,
      BinomialTest signTest, MinimumDetectableDifference detectable) {}

  /**
   * Computes every group; the bootstraps run on {@code executor}. Holm and Benjamini–Hochberg
   * adjust the sign tests' p-values within each family: the groups of one level for one model
   * (every occupation of a model, say).
   */
  static List<GroupResult> compute(Grouping grouping, ReportSettings settings, Executor executor) {
    TaskBootstrap bootstrap = TaskBootstrap.twoStage(settings.bootstrap());
    List<Group> groups = new ArrayList<>();
    for (String model : grouping.models()) {
      grouping.groups(model).forEach((key, tasks) -> groups.add(new Group(model, key, List.copyOf(tasks.values()))));
    }
    List<Figures> computed = Parallel.map(groups, g -> figures(g, bootstrap), executor);
    Map<List<Object>, List<Figures>> families = new LinkedHashMap<>();
    for (Figures f : computed) {
      families.computeIfAbsent(List.of(f.model(), f.key().level()), k -> new ArrayList<>()).add(f);
    }
    List<GroupResult> results = new ArrayList<>();
    for (List<Figures> family : families.values()) {
      double[] p = family.stream().mapToDouble(f -> f.signTest().pTwoSided()).toArray();
      double[] holm = PValueAdjustment.HOLM.adjust(p);
      double[] bh = PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p);
      for (int i = 0; i < family.size(); i++) {
        results.add(result(family.get(i), holm[i], bh[i]));
      }
    }
    return results;
  }

  private static Figures figures(Group group, TaskBootstrap bootstrap) {
    List<OutcomeCounts> tasks = group.tasks();
    OutcomeCounts counts = tasks.stream().reduce(OutcomeCounts.EMPTY, OutcomeCounts::plus);
    OutcomeCounts taskVerdicts = taskVerdicts(tasks);
    return new Figures(group.key(), group.model(), counts, tasks.size(), WilsonInterval.winOrTieRate(counts),
        bootstrap.winOrTieRate(tasks), taskVerdicts, BinomialTest.signTest(taskVerdicts),
        MinimumDetectableDifference.forTasks(tasks.size()));
  }

  /**
   * Each task as one verdict for the sign test: won when the model won more of its judgments than
   * it lost, lost when the reverse, tied otherwise. Tasks are the independent units; a task's
   * several judgments are not several pieces of evidence.
   */
  static OutcomeCounts taskVerdicts(List<OutcomeCounts> tasks) {
    int won = 0;
    int tied = 0;
    int lost = 0;
    for (OutcomeCounts t : tasks) {
      if (t.wins() > t.losses()) {
        won++;
      } else if (t.wins() < t.losses()) {
        lost++;
      } else {
        tied++;
      }
    }
    return OutcomeCounts.of(won, tied, lost);
  }

  private static GroupResult result(Figures f, double holm, double bh) {
    OutcomeCounts c = f.counts();
    double detectable = f.detectable().difference();
    return new GroupResult(f.key().level(), f.key().name(), f.model(), f.tasks(), c.total(),
        c.wins(), c.ties(), c.losses(), c.winRate(), c.winOrTieRate(), c.score(),
        Interval.of(f.wilson().interval()), Interval.of(f.bootstrap().interval()),
        f.taskVerdicts().wins(), f.taskVerdicts().losses(), f.signTest().pTwoSided(), holm, bh,
        Double.isNaN(detectable) ? null : detectable, f.detectable().tooFewToTell());
  }
}

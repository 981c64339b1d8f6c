package dev.parity.reports.report;

import dev.parity.reports.stats.MinimumDetectableDifference;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How every figure of a report was computed, in words, keyed as the figures are in report.json. */
final class Methods {
  private Methods() {}

  static Map<String, String> describe(ReportSettings settings, String graders) {
    int b = settings.bootstrap().resamples();
    long seed = settings.bootstrap().seed();
    int refit = settings.refitResamples();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("judgments", "Win rates, tests and ratings count the " + graders + " graders' verdicts; "
        + "a verdict repeated exactly (the same grader, item and outcome from two sources) counts once, "
        + "and a model judge asked several times about one item counts once, with its majority verdict.");
    m.put("win_or_tie_rate", "(wins + ties) / judgments, over every judgment of the model against the "
        + "professional's deliverable in the group; the headline figure.");
    m.put("win_rate", "wins / judgments.");
    m.put("score", "GDPval's score: the mean over judgments of win = 1, tie = 0.5, loss = 0.");
    m.put("ci_wilson", "95% Wilson score interval of the win-or-tie rate, without continuity "
        + "correction, treating every judgment as independent. Judgments of one task (several "
        + "graders, several samples) are not independent, so this interval is too narrow when tasks "
        + "have several judgments; it is shown for comparison with the bootstrap.");
    m.put("ci_bootstrap", String.format(Locale.ROOT, "95%% percentile interval (R-7 quantiles) of the "
        + "win-or-tie rate from a two-stage bootstrap that resamples tasks with replacement, then the "
        + "judgments within each drawn task; B = %,d resamples, seed %d. It counts a task's several "
        + "judgments as one task's worth of evidence.", b, seed));
    m.put("sign_test_p", "Exact two-sided sign test against parity over tasks: a task counts as won "
        + "when the model won more of its judgments than it lost, lost when the reverse, and is "
        + "dropped when even; p is the exact binomial test of the won tasks among won and lost "
        + "against 1/2 (R's binom.test).");
    m.put("p_holm", "The sign test's p-value adjusted by Holm's step-down method within each "
        + "family of tests: the groups of one level (every sector, every occupation, …) for one "
        + "model. Controls the chance of any false finding in the family.");
    m.put("p_bh", "The sign test's p-value adjusted by Benjamini and Hochberg's step-up method "
        + "within the same families. Controls the expected share of false findings.");
    m.put("minimum_detectable_difference", "The smallest distance from 50% that the group's number "
        + "of tasks would detect with 80% power by the exact two-sided test at α = 0.05, each task "
        + "one trial (exact binomial power, not a normal approximation).");
    m.put("too_few_to_tell", "Groups with fewer than " + MinimumDetectableDifference.TOO_FEW_TASKS
        + " tasks: below that, even a model that wins or ties three times in four can look like "
        + "parity. Their figures are shown greyed and should not be read as a finding.");
    m.put("file_type", "A task counts in the group of each file type its deliverable must come in.");
    m.put("task_length", "Tasks grouped by the professional's recorded minutes: under 2 hours, 2 to "
        + "4, 4 to 8, and 8 or more.");
    m.put("rubric", String.format(Locale.ROOT, "GDPval's rubric score of a deliverable: the points "
        + "earned (each criterion's share earned × its points, penalties included; a criterion scored "
        + "by several graders takes the mean share) over the sum of the rubric's positive points, "
        + "clipped to [0, 1]. A model's score on a task is the mean over its samples. The difference "
        + "from the professional is averaged over tasks scored for both, with a task-bootstrap 95%% "
        + "interval (B = %,d, seed %d), and tested by the Wilcoxon signed-rank test (two-sided, zero "
        + "differences dropped, exact up to 50 non-zero differences and with ties, else the normal "
        + "approximation with continuity correction).", b, seed));
    m.put("ratings", String.format(Locale.ROOT, "Bradley–Terry ratings on the Elo scale (400 points: "
        + "10 to 1 odds), fitted by maximum likelihood on every pairwise judgment (models against "
        + "the professionals and against each other), a tie counting as half a win to each side, "
        + "with the professionals' baseline anchored at 1000. 95%% percentile intervals from %,d "
        + "task-bootstrap refits (seed %d); resamples that cannot be fitted are left out and counted. "
        + "When some player never lost (or never won), no finite rating exists and none is shown.",
        refit, seed));
    m.put("agreement", "An item is one pair of deliverables (a model's sample against its opponent "
        + "on a task); ratings are verdict scores (win 1, tie ½, loss 0). human_human compares humans "
        + "among themselves; model_human each model judge against the humans who graded the same "
        + "items. gdpval: the mean over pairs of ratings of an item of 1 − |s₁ − s₂|, averaged over "
        + "items (GDPval). percent: exact agreement over pairs; percent_without_ties: over pairs "
        + "where neither said tie. cohen_kappa: Cohen's kappa, unweighted, over those pairs. "
        + "fleiss_kappa: Fleiss' kappa over the items with the most common number of ratings. "
        + "krippendorff_alpha_ordinal: Krippendorff's alpha with the ordinal metric, all items, "
        + "missing ratings allowed. leave_one_out: each rating (the judge's) against the majority "
        + "of the other ratings of its item, a split majority giving 1/k credit (AlpacaEval). A judge "
        + "is flagged when its gdpval agreement with humans is below the humans' with each other.");
    m.put("time_horizon", String.format(Locale.ROOT, "After METR: a logistic regression of each "
        + "judgment's win-or-tie (1) or loss (0) on log2 of the professional's minutes; the horizon "
        + "is the length at which the fitted probability is 50%%. 95%% percentile interval from %,d "
        + "task-bootstrap refits (seed %d), on log minutes. When length separates wins from losses "
        + "perfectly, no finite fit exists and only the bracket the data allow is given.", refit, seed));
    m.put("economics", "GDPval's workflows, per task averaged over the group's tasks with a "
        + "professional's time and a measured model attempt. H: the professional's minutes (cost: "
        + "minutes × hourly wage). M: the model's minutes per attempt (the answering call's latency; "
        + "cost: the API cost). R: minutes to review one attempt (cost at the professional's wage). "
        + "w: the group's win-or-tie rate. naive = H/M; try once = H/(M + R + (1 − w)·H); try n = "
        + "H/((M + R)·(1 − (1 − w)ⁿ)/w + (1 − w)ⁿ·H), n = " + settings.tries() + ". Above 1 the model "
        + "saves time (or money). The ranges take w at the ends of its bootstrap interval, times fixed.");
    m.put("review_minutes", settings.reviewMinutes() != null
        ? String.format(Locale.ROOT, "R = %s minutes, given by the user.", Numbers.plain(settings.reviewMinutes()))
        : "R is the mean of the human graders' recorded minutes on the group's judgments against "
            + "the professionals (on all judgments when the group has none recorded).");
    m.put("trend", "Each model's overall win-or-tie rate and bootstrap interval at its release date "
        + "(from the run's models file).");
    return m;
  }
}

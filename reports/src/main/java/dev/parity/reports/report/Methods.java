package dev.parity.reports.report;

import dev.parity.reports.stats.Weighting;
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
    boolean perTask = settings.weighting() == Weighting.TASK;
    String weighted = perTask ? "each task weighing the same (a task's judgments are averaged first)"
        : "each judgment weighing the same";
    m.put("score", "The headline and the verdict's statistic: (wins + ties/2) / judgments, " + weighted
        + ". 50% means as good as the professionals. It is chosen over the win-or-tie rate because a tie is "
        + "half-way between a win and a loss: a model exactly as good as the professionals scores 50% "
        + "whatever the share of ties, while its win-or-tie rate is 50% plus half the ties. Weighting tasks "
        + "equally follows GDPval and keeps a task graded many times from outweighing the others"
        + (perTask ? " (per-judgment weighting is an option: --weighting judgment)." : " (this report was asked for per-judgment weighting)."));
    m.put("score_ci", String.format(Locale.ROOT, "95%% interval from a bootstrap that resamples whole "
        + "tasks with replacement, each with its judgments as observed; B = %,d resamples, seed %d. It counts "
        + "a task's several judgments as one task's worth of evidence. Each resample draws from all of a "
        + "model's tasks and serves every group: a group's replicate is its rate over its drawn tasks. The interval is Hesterberg's expanded "
        + "percentile interval (R-7 quantiles at the level whose normal critical value is √(n/(n − 1))·t(n − 1), "
        + "n tasks): a plain percentile interval is too narrow with few tasks (85%% coverage at 5 tasks, 93%% "
        + "at 30 in a seeded simulation), the expanded one covers 94–96%% at 30 tasks for within-task "
        + "correlations 0 to 0.6. Redrawing judgments within each drawn task as well (a two-stage bootstrap, used "
        + "before format version 2) counts the within-task variation twice and made intervals about "
        + "25%% too wide when graders of a task disagree a lot. With fewer than 5 tasks, or when the "
        + "bootstrap interval has no width (every task with the same score), the Wilson interval over tasks is given instead "
        + "(score_ci_method wilson_tasks): a zero-width interval would claim a certainty the data do not have.", b, seed));
    m.put("verdict", "better (or worse) than the professionals when the score's interval lies wholly "
        + "above (or below) 50%; otherwise not distinguishable. Within a level with k groups for a model "
        + "(k sectors, say) the interval read is the Bonferroni-adjusted one (score_ci_adjusted, level "
        + "1 − 0.05/k), so that the chance of any false verdict among them stays at 5%; the overall "
        + "level is a family of one. A group with fewer than " + ReportSettings.MINIMUM_TASKS + " tasks gets "
        + "no verdict (too_few_tasks).");
    m.put("too_few_to_tell", "Groups with fewer than " + ReportSettings.MINIMUM_TASKS + " tasks show their "
        + "score and interval but no verdict. The minimum is set so that GDPval's gold subset reads as it "
        + "can: its sectors (20–25 tasks) get a verdict, its occupations (5 tasks) do not. With 5 tasks the "
        + "score's interval spans about 57 points and rests on 126 possible resamples: it excludes 50% only "
        + "when a model wins or loses nearly everything, and then largely by the luck of 5 tasks. From 20 "
        + "tasks it spans about 26 points and covers close to 95%.");
    m.put("win_or_tie_rate", "(wins + ties) / judgments, " + weighted + ": GDPval's figure, given so "
        + "that results compare with GDPval's. It is never compared with 50% on its own: ties count in it "
        + "as wins, so a model exactly as good as the professionals is above 50% whenever graders tie.");
    m.put("win_rate", "wins / judgments, " + weighted + ".");
    m.put("win_rate_without_ties", "wins / (wins + losses), " + weighted + ": how decisive judgments split.");
    m.put("ci_wilson", "95% Wilson score interval of the win-or-tie rate over judgments, without "
        + "continuity correction, treating every judgment as independent. Judgments of one task (several "
        + "graders, several samples) are not independent, so this interval is too narrow when tasks "
        + "have several judgments; it is in report.json for comparison only.");
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
    m.put("agreement", String.format(Locale.ROOT, "An item is one pair of deliverables (a model's sample against "
        + "its opponent on a task); ratings are verdict scores (win 1, tie ½, loss 0). human_human compares humans "
        + "among themselves; model_human each model judge against the humans who graded the same "
        + "items. gdpval: the mean over pairs of ratings of an item of 1 − |s₁ − s₂|, averaged over "
        + "items (GDPval). percent: exact agreement over pairs; percent_without_ties: over pairs "
        + "where neither said tie. cohen_kappa: Cohen's kappa, unweighted; for a judge over the pairs of its "
        + "and each human's ratings of an item; for humans, each pair of humans' kappa over the items both rated, "
        + "averaged over the pairs weighted by those items (a pair whose kappa is undefined is left out), so that "
        + "it does not depend on the order of the graders. "
        + "fleiss_kappa: Fleiss' kappa over the items with the most common number of ratings. "
        + "krippendorff_alpha_ordinal: Krippendorff's alpha with the ordinal metric, all items, "
        + "missing ratings allowed. leave_one_out: each rating (the judge's) against the majority "
        + "of the other ratings of its item, a split majority giving 1/k credit (AlpacaEval). Every figure has "
        + "a 95%% percentile interval (R-7 quantiles) from a bootstrap over the items humans rated: %,d resamples, "
        + "seed %d, items and graders sorted first so that the input order changes nothing; a resample on "
        + "which a figure is undefined is left out of its interval. difference_from_humans: a judge's gdpval "
        + "minus the humans', both computed on each resample (the judge on the drawn items it rated), so the "
        + "interval is of the difference itself. A judge is flagged (below_human_agreement) only when that "
        + "interval lies wholly below zero: a difference of a fraction of a point with an interval from −8 to "
        + "+6 points is noise, not a finding.", refit, seed));
    m.put("length_control", String.format(Locale.ROOT, "A secondary figure beside the verdict, after "
        + "AlpacaEval's length-controlled win rate: per model, a logistic regression of each judgment's score "
        + "(win 1, tie ½, loss 0, weighted as the score's) on the differences between the model's deliverable and the "
        + "professional's in length and form, reported at zero difference (σ of the intercept): what the model "
        + "would score against a deliverable like its own in length and form. Length is counted per format "
        + "(words of DOCX, PDF, Markdown and text; non-empty cells of XLSX and CSV; slides of PPTX; image files) "
        + "and enters as the sum over those units of ln((1 + model's) / (1 + professional's)); tables, headings, "
        + "files, pages and pictures each as (model's − professional's) / (model's + professional's). Each "
        + "difference is divided by its standard deviation over the model's judgments (not centred); one that "
        + "does not vary is left out. The slopes carry a ridge penalty (λ = %s: a normal prior of standard "
        + "deviation 2 on the log-odds per standard deviation), so that a judge that always picks the longer "
        + "deliverable still has a finite fit, the intercept none. 95%% interval: the expanded percentile "
        + "interval of a bootstrap over tasks that refits each resample (%,d resamples, seed %d). The features "
        + "are read once per file when runs record deliverables and baselines (docs/store.md#file-features); "
        + "judgments whose two deliverables do not both have them are left out, and the notes say how many.",
        dev.parity.reports.stats.LengthControl.RIDGE, refit, seed));
    m.put("position_bias", "Per human grader, the share of decisive judgments (ties excluded) that chose the "
        + "deliverable shown on the left (A); per model judge, the share of decisive calls that chose the one shown "
        + "first (A), each of a judgment's two calls counting once. 95% Wilson interval; exact two-sided binomial "
        + "test against 1/2 (R's binom.test). Ties are left out because they prefer neither position. The p-values "
        + "of every grader and judge are adjusted together by Holm's method, and a grader or judge is flagged (a "
        + "warning on top of the report) when its adjusted p is below 0.05: with many graders some would pass an "
        + "unadjusted test by chance. A judge's two calls on one pair are not independent, so for a judge that "
        + "answers consistently the test is conservative; for one that always answers A they are two choices of A. "
        + "consistency: for a judge asked in both orders, the share of its judgments whose two orders gave the same "
        + "outcome, with a 95% Wilson interval. Judgments that record no side or order are left out.");
    m.put("judge_gating", "Per occupation and model judge, the agreement figures above computed on that "
        + "occupation's judgments alone, with their bootstrap intervals: with_majority is the judge's "
        + "leave_one_out (agreement with the majority of the item's humans), with_humans its gdpval (with each "
        + "human), humans the humans' gdpval with each other there. The judge may stand in for humans in the "
        + "occupation (qualified) when the interval of its difference from the humans does not lie wholly below "
        + "zero, and never without a human–human figure to compare with. With few items the interval is wide and "
        + "rarely excludes zero: read qualified as 'not shown to agree less', not as proof of agreeing as well.");
    m.put("judge_only", "When the report's verdicts are the model judges' (no human judged a model against the "
        + "professionals), the figures of an occupation rest on judges alone. An occupation is labelled, on the page "
        + "and in judge_only, when a judge whose verdicts count there is not qualified by judge_gating to stand in "
        + "for the humans there (below_human_agreement), or no human graded the items it graded there, so that it "
        + "was never checked (not_checked). Read those figures as the judge's opinion, not the experts'.");
    m.put("time_horizon", String.format(Locale.ROOT, "After METR: a logistic regression of each "
        + "judgment's win-or-tie (1) or loss (0) on log2 of the professional's minutes; the horizon "
        + "is the length at which the fitted probability is 50%%. 95%% percentile interval from %,d "
        + "task-bootstrap refits (seed %d), on log minutes. When length separates wins from losses "
        + "perfectly, no finite fit exists and only the bracket the data allow is given. The horizon is "
        + "given only within the lengths of the tasks judged: a fit that puts it beyond them is reported as "
        + "beyond the data (a logistic curve extrapolated past the data gave horizons like 57 hours from "
        + "tasks of at most 18), and an interval bound beyond them as beyond the shortest or longest task.", refit, seed));
    m.put("economics", "GDPval's workflows, per task averaged over the group's tasks with a "
        + "professional's time and a measured model attempt. H: the professional's minutes (cost: "
        + "minutes × hourly wage). M: the model's minutes per attempt (the answering call's latency; "
        + "cost: the API cost). R: minutes to review one attempt (cost at the professional's wage). "
        + "w: the group's win-or-tie rate (an attempt as good as the professional's or better needs no redoing). naive = H/M; try once = H/(M + R + (1 − w)·H); try n = "
        + "H/((M + R)·(1 − (1 − w)ⁿ)/w + (1 − w)ⁿ·H), n = " + settings.tries() + ". Above 1 the model "
        + "saves time (or money). The ranges take w at the ends of its bootstrap interval, times fixed.");
    m.put("review_minutes", settings.reviewMinutes() != null
        ? String.format(Locale.ROOT, "R = %s minutes, given by the user.", Numbers.plain(settings.reviewMinutes()))
        : "R is the mean of the human graders' recorded minutes on the group's judgments against "
            + "the professionals (on all judgments when the group has none recorded).");
    m.put("trend", "Each model's overall score and its interval at its release date "
        + "(from the run's models file).");
    return m;
  }
}

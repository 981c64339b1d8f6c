package dev.parity.cli;

import dev.parity.graders.grading.GradingPass;
import dev.parity.graders.grading.JudgmentWork;
import dev.parity.harness.work.WorkQueue;
import dev.parity.graders.judge.OrderSwap;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.run.NoSuchRunException;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.core.ParityException;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.documents.PageRenderers;
import dev.parity.documents.PdfPageRenderer;
import dev.parity.harness.client.InputKind;
import dev.parity.store.Database;
import dev.parity.tasks.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity grade --run ID [--judge SPEC] [--rubric] [--pairwise]}: automated grading of a run. */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
        "Grades a run's deliverables with rubric checks, model judges or both.",
        "--rubric: each criterion's check, and the judge for criteria without one; --pairwise: the judge",
        "compares each deliverable with the professional's, in both orders; --pair A,B: model against model.",
        "Resumable: what is stored is never asked again. Judge calls keep the model's limits and retries."
    },
    footer = {
        "",
        "Examples:",
        "  parity grade --run demo --rubric                                  # deterministic checks only",
        "  parity grade --run gdpval-1 --judge openai:gpt-5 --rubric --pairwise",
        "  parity grade --run gdpval-1 --judge anthropic:claude-opus-4-1 --pairwise --samples-per-judgment 3",
        "  parity grade --run gdpval-1 --judge openai:gpt-5 --pairwise --on-disagreement third-call --seed 7",
        "  parity grade --run gdpval-1 --judge openai:gpt-5 --pairwise --budget-usd 20",
        "  parity grade --run gdpval-1 --judge openai:gpt-5 --pair gpt-5,claude-opus-4-1",
        "  parity grade --run gdpval-1 --judge openai:gpt-5 --pairwise --max-pages 10 --long-edge 768",
        "  parity grade --run gdpval-1 --judge opus --models models.yaml --pairwise --dry-run",
        "  parity grade --run gdpval-1 --judge openai:gpt-5 --pairwise --occupation 'Registered Nurses'",
        "  parity grade --run gdpval-1 --judge openai:gpt-5 --pairwise --sample 44 --stratify occupation --seed 7",
        "  parity grade --run gdpval-1 --judge openai:gpt-5 --pairwise --db postgresql://ann@db/parity   # workers help"
    })
final class GradeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOption store;

  @Option(names = "--run", required = true, paramLabel = "ID", description = "The run to grade.")
  String runId;

  @Option(names = "--judge", paramLabel = "SPEC",
      description = "The model judge, as PROVIDER:MODEL[@BASE_URL] (e.g. openai:gpt-5, replay:DIR), or the name"
          + " of a model in --models FILE.")
  String judgeSpec;

  @Option(names = "--models", paramLabel = "FILE",
      description = "A models file (docs/models.md) that configures the judge named by --judge: its limits,"
          + " price and what it accepts (accepts: [image, pdf]).")
  Path modelsFile;

  @Option(names = "--max-pages", paramLabel = "N", defaultValue = "20",
      description = "The most pages of each file a judge that reads images is shown (default ${DEFAULT-VALUE}).")
  int maxPages;

  @Option(names = "--long-edge", paramLabel = "PX", defaultValue = "1024",
      description = "The long edge of each page image a judge is shown, in pixels (default ${DEFAULT-VALUE}).")
  int longEdge;

  @Option(names = "--dry-run",
      description = "Count the judge calls and their input tokens (text and page images) and estimate the cost;"
          + " send nothing, store no judgment (the pages drawn are cached for the pass).")
  boolean dryRun;

  @Option(names = "--rubric", description = "Grade rubric criteria (checks; the judge for the others).")
  boolean rubric;

  @Option(names = "--pairwise", description = "Judge each deliverable against the baseline, both orders.")
  boolean pairwise;

  @Option(names = "--pair", paramLabel = "MODEL_A,MODEL_B", split = ";",
      description = "Also judge MODEL_A's deliverables against MODEL_B's (same task and sample), for"
          + " ratings among models; repeatable.")
  java.util.List<String> pairs = new java.util.ArrayList<>();

  @Option(names = "--samples-per-judgment", paramLabel = "N", defaultValue = "1",
      description = "Repeat each pairwise judgment N times (default 1).")
  int samplesPerJudgment;

  @Option(names = "--on-disagreement", paramLabel = "tie|third-call", defaultValue = "tie",
      description = "When the two orders disagree outright: count a tie (default) or ask a third time.")
  String onDisagreement;

  @Option(names = "--suite", paramLabel = "PATH",
      description = "The run's suite, if it moved since the run (default: where the run found it).")
  Path suitePath;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Pieces of grading at once (default 8); the judge's own limits still apply.")
  int concurrency;

  @Option(names = "--max-retries", paramLabel = "N", defaultValue = "6",
      description = "Retries of a judge call that failed for a reason that may pass (default 6).")
  int maxRetries;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10m",
      description = "Longest one judge call may take (default 10m).")
  Duration timeout;

  @Option(names = "--budget-usd", paramLabel = "USD", description = "Start no judge work past this spend.")
  Double budgetUsd;

  @Option(names = "--lease", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "On PostgreSQL: how long a claim holds a judgment unless renewed, e.g. 30s (default: 60s).")
  Duration lease;

  @Mixin TaskSelectionOptions tasks;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + GradingPass.DEFAULT_SEED,
      description = "Seed of every random choice (the order of a third call, --sample); the same seed gives the"
          + " same judgments (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws InterruptedException {
    if (!rubric && !pairwise && pairs.isEmpty()) {
      throw new ParityException("nothing to grade: give --rubric, --pairwise, --pair A,B or several");
    }
    java.util.List<java.util.List<String>> modelPairs = new java.util.ArrayList<>();
    for (String pair : pairs) {
      String[] models = pair.split(",");
      if (models.length != 2 || models[0].isBlank() || models[1].isBlank()) {
        throw new ParityException("--pair takes two model names separated by a comma, not \"" + pair + "\"");
      }
      modelPairs.add(java.util.List.of(models[0].strip(), models[1].strip()));
    }
    OrderSwap.Disagreement rule = switch (onDisagreement.toLowerCase(Locale.ROOT)) {
      case "tie" -> OrderSwap.Disagreement.TIE;
      case "third-call", "third_call" -> OrderSwap.Disagreement.THIRD_CALL;
      default -> throw new ParityException("--on-disagreement must be tie or third-call, not " + onDisagreement);
    };
    PrintWriter out = spec.commandLine().getOut();
    try (Database database = store.openExisting()) {
      Store opened = new Store(database);
      Run run = opened.findRun(runId).orElseThrow(() -> new NoSuchRunException(runId, opened));
      Suite suite = suite(run, suitePath);
      ModelCaller judge = null;
      if (judgeSpec != null) {
        ModelClients clients = ModelClients.builder().registerInstalled().build();
        judge = ModelCaller.create(clients.create(JudgeModel.config(judgeSpec, modelsFile, clients.providers())),
            maxRetries);
      } else if (dryRun) {
        throw new ParityException("--dry-run counts what a judge would be asked: give --judge");
      }
      java.util.Set<String> selected = tasks.given() ? tasks.selection(seed).selectedIds(suite) : null;
      try (PageRenderers.Opened pages = renderers(judge)) {
        pages.officeMissing().ifPresent(why -> out.println("Note: DOCX, XLSX and PPTX files go to the judge as text"
            + " with a note, not as pages: " + why));
        GradingPass.Options options = new GradingPass.Options(rubric, pairwise, modelPairs, samplesPerJudgment, rule,
            budgetUsd, concurrency, timeout, seed, pageOptions());
        PageRenderer renderer = pages.renderer();
        if (dryRun) {
          print(GradingPass.estimate(opened, suite, runId, judge, judgeSpec, renderer, options, selected),
              judge.config(), out);
          out.flush();
          return 0;
        }
        GradingPass pass = new GradingPass(opened, suite, runId, judge, judgeSpec, renderer, Clock.systemUTC(),
            options);
        // On PostgreSQL the judgments are units of work that `parity worker` processes share.
        GradingPass.Summary summary = judge != null && WorkQueue.supports(database)
            ? pass.grade(selected, JudgmentWork.open(database, Clock.systemUTC(),
                lease != null ? lease : WorkQueue.DEFAULT_LEASE, WorkQueue.newWorkerName()),
                new JudgmentWork.Job(runId, judgeSpec, judge.config(), rule, seed, timeout, pageOptions(), budgetUsd))
            : pass.grade(selected);
        print(summary, out);
        out.flush();
        return summary.judgeFailures() == 0 && summary.stopReason() == null ? 0 : 1;
      } finally {
        if (judge != null) {
          judge.close();
        }
      }
    }
  }

  /** The run's suite, from {@code moved} if given, checked to be the one the run used. */
  static Suite suite(Run run, Path moved) {
    Path path = moved != null ? moved : run.suitePath();
    Suite suite = Suites.loader().load(path);
    if (!suite.contentHash().equals(run.suiteHash())) {
      throw new ParityException("the suite at " + path + " is not the one run " + run.id() + " used (hash "
          + suite.contentHash() + ", the run's " + run.suiteHash() + ")");
    }
    return suite;
  }

  /** What draws pages: LibreOffice is started only for a judge that is shown pages; checks alone draw nothing. */
  static PageRenderers.Opened renderers(ModelCaller judge) {
    return judge != null && judge.config().accepted().contains(InputKind.IMAGE)
        ? PageRenderers.open() : new PageRenderers.Opened(new PdfPageRenderer(), Optional.empty());
  }

  private PageOptions pageOptions() {
    try {
      return new PageOptions(maxPages, longEdge);
    } catch (IllegalArgumentException e) {
      throw new ParityException("--max-pages and --long-edge: " + e.getMessage());
    }
  }

  private void print(GradingPass.Estimate e, ModelConfig judge, PrintWriter out) {
    out.printf("Dry run: grading run %s would ask %s (nothing was sent; the pages drawn are kept for the pass)%n",
        runId, judge.name());
    out.printf(Locale.ROOT, "  judge calls   %,d (one try each; third calls of split judgments not counted)%n",
        e.calls());
    out.printf(Locale.ROOT, "  input tokens  ~%,d: ~%,d text, ~%,d for %,d page images and PDFs (%s)%n",
        e.textTokens() + e.imageTokens(), e.textTokens(), e.imageTokens(), e.attachments(),
        judge.accepted().isEmpty() ? "this judge is sent text only"
            : "accepts " + judge.accepted().stream().map(InputKind::id).toList() + ", up to " + maxPages
                + " pages of " + longEdge + " px per file");
    out.println(e.costUsd() == null ? "  cost          unknown: no price for " + judge.name()
        + " (give one in --models FILE)" : String.format(Locale.ROOT,
        "  cost          ~$%.4f (answers counted at %d tokens each)", e.costUsd(),
        judge.parameters().maxOutputTokens() == null ? 1000 : judge.parameters().maxOutputTokens()));
  }

  private void print(GradingPass.Summary s, PrintWriter out) {
    out.printf("Graded run %s%n", runId);
    if (rubric) {
      out.printf("  rubric      %d scored by checks, %d by the judge, %d kept from before", s.scoresByCheck(),
          s.scoresByJudge(), s.scoresKept());
      out.println(s.criteriaWithoutGrader() > 0
          ? "; " + s.criteriaWithoutGrader() + " criteria need a judge (--judge)" : "");
    }
    if (pairwise || !pairs.isEmpty()) {
      out.printf("  pairwise    %d judgments made, %d kept from before%n", s.judgmentsMade(), s.judgmentsKept());
    }
    if (onDisagreement.toLowerCase(Locale.ROOT).startsWith("third")) {
      out.printf("  seed        %d (the order of each third call; the same seed gives the same judgments)%n", seed);
    }
    s.skipped().forEach(note -> out.println("  skipped     " + note));
    out.printf("  failures    %d judge failures (recorded, never counted as losses)%n", s.judgeFailures());
    out.printf(Locale.ROOT, "  cost        $%.4f%n", s.costUsd());
    if (s.stopReason() != null) {
      out.println("  stopped     " + s.stopReason() + ": run the same command again to go on");
    }
    if (s.takenOver() > 0) {
      out.println("  taken over  " + s.takenOver() + " judgments from workers whose lease ran out: the judge calls"
          + " they had in flight may have been paid without being recorded (not in the cost above)");
    }
    out.println("Summary: parity judgments --run " + runId + " --db " + store.name());
  }
}

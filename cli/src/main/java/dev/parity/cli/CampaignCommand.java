package dev.parity.cli;

import dev.parity.graders.campaign.Accounts;
import dev.parity.graders.campaign.Assignments;
import dev.parity.graders.campaign.CampaignCreated;
import dev.parity.graders.campaign.CampaignProgress;
import dev.parity.graders.campaign.CampaignSettings;
import dev.parity.graders.campaign.CampaignSummary;
import dev.parity.graders.campaign.Campaigns;
import dev.parity.graders.campaign.CandidateFolder;
import dev.parity.graders.campaign.RenderedView;
import dev.parity.graders.campaign.Candidate;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.harness.run.NoSuchRunException;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.core.ParityException;
import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import dev.parity.tasks.Task;
import dev.parity.graders.campaign.Grader;
import dev.parity.graders.campaign.GraderRoster;
import dev.parity.graders.campaign.PacketPages;
import dev.parity.graders.campaign.Packets;
import dev.parity.graders.pages.PacketPageImages;
import dev.parity.graders.pages.PageCache;
import dev.parity.graders.pages.RenderKey;
import dev.parity.graders.pages.RenderQueue;
import dev.parity.documents.PageRenderers;
import dev.parity.core.ParityException;
import dev.parity.tasks.Suite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parity campaign …}: blind human grading campaigns. */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    description = "Blind human grading campaigns: create, follow, invite graders, offline packets.",
    subcommands = {
        CampaignCommand.Create.class,
        CampaignCommand.Status.class,
        CampaignCommand.Invite.class,
        CampaignCommand.ExportPackets.class,
        CampaignCommand.ImportGrades.class,
        CommandLine.HelpCommand.class
    })
final class CampaignCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: try 'parity campaign create', 'status', 'invite', 'export-packets' or 'import-grades'");
  }

  /** {@code parity campaign create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
          "Pairs each model deliverable with its task's baseline, blinded, and assigns each pair to graders of the "
              + "task's occupation: balanced load, never the same task twice for a grader, left and right drawn at "
              + "random, attention checks mixed in.",
          "Deliverables come from a folder laid out as DIR/<model>/<task id>/<files>."
      },
      footer = {
          "",
          "Examples:",
          "  parity campaign create --suite suites/sample --deliverables out/ --graders graders.csv --per-pair 3",
          "  parity campaign create --suite s --deliverables out/ --graders graders.csv --per-pair 2 \\",
          "      --models gpt-5,claude --attention-rate 0.05 --rubric --name q3-review --seed 7"
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption db;

    @Option(names = "--run", paramLabel = "ID",
        description = "Pair the completed attempts of this run (in --db) with their tasks' baselines.")
    String runId;

    @Option(names = "--suite", paramLabel = "PATH",
        description = "The suite the tasks come from (default with --run: the run's suite).")
    Path suite;

    @Option(names = "--deliverables", paramLabel = "DIR",
        description = "Instead of --run: the models' deliverables made elsewhere, DIR/<model>/<task id>/<files>.")
    Path deliverables;

    @Option(names = "--models", split = ",", paramLabel = "NAMES", description = "Only these models (default: every model folder).")
    List<String> models = new ArrayList<>();

    @Option(names = "--graders", required = true, paramLabel = "FILE",
        description = "The roster: graders.csv with id, display_name, email, occupations (separated by ;), role.")
    Path graders;

    @Option(names = "--per-pair", defaultValue = "3", paramLabel = "K", description = "Graders per pair (default 3).")
    int perPair;

    @Option(names = "--attention-rate", defaultValue = "0.05", paramLabel = "RATE",
        description = "Share of each grader's assignments that are attention checks, 0 to 0.5 (default 0.05).")
    double attentionRate;

    @Option(names = "--name", paramLabel = "NAME", description = "A unique name (default: campaign-<date and time>).")
    String name;

    @Option(names = "--seed", paramLabel = "N", description = "Seeds every random choice (default: a random seed, recorded).")
    Long seed;

    @Mixin TaskSelectionOptions tasks;

    @Option(names = "--rubric", description = "Graders also score each side against the task's rubric.")
    boolean rubric;

    @Option(names = "--min-rationale", defaultValue = "40", paramLabel = "CHARS",
        description = "The shortest rationale accepted with a verdict (default 40 characters).")
    int minRationale;

    @Option(names = "--json", description = "Print the campaign as JSON.")
    boolean json;

    @Override
    public Integer call() {
      if ((runId == null) == (deliverables == null)) {
        throw new ParityException("give either --run ID (a run's attempts) or --deliverables DIR (files made elsewhere)");
      }
      List<Grader> roster = roster(graders);
      if (runId == null && suite == null) {
        throw new ParityException("--deliverables needs --suite PATH: the suite the tasks come from");
      }
      CampaignCreated created;
      int queued;
      String drawnBy;
      try (Database database = db.open(); PageRenderers.Opened renderer = PageRenderers.open()) {
        created = create(database, roster);
        // The renders are recorded as queued; 'parity serve' draws them in the background.
        queued = new PageCache(database, Clock.systemUTC()).queue(RenderKey.drawable(
            new Campaigns(database, database.blobs(), Clock.systemUTC()).files(created.campaign().id()),
            renderer.renderer(), PageImages.OPTIONS)).size();
        drawnBy = PageImages.describe(renderer);
      }
      PrintWriter out = spec.commandLine().getOut();
      CampaignSummary c = created.campaign();
      if (json) {
        out.println(Json.write(Map.of("campaign", c, "notes", created.notes())));
      } else {
        out.printf("Created campaign %s (seed %d): %d pairs, %d attention checks, %d assignments for %d graders.%n",
            c.name(), c.settings().seed(), c.pairs(), c.attentionChecks(), c.assignments(), roster.size());
        created.notes().forEach(note -> out.println("note: " + note));
        out.printf("%s: %d files queued to draw; 'parity serve' draws them in the background.%n", drawnBy, queued);
        out.println("Next: 'parity campaign invite --all' for invite links, then 'parity serve'.");
      }
      out.flush();
      return 0;
    }

    private CampaignCreated create(Database database, List<Grader> roster) {
      Suite loaded;
      List<Candidate> candidates;
      String source;
      if (runId != null) {
        Store store = new Store(database);
        Run run = store.findRun(runId).orElseThrow(() -> new NoSuchRunException(runId, store));
        loaded = Suites.loader().load(suite != null ? suite : run.suitePath());
        candidates = fromRun(store, loaded, database.blobs());
        source = loaded.name() + " " + loaded.version() + " + run " + runId;
      } else {
        loaded = Suites.loader().load(suite);
        candidates = CandidateFolder.read(loaded, deliverables, models, database.blobs());
        source = loaded.name() + " " + loaded.version() + " + " + deliverables;
      }
      long chosenSeed = seed != null ? seed : new SecureRandom().nextLong();
      candidates = selected(candidates, loaded, chosenSeed);
      Clock clock = Clock.systemUTC();
      String campaignName = name != null ? name
          : "campaign-" + clock.instant().toString().substring(0, 16).replace(':', '-');
      CampaignSettings settings = new CampaignSettings(campaignName, perPair, attentionRate, chosenSeed, rubric,
          minRationale);
      return new Campaigns(database, database.blobs(), clock).create(settings, roster, candidates, source);
    }

    /**
     * The candidates of the selected tasks that have a human deliverable to compare with; the
     * others are left out with a note, since a campaign compares with the professional's work.
     */
    private List<Candidate> selected(List<Candidate> candidates, Suite loaded, long chosenSeed) {
      java.util.Set<String> ids = tasks.given() ? tasks.selection(chosenSeed).selectedIds(loaded) : null;
      List<Candidate> kept = candidates.stream().filter(c -> ids == null || ids.contains(c.task().id())).toList();
      long withoutBaseline = kept.stream().filter(c -> !c.task().hasBaseline()).map(c -> c.task().id()).distinct().count();
      if (withoutBaseline > 0) {
        spec.commandLine().getOut().printf("note: %d tasks without a human deliverable are left out: a campaign"
            + " compares with the professional's work ('parity grade --pair A,B' compares models)%n", withoutBaseline);
        kept = kept.stream().filter(c -> c.task().hasBaseline()).toList();
      }
      if (kept.isEmpty()) {
        throw new ParityException("no task to grade: the selection leaves no task with a human deliverable");
      }
      return kept;
    }

    /** A candidate per completed attempt of the run (of the chosen models), files from the store's blobs. */
    private List<Candidate> fromRun(Store store, Suite loaded, BlobStore blobs) {
      List<Candidate> candidates = new ArrayList<>();
      for (Attempt attempt : store.attempts(runId)) {
        AttemptKey key = attempt.key();
        if (attempt.status() != AttemptStatus.COMPLETED || !models.isEmpty() && !models.contains(key.model())) {
          continue;
        }
        Task task = loaded.task(key.taskId()).orElseThrow(() -> new ParityException(
            "task " + key.taskId() + " of run " + runId + " is not in the suite " + loaded.root()));
        List<CampaignFile> files = store.files(key).stream()
            .map(f -> new CampaignFile(f.name(), f.sha256(), f.sizeBytes(), null)).toList();
        candidates.add(Candidate.of(task, key.model(), key.sample(), key.toString(), files, blobs));
      }
      if (candidates.isEmpty()) {
        throw new ParityException("run " + runId + " has no completed attempt to grade"
            + (models.isEmpty() ? "" : " for models " + models));
      }
      return candidates;
    }
  }

  /** {@code parity campaign status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Lists campaigns with their progress, or shows one campaign's progress per occupation and grader.",
      footer = {"", "Examples:", "  parity campaign status", "  parity campaign status q3-review --json"})
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption db;

    @Parameters(arity = "0..1", paramLabel = "CAMPAIGN", description = "A campaign's name or id (default: list them all).")
    String campaign;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() {
      try (Database database = db.open()) {
        return show(new Campaigns(database, database.blobs(), Clock.systemUTC()));
      }
    }

    private int show(Campaigns campaigns) {
      PrintWriter out = spec.commandLine().getOut();
      if (campaign == null) {
        List<CampaignSummary> all = campaigns.list();
        if (json) {
          out.println(Json.write(all));
        } else if (all.isEmpty()) {
          out.println("No campaign yet: create one with 'parity campaign create'.");
        } else {
          out.printf("%-30s %7s %9s %13s %6s%n", "Campaign", "pairs", "checks", "done", "");
          all.forEach(c -> out.printf("%-30s %7d %9d %6d of %-4d %5.0f%%%n", c.name(), c.pairs(), c.attentionChecks(),
              c.submitted(), c.assignments(), c.done() * 100));
        }
      } else {
        CampaignProgress progress = campaigns.progress(campaigns.require(campaign).id());
        if (json) {
          out.println(Json.write(progress));
        } else {
          print(progress, out);
        }
      }
      out.flush();
      return 0;
    }

    private static void print(CampaignProgress p, PrintWriter out) {
      CampaignSummary c = p.campaign();
      out.printf("Campaign %s: %d of %d assignments done (%.0f%%); %d pairs, %d attention checks, seed %d%n",
          c.name(), c.submitted(), c.assignments(), c.done() * 100, c.pairs(), c.attentionChecks(), c.settings().seed());
      out.println();
      out.printf("%-44s %6s %12s %6s%n", "Occupation", "pairs", "assignments", "done");
      p.occupations().forEach(o -> out.printf("%-44s %6d %12d %6d%n", o.occupation(), o.pairs(), o.assigned(), o.submitted()));
      out.println();
      out.printf("%-20s %-24s %9s %6s %8s  %s%n", "Grader", "Name", "assigned", "done", "flagged", "last submission");
      p.graders().forEach(g -> out.printf("%-20s %-24s %9d %6d %8d  %s%n", g.graderId(), g.displayName(), g.assigned(),
          g.submitted(), g.flagged(), g.lastSubmittedAt() == null ? "–" : g.lastSubmittedAt()));
    }
  }

  /** {@code parity campaign invite}. */
  @Command(
      name = "invite",
      mixinStandardHelpOptions = true,
      description = "Prints one-time invite links with which graders set their password.",
      footer = {"", "Examples:", "  parity campaign invite --grader expert-07",
          "  parity campaign invite --all --base-url https://grading.example.org --days 7"})
  static final class Invite implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption db;

    @Option(names = "--grader", paramLabel = "ID", description = "A grader to invite (repeatable).")
    List<String> graderIds = new ArrayList<>();

    @Option(names = "--all", description = "Invite every grader on the roster.")
    boolean all;

    @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
        description = "Where the app is served (default http://127.0.0.1:8080).")
    String baseUrl;

    @Option(names = "--days", defaultValue = "14", paramLabel = "N", description = "How long the links work (default 14 days).")
    int days;

    @Override
    public Integer call() {
      if (graderIds.isEmpty() == !all) {
        throw new CommandLine.ParameterException(spec.commandLine(), "give --grader ID (one or more) or --all");
      }
      try (Database database = db.open()) {
        Accounts accounts = new Accounts(database, Clock.systemUTC(), new SecureRandom(), 10);
        List<String> ids = all ? accounts.graders().stream().map(Grader::id).toList() : graderIds;
        PrintWriter out = spec.commandLine().getOut();
        for (String id : ids) {
          String token = accounts.invite(id, Duration.ofDays(days));
          out.println(id + "\t" + baseUrl.replaceAll("/+$", "") + "/invite/" + token);
        }
        out.flush();
      }
      return 0;
    }
  }

  /** {@code parity campaign export-packets}. */
  @Command(
      name = "export-packets",
      mixinStandardHelpOptions = true,
      description = "Writes a grader's open assignments into a folder they can work in without the app: the request, "
          + "the references, deliverables A and B under neutral names, and a form.csv to fill in.",
      footer = {"", "Examples:", "  parity campaign export-packets --grader expert-07 --out packets/expert-07",
          "  parity campaign export-packets --grader expert-07 --campaign q3-review --out p/",
          "  parity campaign export-packets --grader expert-07 --out p/ --no-pages"})
  static final class ExportPackets implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption db;

    @Option(names = "--grader", required = true, paramLabel = "ID", description = "Whose assignments.")
    String grader;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "An empty or new folder.")
    Path out;

    @Option(names = "--campaign", paramLabel = "NAME", description = "Only this campaign (default: every campaign).")
    String campaign;

    @Option(names = "--no-pages", description = "Leave out the page images (pages/ and side-by-side.html).")
    boolean noPages;

    @Override
    public Integer call() {
      Clock clock = Clock.systemUTC();
      int items;
      try (Database database = db.open(); PageRenderers.Opened renderer = PageRenderers.open();
          RenderQueue queue = PageImages.queue(database, renderer, 2)) {
        if (new Accounts(database, clock, new SecureRandom(), 4).grader(grader).isEmpty()) {
          throw new ParityException("no grader has the id \"" + grader + "\"");
        }
        if (campaign != null) {
          new Campaigns(database, database.blobs(), clock).require(campaign);
        }
        items = new Packets(new Assignments(database, clock), database.blobs(), new RenderedView(), clock,
            noPages ? PacketPages.NONE : new PacketPageImages(queue)).export(grader, campaign, out);
      }
      PrintWriter w = spec.commandLine().getOut();
      w.printf("Wrote %d open assignments of %s to %s; the grader fills in %s.%n", items, grader, out,
          out.resolve("form.csv"));
      w.flush();
      return 0;
    }
  }

  /** {@code parity campaign import-grades}. */
  @Command(
      name = "import-grades",
      mixinStandardHelpOptions = true,
      description = "Reads a filled-in packet form back, with the app's checks: every row that has a verdict or a "
          + "flag is submitted, all rows or none.",
      footer = {"", "Examples:", "  parity campaign import-grades packets/expert-07/form.csv",
          "  parity campaign import-grades returned/form.csv --grader expert-07"})
  static final class ImportGrades implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption db;

    @Parameters(paramLabel = "FILE", description = "The form.csv (or the packet folder holding it).")
    Path file;

    @Option(names = "--grader", paramLabel = "ID",
        description = "Whose form it is (default: the grader named in packet.json beside the form).")
    String grader;

    @Override
    public Integer call() {
      Path form = Files.isDirectory(file) ? file.resolve("form.csv") : file;
      String graderId = grader != null ? grader : packetGrader(form);
      Clock clock = Clock.systemUTC();
      int submitted;
      try (Database database = db.open();
          Reader reader = Files.newBufferedReader(form, StandardCharsets.UTF_8)) {
        Packets packets = new Packets(new Assignments(database, clock), database.blobs(),
            new RenderedView(), clock);
        submitted = packets.importForm(form.toString(), reader, graderId);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + form + ": " + e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "Imported %d submissions of %s from %s.%n", submitted, graderId, form);
      out.flush();
      return 0;
    }

    private static String packetGrader(Path form) {
      Path packet = form.toAbsolutePath().resolveSibling("packet.json");
      if (!Files.isRegularFile(packet)) {
        throw new ParityException(form + ": no packet.json beside it to say whose form it is; give --grader ID");
      }
      try {
        JsonNode json = new ObjectMapper().readTree(packet.toFile());
        if (!json.path("grader").isTextual()) {
          throw new ParityException(packet + ": no \"grader\"; give --grader ID");
        }
        return json.get("grader").asText();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + packet + ": " + e.getMessage(), e);
      }
    }
  }

  static List<Grader> roster(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return GraderRoster.read(file.toString(), reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

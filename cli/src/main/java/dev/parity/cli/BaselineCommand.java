package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.graders.baseline.BaselineCampaigns;
import dev.parity.graders.baseline.BaselineExport;
import dev.parity.graders.campaign.Grader;
import dev.parity.store.Database;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parity baseline …}: professionals as contestants, timed in the app (docs/baselines.md). */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = "Baseline campaigns: professionals work on a suite's tasks in the app, timed, as human contestants.",
    subcommands = {
        BaselineCommand.Create.class,
        BaselineCommand.Export.class,
        CommandLine.HelpCommand.class
    })
final class BaselineCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'parity baseline create' or 'export'");
  }

  /** {@code parity baseline create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
          "Gives each selected task to professionals of its occupation (never to the author of its baseline), "
              + "as attempts of a run named after the campaign, by contestant human:<id>. They work on it in "
              + "'parity serve' (sign in as for grading), timed on the server."
      },
      footer = {
          "",
          "Examples:",
          "  parity baseline create --suite suites/sample --people people.csv --name q3-baselines --seed 7",
          "  parity baseline create --suite s --people people.csv --occupation 'Registered Nurses' --per-task 2"
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption db;

    @Option(names = "--suite", required = true, paramLabel = "PATH", description = "The suite the tasks come from.")
    Path suite;

    @Option(names = "--people", required = true, paramLabel = "FILE",
        description = "The people file: id, display_name, email, occupations, role (professional, grader, admin;"
            + " several separated by ;), hourly_wage (needed for professionals).")
    Path people;

    @Mixin TaskSelectionOptions tasks;

    @Option(names = "--per-task", defaultValue = "1", paramLabel = "K",
        description = "Professionals per task (default 1).")
    int perTask;

    @Option(names = "--name", paramLabel = "NAME",
        description = "A unique name, also the run's id (default: baseline-<date and time>).")
    String name;

    @Option(names = "--seed", paramLabel = "N", description = "Seeds every random choice (default: a random seed, recorded).")
    Long seed;

    @Override
    public Integer call() {
      List<Grader> roster = CampaignCommand.roster(people);
      Suite loaded = Suites.loader().load(suite);
      long chosenSeed = seed != null ? seed : new SecureRandom().nextLong();
      List<Task> selected = tasks.given() ? tasks.selection(chosenSeed).select(loaded) : loaded.tasks();
      if (selected.isEmpty()) {
        throw new ParityException("no task to work on: the selection leaves none of the suite's "
            + loaded.tasks().size() + " tasks");
      }
      Clock clock = Clock.systemUTC();
      String campaignName = name != null ? name
          : "baseline-" + clock.instant().toString().substring(0, 16).replace(':', '-');
      BaselineCampaigns.Created created;
      try (Database database = db.open()) {
        created = new BaselineCampaigns(database, clock).create(campaignName, loaded, selected, roster, perTask,
            chosenSeed);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Created baseline campaign %s (seed %d): %d tasks, %d pieces of work for %d professionals;"
          + " run %s.%n", created.campaign().name(), chosenSeed, selected.size(), created.assignments(),
          created.tasksByPerson().size(), created.campaign().runId());
      for (Map.Entry<String, List<String>> person : new TreeMap<>(created.tasksByPerson()).entrySet()) {
        out.printf("  %s: %s%n", person.getKey(), String.join(", ", person.getValue()));
      }
      out.println("Next: 'parity campaign invite --all' for invite links, then 'parity serve'.");
      out.flush();
      return 0;
    }
  }

  /** {@code parity baseline export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
          "Writes a new version of the campaign's suite in which the chosen submissions become the tasks' baselines,"
              + " with their measured minutes and the professional's wage. The suite the run used is not touched."
      },
      footer = {
          "",
          "Examples:",
          "  parity baseline export --campaign q3-baselines --to suites/sample-2 --choose expenses=pro-03",
          "  parity baseline export --campaign q3-baselines --to out/suite --version 1.1.0"
      })
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption db;

    @Option(names = "--campaign", required = true, paramLabel = "NAME", description = "The baseline campaign.")
    String campaign;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "A new or empty folder for the new version.")
    Path to;

    @Option(names = "--choose", paramLabel = "TASK=PERSON",
        description = "Chooses PERSON's submission as TASK's baseline (repeatable; kept, like a choice on the admin page).")
    Map<String, String> choices = new LinkedHashMap<>();

    @Option(names = "--version", paramLabel = "V",
        description = "The new suite's version (default: the old one followed by +<campaign>).")
    String version;

    @Override
    public Integer call() {
      BaselineExport.Exported exported;
      try (Database database = db.open()) {
        BaselineCampaigns campaigns = new BaselineCampaigns(database, Clock.systemUTC());
        BaselineCampaigns.Campaign found = campaigns.find(campaign).orElseThrow(() -> new ParityException(
            "no baseline campaign named " + campaign + "; 'parity baseline create' makes one"));
        choices.forEach((task, person) -> campaigns.choose(found.id(), task, person));
        Suite suite = Suites.loader().load(found.suitePath());
        exported = new BaselineExport(database).export(found, suite, to,
            version != null ? version : suite.version() + "+" + found.name());
      }
      Suite written = Suites.loader().load(to);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Wrote suite %s %s to %s (%d tasks) with %d new baselines:%n", written.name(), written.version(), to,
          written.tasks().size(), exported.baselines().size());
      exported.baselines().forEach((task, person) -> out.printf("  %s: human:%s%n", task, person));
      out.flush();
      return 0;
    }
  }
}

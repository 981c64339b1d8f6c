package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.graders.baseline.BaselineCampaigns;
import dev.parity.graders.campaign.Grader;
import dev.parity.store.Database;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
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
        CommandLine.HelpCommand.class
    })
final class BaselineCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'parity baseline create'");
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
}

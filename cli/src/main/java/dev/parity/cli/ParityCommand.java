package dev.parity.cli;

import dev.parity.harness.ParityVersion;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level {@code parity} command: lists its subcommands.
 *
 * <p>Its subcommands are registered here rather than in the annotation so that a command line can
 * be built for one invocation: picocli inspects every option of every command it is given by
 * reflection, which was most of {@code parity --help}'s start-up, so {@link #commandLine(String...)}
 * inspects only the subcommand the arguments name and gives the others a summary (name and
 * description) that is all the top-level usage and the "did you mean" of a mistyped name need.
 */
@Command(
    name = "parity",
    mixinStandardHelpOptions = true,
    versionProvider = ParityCommand.Version.class,
    description = {
        "Measures AI models against human professionals on real work.",
        "",
        "Start with @|bold parity demo|@: it runs the whole pipeline on the sample suite, "
            + "with no API key and no network."
    },
    footer = {
        "",
        "Exit codes: 0 success, 1 invalid input or failed work, 2 usage error.",
        "Run 'parity COMMAND --help' for a command's options and examples."
    })
public final class ParityCommand implements Runnable {
  /** Every subcommand, in the order the usage lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      DemoCommand.class,
      ValidateCommand.class,
      SuiteCommand.class,
      RunCommand.class,
      RunsCommand.class,
      WorkerCommand.class,
      GradeCommand.class,
      JudgmentsCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      CampaignCommand.class,
      BaselineCommand.class,
      ServeCommand.class,
      RenderCommand.class,
      BlindCheckCommand.class,
      VetCommand.class,
      DoctorCommand.class,
      DbCommand.class,
      CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandSpec spec;

  /** A command line ready to execute any arguments, with Parity's exit codes and error handling. */
  public static CommandLine commandLine() {
    return build(SUBCOMMANDS, Clock.systemUTC());
  }

  /**
   * A command line ready to execute {@code args} (and only those: other subcommands are present
   * by name and description but cannot run), built faster than {@link #commandLine()}.
   */
  public static CommandLine commandLine(String... args) {
    return commandLine(Clock.systemUTC(), args);
  }

  /**
   * The same, reading the time from {@code clock}: a command that says how things stand now (a
   * run {@code abandoned} once its heartbeat is old) takes a {@code Clock} in its constructor.
   */
  static CommandLine commandLine(Clock clock, String... args) {
    return build(Invoked.subcommands(args), clock);
  }

  private static CommandLine build(List<Class<?>> inspected, Clock clock) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        try {
          return type.getDeclaredConstructor(Clock.class).newInstance(clock);
        } catch (NoSuchMethodException e) {
          return defaults.create(type);
        }
      }
    };
    CommandLine commandLine = new CommandLine(new ParityCommand(), factory);
    for (Class<?> subcommand : SUBCOMMANDS) {
      if (inspected.contains(subcommand)) {
        commandLine.addSubcommand(new CommandLine(subcommand, factory));
      } else {
        commandLine.addSubcommand(summary(subcommand));
      }
    }
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    return commandLine;
  }

  /** What the top-level usage shows of a subcommand (its header, else its description), read from its annotation alone. */
  private static CommandLine summary(Class<?> subcommand) {
    Command annotation = subcommand.getAnnotation(Command.class);
    Runnable notInspected = () -> {
      throw new IllegalStateException("parity " + annotation.name() + " was not inspected: "
          + "build the command line with ParityCommand.commandLine() to run any command");
    };
    CommandSpec spec = CommandSpec.wrapWithoutInspection(notInspected).name(annotation.name())
        .aliases(annotation.aliases());
    spec.usageMessage().header(annotation.header()).description(annotation.description())
        .hidden(annotation.hidden());
    return new CommandLine(spec);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code parity --version}: the version and the commit it was built from. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      ParityVersion current = ParityVersion.current();
      return new String[] {
          "parity " + current.version(),
          "commit " + current.commit(),
          "java " + System.getProperty("java.version")
      };
    }
  }
}

package dev.parity.cli;

import dev.parity.harness.ParityVersion;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code parity} command: lists its subcommands. */
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
    subcommands = {
        DemoCommand.class,
        ValidateCommand.class,
        SuiteCommand.class,
        RunCommand.class,
        RunsCommand.class,
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
        DoctorCommand.class,
        DbCommand.class,
        CommandLine.HelpCommand.class
    },
    footer = {
        "",
        "Exit codes: 0 success, 1 invalid input or failed work, 2 usage error.",
        "Run 'parity COMMAND --help' for a command's options and examples."
    })
public final class ParityCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A command line ready to execute, with Parity's exit codes and error handling. */
  public static CommandLine commandLine() {
    return commandLine(Clock.systemUTC());
  }

  /**
   * The same, reading the time from {@code clock}: a command that says how things stand now (a
   * run {@code abandoned} once its heartbeat is old) takes a {@code Clock} in its constructor.
   */
  static CommandLine commandLine(Clock clock) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine commandLine = new CommandLine(new ParityCommand(), new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        try {
          return type.getDeclaredConstructor(Clock.class).newInstance(clock);
        } catch (NoSuchMethodException e) {
          return defaults.create(type);
        }
      }
    });
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    return commandLine;
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

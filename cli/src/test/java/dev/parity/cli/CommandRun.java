package dev.parity.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import picocli.CommandLine;

/** Runs {@code parity ARGS} in-process and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {
  static CommandRun of(String... args) {
    return at(Clock.systemUTC(), args);
  }

  /** Runs {@code parity ARGS} with the time read from {@code clock}. */
  static CommandRun at(Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = ParityCommand.commandLine(clock, args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}

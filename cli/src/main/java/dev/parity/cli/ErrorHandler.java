package dev.parity.cli;

import dev.parity.core.ParityException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into a one-line message and exit code 1. Parity's own
 * exceptions carry messages meant for the user; anything else is a bug, so its stack trace is
 * shown when {@code PARITY_DEBUG} is set.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    return report(e, commandLine.getErr());
  }

  /** Prints {@code e} to {@code err} as a command's error; the exit code, 1. */
  static int report(Exception e, PrintWriter err) {
    if (e instanceof ParityException || e instanceof java.io.UncheckedIOException) {
      err.println("error: " + e.getMessage());
    } else {
      err.println("error: " + e);
      if (System.getenv("PARITY_DEBUG") != null) {
        e.printStackTrace(err);
      } else {
        err.println("(set PARITY_DEBUG=1 to see where it happened)");
      }
    }
    err.flush();
    return 1;
  }
}

package dev.parity.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code parity suite info [--json] PATH} run without picocli: building even the one command's
 * model by reflection (and the proxies of its annotations) cost about 0.2 CPU-s, a third of the
 * command on an unchanged suite (docs/design/0007-start-up.md). Only the plain forms are taken;
 * anything else (help, an {@code @file}, an option picocli would reject or spell differently, a
 * path that starts with a dash) runs the usual way, so picocli still says what is wrong with it.
 * {@code DirectSuiteInfoTest} checks that both ways print the same and end with the same code.
 */
final class DirectSuiteInfo {
  /** What the arguments asked for. */
  record Invocation(Path path, boolean json) {}

  private DirectSuiteInfo() {}

  /** The invocation {@code args} are, when they are one of the plain forms; empty otherwise. */
  static Optional<Invocation> of(String... args) {
    if (args.length < 3 || args.length > 4 || !args[0].equals("suite") || !args[1].equals("info")) {
      return Optional.empty();
    }
    boolean json = args.length == 4;
    String path;
    if (!json) {
      path = args[2];
    } else if (args[2].equals("--json")) {
      path = args[3];
    } else if (args[3].equals("--json")) {
      path = args[2];
    } else {
      return Optional.empty();
    }
    if (path.isEmpty() || path.startsWith("-") || path.startsWith("@")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Invocation(Path.of(path), json));
    } catch (InvalidPathException e) {
      // picocli converts the path itself and reports what is wrong with it.
      return Optional.empty();
    }
  }

  /** Runs the invocation as picocli would: the summary to {@code out}, an error to {@code err}; the exit code. */
  static int run(Invocation invocation, PrintWriter out, PrintWriter err) {
    try {
      return SuiteCommand.Info.show(invocation.path(), invocation.json(), out);
    } catch (RuntimeException e) {
      return ErrorHandler.report(e, err);
    } finally {
      out.flush();
    }
  }

  /** A writer on {@code stream} in the encoding picocli's own standard writers use. */
  static PrintWriter writer(PrintStream stream) {
    String encoding = System.getProperty("sun.stdout.encoding");
    Charset charset = encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)));
  }
}

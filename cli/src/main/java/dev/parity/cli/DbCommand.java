package dev.parity.cli;

import dev.parity.store.Database;
import dev.parity.store.copy.StoreCopy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parity db …}: the store itself (docs/teams.md). */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "The store itself: copy it between SQLite and PostgreSQL.",
    subcommands = {DbCommand.Copy.class, CommandLine.HelpCommand.class})
final class DbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'parity db copy'");
  }

  /** {@code parity db copy --from STORE --to STORE}. */
  @Command(
      name = "copy",
      mixinStandardHelpOptions = true,
      description = {
          "Copies a whole store, rows and blobs, into another: SQLite to PostgreSQL or back. Then checks the copy: "
              + "every row of the source is in the target value for value, every blob reads back under its sha256.",
          "Atomic: the rows go in one transaction of the target, so a copy that fails leaves it as it was "
              + "(blobs copied before, named by content, do no harm) and can be run again. A target that holds "
              + "rows is refused unless --into-non-empty. Nothing should write the source meanwhile."
      },
      footer = {
          "",
          "Examples:",
          "  parity db copy --from parity.db --to postgresql://ann@db.example.org:5432/parity",
          "  parity db copy --from postgresql://ann@db.example.org/parity --to backup.db",
          "  parity db copy --from parity.db --to postgresql://ann@db/parity --to-blobs /shared/parity-blobs"
      })
  static final class Copy implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE|URL", description = "The store to copy.")
    String from;

    @Option(names = "--from-blobs", paramLabel = "DIR",
        description = "Where the source keeps its blobs, when that is a folder given with --blobs.")
    Path fromBlobs;

    @Option(names = "--to", required = true, paramLabel = "FILE|URL",
        description = "The store to copy into: made if missing, brought up to date, and empty unless --into-non-empty.")
    String to;

    @Option(names = "--to-blobs", paramLabel = "DIR",
        description = "Keep the target's blobs in this folder instead of its default place.")
    Path toBlobs;

    @Option(names = "--into-non-empty",
        description = "Add to a target that holds rows: rows whose key is there already are kept as they are "
            + "(and must equal the source's).")
    boolean intoNonEmpty;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Database source = Database.open(from, fromBlobs); Database target = Database.open(to, toBlobs)) {
        StoreCopy.Result result = StoreCopy.copy(source, target, intoNonEmpty);
        out.printf(Locale.ROOT, "Copied %s to %s:%n", source.name(), target.name());
        for (StoreCopy.TableCount table : result.tables()) {
          if (table.sourceRows() > 0 || table.targetRows() > 0) {
            out.printf(Locale.ROOT, "  %-24s %8d rows%s%n", table.table(), table.sourceRows(),
                table.targetRows() == table.sourceRows() ? "" : " (" + table.targetRows() + " in the target)");
          }
        }
        out.printf(Locale.ROOT, "  %-24s %8d (%d bytes copied)%n", "blobs", result.blobs(), result.blobBytes());
        out.printf(Locale.ROOT, "Checked: every row is in the target, every blob reads back under its sha256.%n");
        out.flush();
        return 0;
      }
    }
  }
}

package dev.parity.cli;

import dev.parity.core.ParityException;
import dev.parity.tasks.gdpval.GdpvalDownload;
import dev.parity.tasks.gdpval.GdpvalImport;
import dev.parity.tasks.gdpval.RowProblem;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parity import gdpval SOURCE --out DIR}: OpenAI's GDPval dataset as a suite. */
@Command(
    name = "gdpval",
    mixinStandardHelpOptions = true,
    description = {
        "Imports OpenAI's GDPval dataset (a JSON array or JSONL file, launch or later schema) as a suite.",
        "Each row becomes a task: its task_id, the occupation with its O*NET-SOC code, the prompt as the",
        "request, references and the expert's files from --asset-root, the rubric from rubric_json.",
        "What the dataset does not say (minutes, wages; files not found) is recorded as unknown and flagged.",
        "All or nothing: every bad row is reported with its row and column, and nothing is written unless",
        "--skip-bad-rows. The same input gives a byte-identical suite. Parquet: convert first (docs/gdpval.md)."
    },
    footer = {
        "",
        "Examples:",
        "  parity import gdpval gdpval.jsonl --out suites/gdpval-gold --revision 3f2a9c1 --license \"CC-BY-4.0 (dataset card)\"",
        "  parity import gdpval gdpval.jsonl --out suites/gdpval-gold --asset-root gdpval-files/ --revision 3f2a9c1",
        "  parity import gdpval gdpval.jsonl --out suites/gdpval-gold --asset-root gdpval-files/ --revision 3f2a9c1 --download",
        "  parity import gdpval gdpval.json --out suites/gdpval-try --skip-bad-rows"
    })
final class GdpvalImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SOURCE", description = "The dataset: a JSON array of rows, or JSON Lines.")
  Path source;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The suite folder to create (must not exist, or be empty).")
  Path suiteFolder;

  @Option(names = "--asset-root", paramLabel = "DIR",
      description = "A local copy of the dataset's files, with its paths (reference_files/<hash>/<name>, …).")
  Path assetRoot;

  @Option(names = "--revision", paramLabel = "REV",
      description = "The dataset's revision (commit) the file comes from; recorded in the suite (default: main, unpinned).")
  String revision;

  @Option(names = "--license", paramLabel = "TEXT",
      description = "The licence statement to record (Parity does not verify the dataset card's).")
  String license;

  @Option(names = "--skip-bad-rows", description = "Import the good rows when some are bad, and list the others.")
  boolean skipBadRows;

  @Option(names = "--download",
      description = "First fetch the files missing under --asset-root from the dataset's revision (needs --revision).")
  boolean download;

  @Option(names = "--mirror", paramLabel = "URL",
      description = "Where the dataset's files are served (default: https://huggingface.co/datasets/openai/gdpval/resolve/).")
  URI mirror;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "gdpval-gold",
      description = "The suite's name (default: ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    GdpvalImport dataset = GdpvalImport.read(source);
    if (download) {
      download(dataset, out);
    }
    GdpvalImport.Result result = dataset.writeSuite(
        new GdpvalImport.Settings(suiteFolder, name, assetRoot, revision, license, skipBadRows, mirror));
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(Locale.ROOT, "Imported %d tasks from %d rows of %s (%s schema) into %s in %.1f s%n", result.tasks(),
        result.rows(), source.getFileName(), result.schema().name().toLowerCase(Locale.ROOT), result.suite(), seconds);
    out.printf("  revision      %s%n", revision == null ? "main (unpinned): pin one with --revision" : revision);
    out.printf("  references    %d copied, %d in formats not shown to models, %d files missing%n",
        result.referencesCopied(), result.referencesUnsupported(), result.missingFiles().size());
    if (result.baselineFilesCopied() > 0) {
      out.printf("  baselines     %d expert files copied%n", result.baselineFilesCopied());
    }
    if (!result.missingFiles().isEmpty()) {
      out.println("  missing files are flagged, not fatal: give --asset-root DIR (add --download --revision REV to"
          + " fetch them); 'parity validate " + suiteFolder + "' lists each with its URL");
    }
    if (!result.skippedRows().isEmpty()) {
      out.printf("Skipped %d bad rows:%n", result.skippedRows().size());
      result.skippedRows().stream().map(RowProblem::toString).forEach(p -> out.println("  " + p));
    }
    out.println("Next: parity suite info " + suiteFolder + "   (flagged tasks), then parity run --suite " + suiteFolder + " …");
    out.flush();
    return 0;
  }

  private void download(GdpvalImport dataset, PrintWriter out) throws InterruptedException {
    if (revision == null) {
      throw new ParityException("--download needs --revision COMMIT: files are fetched from a pinned revision,"
          + " never from main");
    }
    if (assetRoot == null) {
      throw new ParityException("--download needs --asset-root DIR: the folder the files are saved in");
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    GdpvalDownload.Outcome outcome = new GdpvalDownload(client, mirror, revision)
        .fetch(dataset.files(), assetRoot, line -> {
          out.println("  downloaded " + line);
          out.flush();
        });
    out.printf("Downloaded %d files (%,d bytes), %d already there, %d failed%n", outcome.downloaded(),
        outcome.bytes(), outcome.present(), outcome.failed().size());
    outcome.failed().forEach(f -> out.println("  failed: " + f));
  }
}

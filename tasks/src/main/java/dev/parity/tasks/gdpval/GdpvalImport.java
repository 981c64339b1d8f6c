package dev.parity.tasks.gdpval;

import dev.parity.core.ParityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Imports OpenAI's GDPval dataset into a Parity suite: {@link #read} checks every row of the file
 * (a JSON array or JSON Lines, in the launch revision's schema or the later one with the experts'
 * files and rubrics), {@link #writeSuite} writes the suite folder.
 *
 * <p>Each row becomes a task: the dataset's {@code task_id} as its id, the occupation with its
 * O*NET-SOC code from {@link GdpvalOccupations}, the prompt as the request, references and the
 * expert's files copied from a local copy of the dataset's files ({@link Settings#assetRoot()}),
 * the rubric from {@code rubric_json}. What the dataset does not say is written as unknown, never
 * invented: minutes and wages are {@code unknown}, a missing file is listed as not shown to the
 * model with the URL to get it. The import is all or nothing unless bad rows are to be skipped.
 *
 * <p>Instances are immutable.
 */
public final class GdpvalImport {
  private final DatasetFile dataset;

  private GdpvalImport(DatasetFile dataset) {
    this.dataset = dataset;
  }

  /**
   * What to write.
   *
   * @param out the suite folder to create; it must not exist, or be empty
   * @param name the suite's name, e.g. {@code gdpval-gold}
   * @param assetRoot a local copy of the dataset's files, with the dataset's relative paths
   *     ({@code reference_files/<hash>/<name>}); null when there is none (every file is missing)
   * @param revision the dataset's revision (a commit), recorded in the suite; null for unpinned
   * @param license the licence statement to record, as the user gives it; null for none
   * @param skipBadRows import the good rows when some are bad, instead of nothing
   * @param mirror where the dataset's files are served, for the URLs of missing files
   */
  public record Settings(Path out, String name, Path assetRoot, String revision, String license,
      boolean skipBadRows, URI mirror) {
    public Settings {
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(name, "name");
      mirror = mirror == null ? DatasetUrls.HUGGING_FACE : mirror;
    }
  }

  /**
   * What an import did.
   *
   * @param suite the suite folder written
   * @param schema the dataset schema read
   * @param rows the rows in the file
   * @param tasks the tasks written
   * @param skippedRows the problems of the rows left out (only with {@code skipBadRows})
   * @param referencesCopied reference files copied into the suite and shown to models
   * @param referencesUnsupported references in formats models are not shown
   * @param missingFiles dataset files not found under the asset root, as {@code task: path}
   * @param baselineFilesCopied the experts' files copied
   */
  public record Result(Path suite, DatasetSchema schema, int rows, int tasks, List<RowProblem> skippedRows,
      int referencesCopied, int referencesUnsupported, List<String> missingFiles, int baselineFilesCopied) {
    public Result {
      skippedRows = List.copyOf(skippedRows);
      missingFiles = List.copyOf(missingFiles);
    }
  }

  /**
   * Reads and checks the dataset file {@code source}.
   *
   * @throws InvalidDatasetException when the file as a whole is unreadable (not JSON or JSONL, a
   *     Parquet file, empty); bad rows are not thrown here but kept in {@link #problems()}
   */
  public static GdpvalImport read(Path source) {
    return new GdpvalImport(DatasetFile.read(source, GdpvalOccupations.shipped()));
  }

  /** The schema the file's columns say. */
  public DatasetSchema schema() {
    return dataset.schema();
  }

  /** How many rows the file has. */
  public int rowCount() {
    return dataset.rowCount();
  }

  /** Every problem of the bad rows, each naming its row and column; empty when every row is good. */
  public List<RowProblem> problems() {
    return dataset.problems();
  }

  /** The dataset paths of every file the good rows need (references, then the experts' files), once each. */
  public List<String> files() {
    Set<String> files = new LinkedHashSet<>();
    dataset.rows().forEach(r -> files.addAll(r.referenceFiles()));
    dataset.rows().forEach(r -> files.addAll(r.deliverableFiles()));
    return List.copyOf(files);
  }

  /**
   * Writes the suite folder, all at once: it is built beside {@code out} and moved into place, so
   * a failed import leaves nothing behind.
   *
   * @throws InvalidDatasetException if some rows are bad and {@code skipBadRows} is off, or no row is good
   * @throws ParityException if {@code out} exists and is not empty
   */
  public Result writeSuite(Settings settings) {
    if (!dataset.problems().isEmpty() && !settings.skipBadRows()) {
      boolean occupations = dataset.problems().stream().anyMatch(p -> "occupation".equals(p.column()));
      throw new InvalidDatasetException(dataset.name(), dataset.problems(),
          occupations ? GdpvalOccupations.shipped().table() : "");
    }
    if (dataset.rows().isEmpty()) {
      throw new InvalidDatasetException(dataset.name() + ": no good row to import");
    }
    Path out = settings.out().toAbsolutePath().normalize();
    checkEmpty(out);
    Path staging = out.resolveSibling("." + out.getFileName() + ".importing");
    try {
      deleteRecursively(staging);
      Result result = new SuiteWriter(settings).write(dataset, staging);
      if (Files.isDirectory(out)) {
        Files.delete(out);
      }
      Files.createDirectories(out.getParent());
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the suite to " + out + ": " + e.getMessage(), e);
    } finally {
      try {
        deleteRecursively(staging);
      } catch (IOException e) {
        // Left for the next import to clear; the result (or the first error) matters more.
      }
    }
  }

  private static void checkEmpty(Path out) {
    if (!Files.exists(out)) {
      return;
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (!Files.isDirectory(out) || entries.findAny().isPresent()) {
        throw new ParityException(out + " exists and is not an empty folder; choose a new folder for the suite"
            + " (an import never overwrites)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + out, e);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

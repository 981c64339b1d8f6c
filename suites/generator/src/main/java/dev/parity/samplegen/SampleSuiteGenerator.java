package dev.parity.samplegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.samplegen.tasks.SampleTasks;
import dev.parity.tasks.ParityException;
import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes Parity's sample suite — {@code suite.json}, and for every task its {@code task.json},
 * references and baseline — into a folder, then loads it back with {@link SuiteLoader} to prove
 * it valid.
 *
 * <p>Output is reproducible: generating twice gives the same bytes, so the committed suite can be
 * checked against the generator. Regenerate with
 * {@code mvn -B -q -pl suites/generator -am process-classes -Pregenerate} (see the module's README).
 */
public final class SampleSuiteGenerator {
  /** The date the sample tasks were written, recorded in their provenance. */
  public static final LocalDate WRITTEN = LocalDate.of(2026, 11, 27);
  static final String NAME = "sample";
  static final String VERSION = "1.0.0";
  static final String DESCRIPTION = "Realistic, fully fabricated tasks from thirteen occupations in all nine GDPval "
      + "sectors, each with the files handed over, a professional's deliverable and a rubric. "
      + "Shows what a Parity suite looks like; regenerate it with suites/generator.";

  private final List<SampleTask> tasks;

  public SampleSuiteGenerator(List<SampleTask> tasks) {
    this.tasks = List.copyOf(tasks);
  }

  /** A generator of the sample suite's tasks. */
  public static SampleSuiteGenerator standard() {
    return new SampleSuiteGenerator(SampleTasks.all());
  }

  /**
   * Writes the suite into {@code folder}, replacing the tasks of a sample suite already there.
   *
   * @return the suite, as loaded back from the folder
   * @throws ParityException if {@code folder} holds something other than a sample suite, or a
   *     task names a file it does not write (or writes one it does not name)
   * @throws dev.parity.tasks.InvalidSuiteException if the written suite does not validate
   */
  public Suite generate(Path folder) {
    prepare(folder);
    write(folder.resolve("suite.json"), TaskJson.suite(NAME, VERSION, DESCRIPTION, "CC-BY-4.0"));
    for (SampleTask sample : tasks) {
      Task task = sample.task();
      Path taskFolder = folder.resolve("tasks").resolve(task.id());
      TaskFiles files = new TaskFiles(taskFolder);
      sample.write(files);
      Set<String> named = new TreeSet<>(TaskJson.files(task));
      if (!named.equals(files.written())) {
        throw new ParityException("task " + task.id() + " names the files " + named
            + " but writes " + files.written());
      }
      write(taskFolder.resolve("task.json"), TaskJson.write(task));
    }
    return SuiteLoader.create().load(folder);
  }

  /** Empties the tasks of an earlier sample suite in {@code folder}, and refuses any other folder. */
  private static void prepare(Path folder) {
    try {
      if (Files.isDirectory(folder) && !isEmpty(folder)) {
        Path manifest = folder.resolve("suite.json");
        if (!Files.isRegularFile(manifest) || !NAME.equals(nameIn(manifest))) {
          throw new ParityException(folder + " is not empty and holds no sample suite; "
              + "give an empty folder or the sample suite's folder");
        }
        deleteRecursively(folder.resolve("tasks"));
      }
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + folder, e);
    }
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  private static String nameIn(Path manifest) throws IOException {
    JsonNode json = new ObjectMapper().readTree(manifest.toFile());
    return json.path("name").asText(null);
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

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Generates the sample suite into the folder given as the only argument. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: SampleSuiteGenerator OUTPUT_FOLDER");
      System.exit(2);
    }
    Suite suite = standard().generate(Path.of(args[0]));
    System.out.printf("wrote the %s suite %s: %d tasks into %s (%s)%n",
        suite.name(), suite.version(), suite.tasks().size(), suite.root(), suite.contentHash());
  }
}

package dev.parity.tasks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parity.tasks.internal.ContentHasher;
import dev.parity.tasks.internal.ContentHasher.TaskContent;
import dev.parity.tasks.internal.FileStamp;
import dev.parity.tasks.internal.LoadCache;
import dev.parity.tasks.internal.LocatedJson;
import dev.parity.tasks.internal.ReadBudget;
import dev.parity.tasks.internal.ReadableContents;
import dev.parity.tasks.internal.SchemaCheck;
import dev.parity.tasks.internal.StampCheck;
import dev.parity.tasks.internal.TaskChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a suite folder into an immutable {@link Suite}, checking it completely first.
 *
 * <p>A suite folder holds {@code suite.json} and {@code tasks/<task-id>/task.json}, each task
 * with its reference and baseline files. {@link #validate} reports every problem at once, with
 * its file and position; {@link #load} throws them all in one {@link InvalidSuiteException}.
 *
 * <p>A loader {@link #withCache with a cache} takes the tasks it found valid before, and whose
 * files are unchanged, from the cache instead of reading, checking and hashing them again: for
 * commands that only show a suite. Commands that run or resume one use a loader without, which
 * reads and hashes every byte.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SuiteLoader {
  /** The largest file a suite may hold unless configured otherwise: 50 MB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;

  static final String SUITE_FILE = "suite.json";
  static final String TASKS_FOLDER = "tasks";
  /** The name of each task's file in its folder. */
  public static final String TASK_FILE = "task.json";
  /** Fewer tasks than this are read on one thread: handing them out would cost more than it saves. */
  private static final int PARALLEL_FROM = 64;
  /**
   * How many bytes of the referenced files one load keeps after checking them, for the hash, so
   * that they are not read twice; beyond it, files are read again to be hashed.
   */
  private static final long KEPT_FOR_HASH_BYTES = 16L * 1024 * 1024;

  /** Built on first use: a summary from the cache binds nothing, and building a mapper costs start-up time. */
  private static final class Binding {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /**
   * Checks a rubric criterion's {@code check} object, which the suite format leaves to the
   * graders to define: returns what is wrong with it, or empty when it is a valid check. Called
   * from several threads at once (tasks are read in parallel), so it must be thread-safe.
   */
  @FunctionalInterface
  public interface CheckValidator {
    /** Accepts any object: the default before graders are installed. */
    CheckValidator ANY = new AnyCheck();

    java.util.Optional<String> problem(JsonNode check);
  }

  /**
   * {@link CheckValidator#ANY}. A class, not a lambda: the first lambda of a process starts the
   * method handle machinery (about a hundred classes), which {@code parity suite info} on an
   * unchanged suite otherwise never needs.
   */
  private static final class AnyCheck implements CheckValidator {
    @Override
    public Optional<String> problem(JsonNode check) {
      return Optional.empty();
    }
  }

  private final long maxFileBytes;
  private final CheckValidator checkValidator;
  /** Where the load cache lives; null for none. */
  private final Path cacheFolder;
  /** Where the documents known to open are remembered; null for nowhere. */
  private final Path readableFolder;

  private SuiteLoader(long maxFileBytes, CheckValidator checkValidator, Path cacheFolder, Path readableFolder) {
    this.maxFileBytes = maxFileBytes;
    this.checkValidator = checkValidator;
    this.cacheFolder = cacheFolder;
    this.readableFolder = readableFolder;
  }

  /** A loader with the default limits, which accepts any rubric check object. */
  public static SuiteLoader create() {
    return new SuiteLoader(DEFAULT_MAX_FILE_BYTES, CheckValidator.ANY, null, null);
  }

  /**
   * A loader that keeps what it found valid in {@code folder} (one file per suite) and trusts it
   * while the files it read keep their inode, size and times: for commands that only show a suite.
   */
  public SuiteLoader withCache(Path folder) {
    return new SuiteLoader(maxFileBytes, checkValidator, java.util.Objects.requireNonNull(folder, "folder"),
        readableFolder);
  }

  /**
   * A loader that remembers in {@code folder} which documents (Word, Excel, PowerPoint, PDF,
   * images) opened as their format, by the SHA-256 of their bytes and the readers' code, and does
   * not parse the same bytes again: every file is still read and hashed, so nothing is trusted
   * from a file's name or times. For every command: the documents of a suite are what its load
   * spends most on.
   */
  public SuiteLoader rememberingReadable(Path folder) {
    return new SuiteLoader(maxFileBytes, checkValidator, cacheFolder, java.util.Objects.requireNonNull(folder, "folder"));
  }

  /**
   * The user's cache folder for the documents known to open, {@code $XDG_CACHE_HOME/parity/documents}
   * or {@code ~/.cache/parity/documents}; empty when {@code environment} names no home.
   */
  public static Optional<Path> userReadableFolder(Map<String, String> environment) {
    return ReadableContents.userFolder(environment);
  }

  /**
   * The user's cache folder for suites, {@code $XDG_CACHE_HOME/parity/suites} or
   * {@code ~/.cache/parity/suites}; empty when {@code environment} names no home.
   */
  public static Optional<Path> userCacheFolder(Map<String, String> environment) {
    return LoadCache.userFolder(environment);
  }

  /** A loader that rejects files larger than {@code bytes}. */
  public SuiteLoader withMaxFileBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("max file size must be positive, was " + bytes);
    }
    return new SuiteLoader(bytes, checkValidator, cacheFolder, readableFolder);
  }

  /** A loader that reports every rubric {@code check} object {@code validator} finds wrong. */
  public SuiteLoader withCheckValidator(CheckValidator validator) {
    return new SuiteLoader(maxFileBytes, java.util.Objects.requireNonNull(validator, "validator"), cacheFolder,
        readableFolder);
  }

  /**
   * Loads the suite in {@code root}.
   *
   * @throws InvalidSuiteException listing every problem, if there is any
   */
  public Suite load(Path root) {
    SuiteValidation validation = validate(root);
    if (!validation.isValid()) {
      throw new InvalidSuiteException(validation.problems());
    }
    return validation.suite();
  }

  /** Checks the suite in {@code root} completely; never throws for a problem of the suite. */
  public SuiteValidation validate(Path root) {
    Scan scan = scan(root, true);
    return new SuiteValidation(root, scan.suite(), scan.problems());
  }

  /**
   * The summary of the suite in {@code root}, checked as {@link #load} checks it. With a cache, a
   * suite whose files all have the stamps the cache holds is summarised as it was last time, from
   * the cache's head alone (one {@code stat} per file, no file read but the cache); in a suite that
   * changed, the tasks taken from the cache are not bound to {@link Task}s at all. This is what
   * {@code parity suite info} costs.
   *
   * @throws InvalidSuiteException listing every problem, if there is any
   */
  public SuiteSummary summarize(Path root) {
    if (cacheFolder != null) {
      Optional<LoadCache.Head> head = cache(root).readHead();
      if (head.isPresent() && StampCheck.unchanged(root, head.get(), SUITE_FILE, TASKS_FOLDER, TASK_FILE)) {
        return head.get().summary();
      }
    }
    Scan scan = scan(root, false);
    if (scan.suite() == null) {
      throw new InvalidSuiteException(scan.problems());
    }
    return scan.summary();
  }

  /**
   * A suite read and checked: its problems, or the suite (without its tasks unless they were
   * bound) and its summary (when its tasks were not bound, or a cache keeps it).
   */
  private record Scan(List<Problem> problems, Suite suite, SuiteSummary summary) {}

  private LoadCache cache(Path root) {
    // concat, not +: a string concatenation's first call starts the method handle machinery.
    return LoadCache.of(cacheFolder, root, "max file bytes ".concat(Long.toString(maxFileBytes)), SuiteLoader.class,
        checkValidator.getClass());
  }

  private Scan scan(Path root, boolean bind) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      problems.add(Problem.inFile(root, Files.exists(root)
          ? "not a suite folder (a suite is a folder holding suite.json and tasks/)"
          : "no such folder"));
      return new Scan(problems, null, null);
    }
    LoadCache cache = cacheFolder == null ? null : cache(root);
    LoadCache.Contents previous = cache == null ? LoadCache.Contents.EMPTY : cache.read();
    Manifest manifest = readManifest(root.resolve(SUITE_FILE), previous, problems);

    Path tasksFolder = root.resolve(TASKS_FOLDER);
    // Stamped before it is listed, as a file is before it is read.
    FileStamp tasksStamp = cache == null ? null : FileStamp.of(tasksFolder).orElse(null);
    List<Path> folders = taskFolders(tasksFolder, problems);
    // Tasks are independent, so they are read on every core; the results come back in folder
    // order, so problems are reported in the same order as one thread would.
    // The first is read alone: the schema validator builds parts of itself on first use.
    ReadBudget budget = new ReadBudget(KEPT_FOR_HASH_BYTES);
    ReadableContents readable = readableFolder == null ? ReadableContents.NONE : ReadableContents.in(readableFolder);
    List<TaskRead> reads = new ArrayList<>();
    if (!folders.isEmpty()) {
      reads.add(readTask(folders.get(0), previous, bind, budget, readable));
    }
    List<Path> rest = folders.subList(Math.min(1, folders.size()), folders.size());
    reads.addAll(rest.size() < PARALLEL_FROM
        ? rest.stream().map(f -> readTask(f, previous, bind, budget, readable)).toList()
        : rest.parallelStream().map(f -> readTask(f, previous, bind, budget, readable)).toList());
    // What opened is remembered whatever else the suite's problems are: they are facts of those bytes.
    readable.save();
    boolean unchanged = manifest != null && manifest.cached() && reads.size() == previous.entries().size()
        && tasksStamp != null && tasksStamp.equals(previous.tasksFolder());
    List<Task> tasks = new ArrayList<>();
    List<SuiteSummary.TaskFacts> facts = new ArrayList<>();
    List<TaskContent> contents = new ArrayList<>();
    Map<String, LoadCache.Entry> entries = new java.util.HashMap<>();
    for (TaskRead read : reads) {
      problems.addAll(read.problems());
      unchanged &= read.cached();
      if (read.content() != null) {
        contents.add(read.content());
        if (bind) {
          tasks.add(read.task());
        }
        if (read.facts() != null) {
          facts.add(read.facts());
        }
        if (read.entry() != null) {
          entries.put(read.entry().folderName(), read.entry());
        }
      }
    }
    if (!problems.isEmpty() || manifest == null) {
      return new Scan(problems, null, null);
    }
    tasks.sort(Comparator.comparing(Task::id));
    facts.sort(Comparator.comparing(SuiteSummary.TaskFacts::id));
    JsonNode m = manifest.json();
    // Nothing changed since the cache was written: its hash is this suite's.
    String hash = unchanged ? previous.hash() : ContentHasher.hash(manifest.canonical(), contents);
    Suite suite = new Suite(m.get("name").asText(), m.get("version").asText(),
        text(m, "description"), text(m, "license"), root, tasks, hash, provenance(m.get("provenance")));
    // Every task's facts are known when they were not bound, or when a cache keeps them.
    SuiteSummary summary = bind && cache == null ? null : SuiteSummary.of(suite, facts);
    if (cache != null && !unchanged && manifest.stamp() != null && tasksStamp != null) {
      cache.write(LoadCache.Contents.of(manifest.stamp(), tasksStamp, summary, manifest.canonical(), hash, entries));
    }
    return new Scan(List.of(), suite, summary);
  }

  /** Reads one task file on its own, for tools that write tasks; folder is its parent. */
  public List<Problem> validateTaskFile(Path taskFile) {
    List<Problem> problems = new ArrayList<>();
    Document document = read(taskFile, SchemaCheck.TASK, problems);
    if (document != null) {
      problems.addAll(new TaskChecks(taskFile.getParent(), document.json(), maxFileBytes, checkValidator::problem).check());
    }
    return problems;
  }

  /** The JSON mapper for task and suite files: snake_case keys, dates as ISO strings. */
  public static ObjectMapper mapper() {
    return Binding.MAPPER.copy();
  }

  private static List<Path> taskFolders(Path tasksFolder, List<Problem> problems) {
    if (!Files.isDirectory(tasksFolder)) {
      problems.add(Problem.inFile(tasksFolder, "missing tasks folder: a suite keeps each task in tasks/<task-id>/"));
      return List.of();
    }
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> entries = Files.list(tasksFolder)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          problems.add(Problem.inFile(entry, "not a task folder: tasks/ holds one folder per task"));
        } else if (!Files.isRegularFile(entry.resolve(TASK_FILE))) {
          problems.add(Problem.inFile(entry, "missing task.json"));
        } else {
          folders.add(entry);
        }
      }
    } catch (IOException e) {
      problems.add(Problem.inFile(tasksFolder, "cannot list: " + e.getMessage()));
    }
    if (folders.isEmpty() && problems.isEmpty()) {
      problems.add(Problem.inFile(tasksFolder, "the suite has no tasks"));
    }
    return folders;
  }

  /** Puts the problems of {@code file}, which are last in the list, in line order. */
  private static void sortLastFile(List<Problem> problems, Path file) {
    int start = problems.size();
    while (start > 0 && problems.get(start - 1).file().equals(file)) {
      start--;
    }
    problems.subList(start, problems.size())
        .sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
  }

  private record Document(Path file, LocatedJson json, boolean valid) {}

  /**
   * suite.json: its JSON, canonical bytes and stamp (null without a cache, or unreadable), and
   * whether it came from the cache.
   */
  private record Manifest(JsonNode json, byte[] canonical, FileStamp stamp, boolean cached) {}

  private Manifest readManifest(Path file, LoadCache.Contents previous, List<Problem> problems) {
    FileStamp stamp = cacheFolder == null ? null : FileStamp.of(file).orElse(null);
    if (stamp != null && stamp.equals(previous.suiteFile())) {
      try {
        return new Manifest(LocatedJson.parse(previous.suiteCanonical()).root(), previous.suiteCanonical(), stamp, true);
      } catch (LocatedJson.MalformedJsonException e) {
        // Not the JSON this loader wrote: read the file, as without a cache.
      }
    }
    Document document = read(file, SchemaCheck.SUITE, problems);
    if (document == null) {
      return null;
    }
    JsonNode json = document.json().root();
    return new Manifest(json, ContentHasher.canonical(json), stamp, false);
  }

  /**
   * One task folder read and checked: its problems in line order; if it has none, what it adds to
   * the hash, the task (when bound) and its facts (when read, or not bound), and what the cache
   * keeps of it (null without a cache); whether it came from the cache.
   */
  private record TaskRead(List<Problem> problems, TaskContent content, Task task, SuiteSummary.TaskFacts facts,
      LoadCache.Entry entry, boolean cached) {
    static TaskRead invalid(List<Problem> problems) {
      return new TaskRead(problems, null, null, null, null, false);
    }
  }

  private TaskRead readTask(Path folder, LoadCache.Contents previous, boolean bind, ReadBudget budget,
      ReadableContents readable) {
    String name = folder.getFileName().toString();
    LoadCache.Entry known = previous.entries().get(name);
    if (known != null && known.stamps().isCurrent(folder, TASK_FILE)) {
      Optional<Task> task = bind ? cachedTask(known.canonical(), folder) : Optional.empty();
      if (task.isPresent() || !bind) {
        return new TaskRead(List.of(), known.content(folder), task.orElse(null), known.facts(), known, true);
      }
    }
    Path file = folder.resolve(TASK_FILE);
    // Stamped before they are read: a file that changes while it is read has a new stamp next time.
    Optional<FileStamp> stamp = cacheFolder == null ? Optional.empty() : FileStamp.of(file);
    List<Problem> problems = new ArrayList<>();
    Document document = read(file, SchemaCheck.TASK, problems);
    if (document == null) {
      return TaskRead.invalid(problems);
    }
    JsonNode json = document.json().root();
    Optional<List<LoadCache.StampedFile>> files = stamp.flatMap(s ->
        LoadCache.stamps(folder, ContentHasher.referencedFiles(json)));
    TaskChecks taskChecks = new TaskChecks(folder, document.json(), maxFileBytes, checkValidator::problem, budget,
        readable);
    List<Problem> checks = taskChecks.check();
    problems.addAll(checks);
    sortLastFile(problems, document.file());
    if (!document.valid() || !checks.isEmpty()) {
      return TaskRead.invalid(problems);
    }
    TaskContent content = TaskContent.of(json, folder, taskChecks.contents());
    Task task = toTask(json, folder);
    SuiteSummary.TaskFacts facts = cacheFolder == null && bind ? null : SuiteSummary.TaskFacts.of(task);
    LoadCache.Entry entry = files.map(f -> new LoadCache.Entry(new LoadCache.TaskStamps(name, stamp.get(), f),
        content.id(), content.canonical(), facts)).orElse(null);
    return new TaskRead(problems, content, task, facts, entry, false);
  }

  private static Document read(Path file, SchemaCheck schema, List<Problem> problems) {
    if (!Files.isRegularFile(file)) {
      problems.add(Problem.inFile(file, "missing " + file.getFileName()));
      return null;
    }
    LocatedJson json;
    try {
      json = LocatedJson.parse(Files.readAllBytes(file));
    } catch (LocatedJson.MalformedJsonException e) {
      problems.add(new Problem(file, e.position().line(), e.position().column(),
          "malformed JSON: " + e.getMessage()));
      return null;
    } catch (IOException e) {
      problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
      return null;
    }
    List<Problem> found = new ArrayList<>(schema.check(file, json));
    for (LocatedJson.DuplicateKey duplicate : json.duplicateKeys()) {
      found.add(new Problem(file, duplicate.position().line(), duplicate.position().column(),
          "duplicate key \"" + dev.parity.tasks.internal.FieldNames.display(duplicate.pointer()) + "\""));
    }
    problems.addAll(found);
    return new Document(file, json, found.isEmpty());
  }

  private static Task toTask(JsonNode json, Path folder) {
    Optional<Task> bound = TaskBinding.bind(json, folder);
    if (bound.isPresent()) {
      return bound.get();
    }
    try {
      return Binding.MAPPER.treeToValue(json, Task.class).withFolder(folder);
    } catch (IOException e) {
      // The schema accepted the document, so this is a bug in the schema or the records.
      throw new IllegalStateException("task " + folder + " passed the schema but cannot be read", e);
    }
  }

  /**
   * The task the cache holds, bound as a task read from its file is ({@link #toTask}: by hand, the
   * mapper only for what the hand binding leaves to it); empty if it does not bind (a cache some other
   * code wrote): then the file is read. Bound by the mapper, every cached task cost a token stream, and
   * a report from the cache the mapper's deserializers, built by reflection (benchmarks/README.md,
   * "Eighth pass").
   */
  private static Optional<Task> cachedTask(byte[] canonical, Path folder) {
    try {
      return Optional.of(toTask(LocatedJson.parse(canonical).root(), folder));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static SuiteProvenance provenance(JsonNode json) {
    if (json == null || json.isNull()) {
      return null;
    }
    try {
      return Binding.MAPPER.treeToValue(json, SuiteProvenance.class);
    } catch (IOException e) {
      throw new IllegalStateException("suite provenance passed the schema but cannot be read", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}

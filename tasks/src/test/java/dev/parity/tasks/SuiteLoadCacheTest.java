package dev.parity.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load cache of commands that only show a suite: what it reuses, and that nothing it holds
 * can make a loader see a suite other than the one on disk. The rubric check validator counts
 * the tasks actually read and checked.
 */
class SuiteLoadCacheTest {
  @TempDir Path root;
  @TempDir Path cacheFolder;

  private final AtomicInteger checked = new AtomicInteger();
  private SuiteLoader cached;

  @BeforeEach
  void aSuiteOfTwoTasksWithCheckedRubrics() {
    SuiteFolder.withMinimalTask(root)
        .edit("expense-summary", "\"points\": 2}", "\"points\": 2, \"check\": {\"type\": \"contains\", \"text\": \"total\"}}");
    SuiteFolder.write(root.resolve("tasks/second/task.json"),
        SuiteFolder.read(root.resolve("tasks/expense-summary/task.json")).replace("expense-summary", "second"));
    SuiteFolder.write(root.resolve("tasks/second/baseline/summary.md"), "# Second\n");
    cached = SuiteLoader.create().withCheckValidator(check -> {
      checked.incrementAndGet();
      return Optional.empty();
    }).withCache(cacheFolder);
  }

  private Suite uncached() {
    return SuiteLoader.create().load(root);
  }

  @Test
  void anUnchangedSuiteIsTakenFromTheCacheAsTheSameSuiteWithTheSameHash() {
    Suite first = cached.load(root);
    assertThat(checked).hasValue(2);

    Suite second = cached.load(root);

    assertThat(checked).as("no task read and checked again").hasValue(2);
    assertThat(second).isEqualTo(first).isEqualTo(uncached());
    assertThat(second.contentHash()).isEqualTo(uncached().contentHash());
  }

  @Test
  void aSummaryFromTheCacheIsTheSummaryOfTheSuiteFlagsAndUnknownsIncluded() {
    SuiteFolder.write(root.resolve("tasks/second/task.json"), SuiteFolder.read(root.resolve("tasks/second/task.json"))
        .replace("\"hourly_wage_usd\": 42.5", "\"hourly_wage_usd\": {\"source\": \"unknown\"}")
        .replaceAll("\"rubric\": \\[.*\\]", "\"rubric\": []"));
    SuiteSummary expected = SuiteSummary.of(uncached());
    assertThat(expected.flags()).extracting(SuiteSummary.Flagged::kind)
        .containsExactly(TaskFlag.Kind.NO_RUBRIC, TaskFlag.Kind.WAGE_NOT_KNOWN);

    assertThat(cached.summarize(root)).isEqualTo(expected);
    assertThat(cached.summarize(root)).as("from the cache").isEqualTo(expected);
    assertThat(checked).as("the first task's rubric check, once").hasValue(1);
  }

  @Test
  void aTaskFileChangedToTheSameSizeWithANewTimeIsReadAgain() throws IOException {
    cached.load(root);
    Path file = root.resolve("tasks/second/task.json");
    changeLater(file,
        () -> Files.writeString(file, SuiteFolder.read(file).replace("\"minutes\": 45", "\"minutes\": 46")));

    Suite suite = cached.load(root);

    assertThat(checked).as("only the changed task read again").hasValue(3);
    assertThat(suite.task("second").orElseThrow().baseline().minutes()).isEqualTo(SourcedValue.reported(46));
    assertThat(suite).isEqualTo(uncached());
  }

  @Test
  void aReferencedFileChangedInPlaceChangesTheHashAsWithoutACache() throws IOException {
    String original = cached.load(root).contentHash();
    Path baseline = root.resolve("tasks/second/baseline/summary.md");
    changeLater(baseline, () -> Files.writeString(baseline, "# Secund\n"));

    String changed = cached.load(root).contentHash();

    assertThat(changed).isNotEqualTo(original).isEqualTo(uncached().contentHash());
  }

  @Test
  void aSuiteEditedInPlaceIsValidatedAgainAndItsProblemsHaveTheirFileAndLine() throws IOException {
    cached.load(root);
    Path file = root.resolve("tasks/second/task.json");
    changeLater(file,
        () -> Files.writeString(file, SuiteFolder.read(file).replace("\"minutes\": 45", "\"minutes\": -5")));

    List<Problem> problems = cached.validate(root).problems();

    assertThat(problems).isNotEmpty().isEqualTo(SuiteLoader.create().validate(root).problems());
    assertThat(problems).allSatisfy(p -> {
      assertThat(p.file()).isEqualTo(file);
      assertThat(p.line()).isEqualTo(9);
    });
  }

  @Test
  void addedAndRemovedTasksAreSeen() throws IOException {
    cached.load(root);
    addThirdTask();

    assertThat(cached.load(root).tasks()).extracting(Task::id).containsExactly("expense-summary", "second", "third");
    assertThat(checked).as("only the new task read").hasValue(3);

    deleteTree(root.resolve("tasks/second"));
    Suite suite = cached.load(root);

    assertThat(suite.tasks()).extracting(Task::id).containsExactly("expense-summary", "third");
    assertThat(suite.contentHash()).isEqualTo(uncached().contentHash());
  }

  @Test
  void aSummaryFromTheCacheSeesATaskFileChangedToTheSameSize() throws IOException {
    SuiteSummary first = cached.summarize(root);
    Path file = root.resolve("tasks/second/task.json");
    changeLater(file,
        () -> Files.writeString(file, SuiteFolder.read(file).replace("\"minutes\": 45", "\"minutes\": 46")));

    SuiteSummary summary = cached.summarize(root);

    assertThat(summary).isEqualTo(SuiteSummary.of(uncached()));
    assertThat(summary.humanHours()).isGreaterThan(first.humanHours());
    assertThat(checked).as("only the changed task read again").hasValue(3);
  }

  @Test
  void aSummaryFromTheCacheSeesAReferencedFileChangedInPlace() throws IOException {
    String original = cached.summarize(root).hash();
    Path baseline = root.resolve("tasks/second/baseline/summary.md");
    changeLater(baseline, () -> Files.writeString(baseline, "# Secund\n"));

    assertThat(cached.summarize(root).hash()).isNotEqualTo(original).isEqualTo(uncached().contentHash());
  }

  @Test
  void aSummaryFromTheCacheSeesSuiteJsonChanged() throws IOException {
    cached.summarize(root);
    Path file = root.resolve("suite.json");
    changeLater(file, () -> Files.writeString(file, SuiteFolder.read(file).replace("test-suite", "test-suit2")));

    SuiteSummary summary = cached.summarize(root);

    assertThat(summary.name()).isEqualTo("test-suit2");
    assertThat(summary).isEqualTo(SuiteSummary.of(uncached()));
  }

  @Test
  void aSummaryFromTheCacheSeesTaskFoldersAddedAndRemoved() throws IOException {
    cached.summarize(root);
    addThirdTask();

    assertThat(cached.summarize(root)).isEqualTo(SuiteSummary.of(uncached())).extracting(SuiteSummary::tasks)
        .isEqualTo(3);
    assertThat(checked).as("only the new task read").hasValue(3);

    deleteTree(root.resolve("tasks/expense-summary"));

    assertThat(cached.summarize(root)).isEqualTo(SuiteSummary.of(uncached())).extracting(SuiteSummary::tasks)
        .isEqualTo(2);
    assertThat(checked).as("nothing read: the remaining tasks are as they were").hasValue(3);
  }

  @Test
  void aTaskFolderReplacedByALinkToTheSameFilesIsReportedAsWithoutACache() throws IOException {
    cached.summarize(root);
    Path tasks = root.resolve("tasks");
    // The same files (inodes, sizes, times) through the link; only the tasks folder shows the change.
    changeLater(tasks, () -> {
      Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
      Files.move(tasks.resolve("second"), elsewhere.resolve("second"));
      Files.createSymbolicLink(tasks.resolve("second"), elsewhere.resolve("second"));
    });

    List<Problem> expected = SuiteLoader.create().validate(root).problems();
    assertThat(expected).extracting(Problem::message).containsExactly("not a task folder: tasks/ holds one folder per task");
    assertThatThrownBy(() -> cached.summarize(root)).isInstanceOfSatisfying(InvalidSuiteException.class,
        e -> assertThat(e.problems()).isEqualTo(expected));
  }

  @Test
  void aHiddenEntryInTheTasksFolderIsIgnoredAndTheCacheStampedAgain() throws IOException {
    SuiteSummary expected = cached.summarize(root);
    Path cache = onlyCacheFile();
    Object written = Files.getAttribute(cache, "unix:ino");
    Path tasks = root.resolve("tasks");
    changeLater(tasks, () -> Files.writeString(tasks.resolve(".DS_Store"), "not a task"));

    assertThat(cached.summarize(root)).isEqualTo(expected);
    Object rewritten = Files.getAttribute(cache, "unix:ino");
    assertThat(rewritten).as("the cache written again, with the tasks folder's new stamp").isNotEqualTo(written);
    assertThat(cached.summarize(root)).isEqualTo(expected);
    assertThat(Files.getAttribute(cache, "unix:ino")).as("and then trusted as it is").isEqualTo(rewritten);
    assertThat(checked).as("no task read again").hasValue(2);
  }

  @Test
  void aCorruptTruncatedOrForeignCacheIsIgnoredSilentlyAndWrittenAgain() throws IOException {
    Suite expected = cached.load(root);
    Path cache = onlyCacheFile();
    byte[] good = Files.readAllBytes(cache);
    int reads = checked.get();
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x10;
    for (byte[] damaged : List.of(flipped, java.util.Arrays.copyOf(good, good.length / 2), new byte[0],
        "{\"not\": \"a parity cache\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      Files.write(cache, damaged);

      assertThat(cached.load(root)).isEqualTo(expected);
      assertThat(checked.get()).as("every task read again").isEqualTo(reads + 2);
      reads = checked.get();
      assertThat(cached.load(root)).as("the cache written again").isEqualTo(expected);
      assertThat(checked.get()).isEqualTo(reads);
    }
  }

  @Test
  void aCacheWrittenByALoaderWithOtherSettingsIsNotTrusted() {
    cached.load(root);

    cached.withMaxFileBytes(1024).load(root);

    assertThat(checked).as("read again under the other limit").hasValue(4);
  }

  @Test
  void aCacheFolderThatCannotBeWrittenCostsNothingButTheCache() throws IOException {
    Path notAFolder = cacheFolder.resolve("file");
    Files.writeString(notAFolder, "in the way");
    SuiteLoader loader = SuiteLoader.create().withCache(notAFolder.resolve("suites"));

    assertThat(loader.load(root)).isEqualTo(uncached());
    assertThat(loader.load(root)).isEqualTo(uncached());
  }

  @Test
  void theUserCacheFolderFollowsXdgThenHome() {
    assertThat(SuiteLoader.userCacheFolder(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u")))
        .contains(Path.of("/x/cache/parity/suites"));
    assertThat(SuiteLoader.userCacheFolder(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/home/u")))
        .as("a relative XDG_CACHE_HOME is ignored, as the XDG spec says").contains(Path.of("/home/u/.cache/parity/suites"));
    assertThat(SuiteLoader.userCacheFolder(Map.of())).isEmpty();
  }

  /** Adds task {@code third}, a copy of {@code second} with its own baseline. */
  private void addThirdTask() throws IOException {
    SuiteFolder.write(root.resolve("tasks/third/task.json"),
        SuiteFolder.read(root.resolve("tasks/second/task.json")).replace("\"second\"", "\"third\""));
    SuiteFolder.write(root.resolve("tasks/third/baseline/summary.md"), "# Third\n");
  }

  /**
   * Makes {@code change}, then dates {@code path} two seconds after its time before: an edit that a
   * file system with coarse times would show, without waiting for the clock.
   */
  private static void changeLater(Path path, Change change) throws IOException {
    FileTime before = Files.getLastModifiedTime(path);
    change.make();
    Files.setLastModifiedTime(path, FileTime.fromMillis(before.toMillis() + 2_000));
  }

  private interface Change {
    void make() throws IOException;
  }

  private Path onlyCacheFile() throws IOException {
    try (Stream<Path> files = Files.list(cacheFolder)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./parity} launcher on a fresh clone of the committed repository: the first command
 * a newcomer types must build the jar and work, later ones must not rebuild needlessly.
 *
 * <p>The class-data archive is made in the background; a test that looks at it first waits for
 * the background process by taking its lock ({@link #awaitArchive}), never for a time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherTest {
  @TempDir static Path workspace;
  static Path clone;

  record Result(int exitCode, String out, String err) {}

  @BeforeAll
  static void cloneTheRepository() throws Exception {
    Path repository = Path.of("").toAbsolutePath().getParent();
    assumeTrue(Files.exists(repository.resolve(".git")) && Files.isExecutable(repository.resolve("parity")),
        "not run from a git checkout (a clone or a worktree) of Parity, so there is no clean clone to make");
    clone = workspace.resolve("parity");
    Result cloned = run(workspace, List.of("git", "clone", "--quiet", repository.toString(), clone.toString()));
    assertThat(cloned.exitCode()).as(cloned.err()).isZero();
  }

  /** No archive is being made when the clone is deleted. */
  @AfterAll
  static void awaitTheLastArchive() throws Exception {
    if (clone != null) {
      awaitArchive();
    }
  }

  @Test
  @Order(1)
  void helpWorksAsTheVeryFirstCommandOnAFreshClone() throws Exception {
    assertThat(clone.resolve("cli/target")).doesNotExist();

    Result help = run(clone, List.of("./parity", "--help"));

    assertThat(help.exitCode()).as(help.err()).isZero();
    assertThat(help.out()).contains("Usage: parity", "validate", "demo");
    assertThat(help.err()).contains("building");
    assertThat(clone.resolve("cli/target/parity.jar")).isRegularFile();
  }

  @Test
  @Order(2)
  void anUpToDateJarIsNotRebuiltAndReportsTheCommitItWasBuiltFrom() throws Exception {
    Result version = run(clone, List.of("./parity", "--version"));
    String head = run(clone, List.of("git", "rev-parse", "--short=10", "HEAD")).out().strip();

    assertThat(version.exitCode()).isZero();
    assertThat(version.err()).doesNotContain("building");
    assertThat(version.out()).contains("commit " + head);
  }

  @Test
  @Order(3)
  void aCommitThatChangesNoSourceTriggersARebuildSoTheJarNamesIt() throws Exception {
    Result committed = run(clone, List.of("git", "-c", "user.name=Parity test", "-c", "user.email=test@parity.invalid",
        "commit", "--quiet", "--allow-empty", "-m", "no source changed"));
    assertThat(committed.exitCode()).as(committed.err()).isZero();
    String head = run(clone, List.of("git", "rev-parse", "--short=10", "HEAD")).out().strip();

    Result version = run(clone, List.of("./parity", "--version"));
    Result again = run(clone, List.of("./parity", "--version"));

    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.err()).contains("building");
    assertThat(version.out()).contains("commit " + head);
    assertThat(again.err()).doesNotContain("building");
  }

  @Test
  @Order(4)
  void aSourceNewerThanTheJarTriggersARebuild() throws Exception {
    Path source = clone.resolve("cli/src/main/java/dev/parity/cli/Main.java");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));

    Result help = run(clone, List.of("./parity", "validate", "--help"));

    assertThat(help.exitCode()).isZero();
    assertThat(help.err()).contains("building");
    assertThat(help.out()).contains("Usage: parity validate");
  }

  /**
   * `report` has JVM options of its own (a larger heap, huge pages where the kernel offers them, a
   * loop threshold): the JVM accepts them without a warning. The JVM prints some warnings on
   * stderr ("VM warning: …") and its log's (such as "[warning][pagesize]") on stdout, so both are
   * read. Whether the options make it faster is for the benchmarks, not this test.
   */
  @Test
  @Order(5)
  void reportStartsWithItsOwnJvmOptionsWithoutAWarning() throws Exception {
    Result help = run(clone, List.of("./parity", "report", "--help"));

    assertThat(help.exitCode()).as(help.err()).isZero();
    assertThat(help.out()).contains("Usage: parity report").doesNotContain("[warning]");
    assertThat(help.err()).isEmpty();
  }

  /**
   * The launcher asks for transparent huge pages for the short commands (`run` and `validate` among
   * them) only where the kernel gives them on request (`[always]` or `[madvise]`); with `[never]` the
   * JVM would print a warning on every command (on stdout, where its log goes) and go without them
   * anyway. The commands that serve or grade for hours keep the JVM's default (none), and so does
   * `report`, which takes 200-250 MB of fresh memory in two or three seconds: on a VM whose host
   * takes freed memory back, a fresh huge page costs more to touch than it saves. Where it gets them,
   * `run` gets a larger young generation too, cheap with huge pages; `report` always has one.
   * Each setting is shown to the launcher and its JVM alike by bubblewrap, which mounts a file with
   * it over the kernel's.
   */
  @Test
  @Order(6)
  void shortCommandsAskForHugePagesOnlyWhereTheKernelGivesThem() throws Exception {
    Path kernelSetting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    assumeTrue(Files.exists(kernelSetting), "a kernel without transparent huge pages: no setting to mount a file over");
    Path setting = workspace.resolve("transparent_hugepage_enabled");
    for (String kernel : List.of("[always] madvise never", "always [madvise] never", "always madvise [never]")) {
      Files.writeString(setting, kernel + "\n");
      for (String command : List.of("report", "run", "validate", "serve")) {
        Result help = run(clone, List.of("bwrap", "--dev-bind", "/", "/", "--ro-bind", setting.toString(),
            kernelSetting.toString(), "./parity", command, "--help"), "-XX:+PrintFlagsFinal");

        String shown = kernel + ", " + command;
        boolean asked = !kernel.contains("[never]") && (command.equals("run") || command.equals("validate"));
        assertThat(help.exitCode()).as(shown + ": " + help.err()).isZero();
        assertThat(help.err()).as(shown).isEmpty();
        assertThat(help.out()).as(shown).contains("Usage: parity " + command).doesNotContain("[warning]")
            .containsPattern("UseTransparentHugePages\\s+= " + asked + "\\s");
        // A report's young generation is 48 MB, and a run's with huge pages; without them, the JVM's share of 16 MB.
        boolean largerYoungGeneration = command.equals("report") || asked && command.equals("run");
        assertThat(Pattern.compile("\\sNewSize\\s+= 50331648\\s").matcher(help.out()).find())
            .as(shown + ": a young generation of 48 MB").isEqualTo(largerYoungGeneration);
      }
    }
  }

  @Test
  @Order(7)
  void usageErrorsExitTwoThroughTheLauncher() throws Exception {
    assertThat(run(clone, List.of("./parity", "--no-such-option")).exitCode()).isEqualTo(2);
  }

  @Test
  @Order(8)
  void commandsStartedAtOnceAfterASourceChangeBuildOnceAndAllWork() throws Exception {
    awaitArchive();
    List<Path> archivesBefore = archives();
    assertThat(archivesBefore).as("the archive of the jar built before").hasSize(1);
    Path source = clone.resolve("cli/src/main/java/dev/parity/cli/Main.java");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));

    List<Started> started = new ArrayList<>();
    for (List<String> command : List.of(List.of("./parity", "--version"), List.of("./parity", "--help"),
        List.of("./parity", "validate", "--help"))) {
      started.add(start(clone, command));
    }
    List<Result> results = new ArrayList<>();
    for (Started each : started) {
      results.add(each.finish());
    }

    assertThat(results).allSatisfy(result -> assertThat(result.exitCode()).as(result.err()).isZero());
    assertThat(results.get(0).out()).contains("commit ");
    assertThat(results.get(1).out()).contains("Usage: parity");
    assertThat(results.get(2).out()).contains("Usage: parity validate");
    assertThat(results).filteredOn(result -> result.err().contains("building")).hasSize(1);
    try (Stream<Path> left = Files.walk(clone)) {
      assertThat(left.filter(path -> path.getFileName().toString().startsWith("launcher-")))
          .as("private build folders are removed").isEmpty();
    }
    awaitArchive();
    assertThat(archives()).as("the rebuilt jar has an archive of its own, the old one is gone")
        .hasSize(1).doesNotContainAnyElementsOf(archivesBefore);
  }

  @Test
  @Order(9)
  void laterCommandsStartFromAClassDataArchiveOfTheJar() throws Exception {
    assertThat(archives()).hasSize(1);

    awaitArchive();
    // The JVM logs where each class came from; the launcher's options come first, so this wins.
    Result traced = traceClassLoading();

    assertThat(traced.exitCode()).as(traced.err()).isZero();
    assertThat(traced.out()).containsPattern("dev\\.parity\\.cli\\.\\S+ source: shared objects file");
  }

  @Test
  @Order(10)
  void aMissingArchiveIsMadeAgainWithoutAWord() throws Exception {
    for (Path archive : archives()) {
      Files.delete(archive);
    }

    Result version = run(clone, List.of("./parity", "--version"));

    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("parity ").doesNotContain("warning", "cds");
    assertThat(version.err()).isEmpty();
    awaitArchive();
    assertThat(archives()).hasSize(1);
  }

  @Test
  @Order(11)
  void aTruncatedArchiveIsNotUsedAndIsMadeAgain() throws Exception {
    Path archive = archives().get(0);
    long whole = Files.size(archive);
    assertThat(archive.toFile().setWritable(true)).isTrue();
    try (var channel = java.nio.channels.FileChannel.open(archive, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(whole / 2);
    }

    Result version = run(clone, List.of("./parity", "--version"));

    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("parity ").doesNotContain("warning", "cds");
    assertThat(version.err()).isEmpty();
    awaitArchive();
    assertThat(archives()).hasSize(1);
    assertThat(Files.size(archives().get(0))).isGreaterThan(whole / 2);
  }

  @Test
  @Order(12)
  void anArchiveWrittenOverInPlaceIsNotUsedAndTheCommandWorks() throws Exception {
    Path archive = archives().get(0);
    byte[] bytes = Files.readAllBytes(archive);
    assertThat(archive.toFile().setWritable(true)).isTrue();
    for (int i = bytes.length / 4; i < bytes.length; i += 4096) {
      bytes[i] ^= 0x5a;
    }
    Files.write(archive, bytes);

    Result version = run(clone, List.of("./parity", "--version"));
    Result help = run(clone, List.of("./parity", "validate", "--help"));

    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("parity ").doesNotContain("warning", "cds");
    assertThat(version.err()).isEmpty();
    assertThat(help.exitCode()).as(help.err()).isZero();
    assertThat(help.out()).startsWith("Usage: parity validate");
  }

  @Test
  @Order(13)
  void commandsStartedAtOnceWhileTheArchiveIsMissingAllWorkAndOneArchiveIsMade() throws Exception {
    awaitArchive();
    for (Path archive : archives()) {
      Files.delete(archive);
    }

    List<Started> started = new ArrayList<>();
    for (List<String> command : List.of(List.of("./parity", "--version"), List.of("./parity", "--help"),
        List.of("./parity", "validate", "--help"), List.of("./parity", "--version"))) {
      started.add(start(clone, command));
    }
    for (Started each : started) {
      Result result = each.finish();
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.err()).isEmpty();
    }

    awaitArchive();
    assertThat(archives()).hasSize(1);
    assertThat(traceClassLoading().out()).containsPattern("dev\\.parity\\.cli\\.\\S+ source: shared objects file");
  }

  @Test
  @Order(14)
  void whatAKilledArchiveBuildLeavesIsNotUsedAndTheArchiveIsMadeAgain() throws Exception {
    awaitArchive();
    Path folder = clone.resolve("cli/target/cds");
    String key = Files.readString(folder.resolve("key")).strip().split("\\|")[2];
    Path archive = folder.resolve("parity-" + key + ".jsa");
    byte[] whole = Files.readAllBytes(archive);
    // Killed after the rename, before the stamp: an archive nothing vouches for. Killed earlier:
    // a half-written temporary archive and class list.
    Files.delete(folder.resolve("parity-" + key + ".jsa.stamp"));
    Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 3));
    Files.write(folder.resolve("parity-" + key + ".99999.jsa"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(folder.resolve("parity-" + key + ".99999.classes"), "java/lang/Object\n");

    Result traced = traceClassLoading();

    assertThat(traced.exitCode()).as(traced.err()).isZero();
    assertThat(traced.err()).isEmpty();
    assertThat(traced.out()).contains("dev.parity.cli.Main").doesNotContainPattern("dev\\.parity\\.\\S+ source: shared objects file");
    awaitArchive();
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left.map(path -> path.getFileName().toString()))
          .as("the temporary files are gone, the archive made again with its stamp")
          .containsExactlyInAnyOrder("build.lock", "key", "parity-" + key + ".jsa", "parity-" + key + ".jsa.stamp");
    }
    assertThat(traceClassLoading().out()).containsPattern("dev\\.parity\\.cli\\.\\S+ source: shared objects file");
  }

  /** {@code parity --version} with the JVM's log of where each class came from on its output. */
  private static Result traceClassLoading() throws IOException, InterruptedException {
    return run(clone, List.of("./parity", "--version"), "-Xlog:class+load=info");
  }

  /** Waits until no archive is being made: the background process holds the lock until it is done. */
  private static void awaitArchive() throws IOException, InterruptedException {
    Path folder = clone.resolve("cli/target/cds");
    if (Files.isDirectory(folder)) {
      Result waited = run(clone, List.of("flock", folder.resolve("build.lock").toString(), "true"));
      assertThat(waited.exitCode()).as(waited.err()).isZero();
    }
  }

  private static List<Path> archives() throws IOException {
    Path folder = clone.resolve("cli/target/cds");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(path -> path.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  /** A command started and not yet waited for. */
  record Started(List<String> command, Process process, Path out, Path err) {
    Result finish() throws IOException, InterruptedException {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish in 10 minutes");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  private static Started start(Path directory, List<String> command) throws IOException {
    return start(directory, command, "");
  }

  /** Starts {@code command} with {@code javaOptions} as PARITY_JAVA_OPTS (none when empty). */
  private static Started start(Path directory, List<String> command, String javaOptions) throws IOException {
    Path out = Files.createTempFile(workspace, "out", ".txt");
    Path err = Files.createTempFile(workspace, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().remove("PARITY_JAVA_OPTS");
    if (!javaOptions.isEmpty()) {
      builder.environment().put("PARITY_JAVA_OPTS", javaOptions);
    }
    return new Started(command, builder.start(), out, err);
  }

  private static Result run(Path directory, List<String> command) throws IOException, InterruptedException {
    return start(directory, command).finish();
  }

  private static Result run(Path directory, List<String> command, String javaOptions)
      throws IOException, InterruptedException {
    return start(directory, command, javaOptions).finish();
  }
}

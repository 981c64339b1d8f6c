package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.harness.testing.FakeChatCompletions;
import dev.parity.harness.testing.TestSuites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parity run} in a real child JVM, killed the hard way ({@code kill -9}) or with Ctrl-C
 * (SIGINT) halfway through, then resumed: nothing recorded is lost, nothing answered is asked
 * for again beyond the calls that were in flight, and the store holds every attempt once. A run
 * killed with {@code kill -9} reads as abandoned once its heartbeat is three intervals old; one
 * stopped with Ctrl-C never does.
 */
class KillAndResumeTest {
  private static final int TASKS = 40;
  private static final int CONCURRENCY = 4;
  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private final FakeChatCompletions fake = new FakeChatCompletions().latencyMillis(100);
  private Path suite;
  private Path db;
  private final List<Process> children = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(fake);
    server.start();
    suite = folder.resolve("suite");
    TestSuites.write(suite, TASKS);
    db = folder.resolve("parity.db");
  }

  @AfterEach
  void tearDown() {
    children.forEach(Process::destroyForcibly);
    fake.release();
    server.close();
  }

  @Test
  void aRunKilledHalfwayResumesWithoutPayingTwiceForWhatWasRecorded() throws Exception {
    fake.holdAfter(TASKS / 2);
    Process first = start();
    // Killed while the server holds its answers: halfway, however fast or slow the machine is.
    waitUntil(() -> fake.held() > 0, first);
    first.destroyForcibly();
    assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
    int answeredBeforeKill = fake.successCount();
    fake.release();

    // Dead, but not known to be until three heartbeat intervals pass: read at the edge, then past it.
    Run.Heartbeat last;
    try (Store store = Store.open(db)) {
      last = store.findRun("killed").orElseThrow().heartbeat();
    }
    Instant threeIntervals = last.at().plus(last.interval().multipliedBy(Run.Heartbeat.MISSED));
    assertThat(CommandRun.at(Clock.fixed(threeIntervals, ZoneOffset.UTC), "runs", "--db", db.toString()).out())
        .containsPattern("killed +running ");
    Clock later = Clock.fixed(threeIntervals.plusMillis(1), ZoneOffset.UTC);
    assertThat(CommandRun.at(later, "runs", "--db", db.toString()).out()).containsPattern("killed +abandoned ");
    assertThat(CommandRun.at(later, "run", "show", "killed", "--db", db.toString()).out())
        .contains("Run killed: abandoned").contains("not ended: its process died");

    Process second = start();
    assertThat(second.waitFor(5, TimeUnit.MINUTES)).as(output(second)).isTrue();

    assertThat(second.exitValue()).as(output(second)).isZero();
    assertThat(output(second)).contains("Resuming run killed:").contains("Run killed completed: 40 of 40");
    assertThat(answeredBeforeKill).isLessThan(TASKS);
    assertThat(fake.successes()).hasSize(TASKS);
    int repeats = fake.successCount() - TASKS;
    // In flight at the kill: at most CONCURRENCY attempts calling, and as many again answered but not yet
    // recorded, their lane's next calls started meanwhile (Dispatch's rule): each may be answered again.
    assertThat(repeats).as("answers sent again: at most those in flight at the kill").isBetween(0, 2 * CONCURRENCY);
    assertThat(fake.successes().values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));
    try (Store store = Store.open(db)) {
      List<Attempt> attempts = store.attempts("killed");
      assertThat(attempts).hasSize(TASKS).allSatisfy(a -> assertThat(a.status()).isEqualTo(AttemptStatus.COMPLETED));
      assertThat(attempts.stream().map(a -> a.key().taskId()).distinct()).hasSize(TASKS);
    }
  }

  @Test
  void ctrlCLetsTheCallsInFlightFinishAndSaysHowToResume() throws Exception {
    fake.holdAfter(8);
    Process run = start();
    // The server holds its answers from the 9th on until the run has heard the Ctrl-C, so the run
    // cannot finish before the signal however slow the machine is.
    waitUntil(() -> fake.held() > 0, run);
    assertThat(ignoresCtrlC(run)).as("the run ignores SIGINT, as every process started from a script with & or "
        + "nohup does: run the tests from a shell with job control").isFalse();
    new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();
    waitUntil(() -> outputOrEmpty(run).contains("Stopping: no new attempt starts"), run);
    fake.release();

    assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String output = output(run);
    assertThat(run.exitValue()).as(output).isEqualTo(RunCommand.INTERRUPTED);
    assertThat(output).contains("Stopping: no new attempt starts; those in flight finish and are recorded")
        .contains("Run killed stopped: interrupted")
        .contains("To carry on: parity run --run-id killed --db " + db);
    Clock aDayLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
    assertThat(CommandRun.at(aDayLater, "runs", "--db", db.toString()).out())
        .as("a run stopped with Ctrl-C is never taken for one whose process died")
        .containsPattern("killed +stopped: interrupted ");
    try (Store store = Store.open(db)) {
      long recorded = store.attempts("killed").stream().filter(a -> a.status() == AttemptStatus.COMPLETED).count();
      // Every answer the server sent was recorded: the calls in flight finished before the exit.
      assertThat(recorded).isEqualTo(fake.successCount());
      assertThat(recorded).isLessThan(TASKS);
    }
  }

  private Process start() throws Exception {
    // The child runs from this test's own classes, so it needs no packaged jar.
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = Files.createTempFile(folder, "run", ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, Main.class.getName(), "run", "--suite", suite.toString(),
        "--model", "openai-compatible:m@" + server.url("/v1"), "--concurrency", Integer.toString(CONCURRENCY),
        "--db", db.toString(), "--run-id", "killed")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Process process = builder.start();
    children.add(process);
    logs.add(log);
    return process;
  }

  private String output(Process process) throws Exception {
    return Files.readString(logs.get(children.indexOf(process)), StandardCharsets.UTF_8);
  }

  private String outputOrEmpty(Process process) {
    try {
      return output(process);
    } catch (Exception e) {
      throw new AssertionError("cannot read the run's output", e);
    }
  }

  /**
   * Whether {@code process} ignores SIGINT (Linux's /proc). A process started with SIGINT ignored
   * cannot catch it, and the run would wait for the test's Ctrl-C for ever.
   */
  private static boolean ignoresCtrlC(Process process) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0;
      }
    }
    return false;
  }

  /** Polls until {@code condition} holds; fails if the child ends first (no wall-clock limit). */
  private void waitUntil(BooleanSupplier condition, Process child) throws Exception {
    while (!condition.getAsBoolean()) {
      if (!child.isAlive()) {
        throw new AssertionError("the run ended before the test could act on it:\n" + output(child));
      }
      Thread.sleep(20);
    }
  }
}

package dev.parity.judgments;

import static dev.parity.judgments.RandomJudgmentsCsv.file;
import static dev.parity.judgments.RandomJudgmentsCsv.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read by its path, by Parity's plain reader or, when it declines, by Jackson again from the
 * start, gives what Jackson's read of the same text gives: the same judgments, or the same problems
 * with the same line numbers and messages.
 */
class JudgmentsCsvFileTest {
  private final ForkJoinPool pool = new ForkJoinPool(2);
  @TempDir Path folder;

  @AfterEach
  void stopPool() {
    pool.shutdown();
  }

  @Test
  void aPlainFileGivesTheJudgmentsJacksonGives() throws IOException {
    String csv = file(new Random(1), 20_000, 0, false);

    Outcome byPath = byPath(csv.getBytes(StandardCharsets.UTF_8), id -> Optional.empty());

    assertThat(byPath.judgments()).hasSize(20_000);
    assertThat(byPath).isEqualTo(jacksons(csv.getBytes(StandardCharsets.UTF_8), id -> Optional.empty()));
  }

  @Test
  void aPlainFileWithBadRowsGivesJacksonsProblems() throws IOException {
    byte[] csv = file(new Random(2), 20_000, 30, false).getBytes(StandardCharsets.UTF_8);

    Outcome byPath = byPath(csv, id -> Optional.empty());

    assertThat(byPath.problems()).contains("line ");
    assertThat(byPath).isEqualTo(jacksons(csv, id -> Optional.empty()));
  }

  @Test
  void aFileThatIsPlainOnlyAtFirstGivesJacksonsJudgmentsAndProblems() throws IOException {
    byte[] good = (file(new Random(3), 20_000, 0, true) + rows(new Random(4), 300, 0, false))
        .getBytes(StandardCharsets.UTF_8);
    byte[] bad = (file(new Random(5), 20_000, 20, true) + rows(new Random(6), 300, 3, false))
        .getBytes(StandardCharsets.UTF_8);

    assertThat(byPath(good, id -> Optional.empty()).judgments()).hasSize(20_300);
    assertThat(byPath(good, id -> Optional.empty())).isEqualTo(jacksons(good, id -> Optional.empty()));
    assertThat(byPath(bad, id -> Optional.empty())).isEqualTo(jacksons(bad, id -> Optional.empty()));
  }

  @Test
  void badUtf8AfterBadRowsGivesJacksonsProblemsAndMessage() throws IOException {
    // é in Latin-1: a byte that UTF-8 does not allow there.
    byte[] csv = (file(new Random(7), 20_000, 20, true) + "t-1,model-1,e,human,win,0,o,s,1,caf\u00e9,left\n")
        .getBytes(StandardCharsets.ISO_8859_1);

    Outcome byPath = byPath(csv, id -> Optional.empty());

    assertThat(byPath.problems()).contains("not a readable CSV file");
    assertThat(byPath).isEqualTo(jacksons(csv, id -> Optional.empty()));
  }

  @Test
  void aCheckThatFailsStopsTheReadAsJacksonsReadStops() throws IOException {
    byte[] csv = (file(new Random(8), 20_000, 10, false) + "t-x,m,g,human,win,0,,,,,\n"
        + "t-y,m,g,human,win,0,\"open\n").getBytes(StandardCharsets.UTF_8);
    Function<String, Optional<Task>> failing = id -> {
      throw new IllegalStateException("the suite did not load (" + id + ")");
    };

    Outcome byPath = byPath(csv, failing);

    assertThat(byPath.problems()).contains("not a readable CSV file: the suite did not load (t-x)");
    assertThat(byPath).isEqualTo(jacksons(csv, failing));
  }

  @Test
  void anEmptyFileAndABadHeaderGiveJacksonsProblems() throws IOException {
    for (String csv : List.of("", "\n\n", "task_id,contestant,grader\n",
        "\uFEFFtask_id,contestant,grader,outcome,colour\r\n")) {
      byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

      assertThat(byPath(bytes, id -> Optional.empty())).as(csv).isEqualTo(jacksons(bytes, id -> Optional.empty()));
    }
  }

  /** Judgments read, or the message that refused them. */
  private record Outcome(List<Judgment> judgments, String problems) {}

  private Outcome byPath(byte[] csv, Function<String, Optional<Task>> tasks) throws IOException {
    Path file = Files.write(folder.resolve("j.csv"), csv);
    try {
      return new Outcome(JudgmentsCsv.read(file, tasks, pool), null);
    } catch (InvalidJudgmentsException e) {
      return new Outcome(null, e.getMessage() + e.problems());
    }
  }

  private Outcome jacksons(byte[] csv, Function<String, Optional<Task>> tasks) throws IOException {
    Path file = Files.write(folder.resolve("j.csv"), csv);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Outcome(JudgmentsCsv.read(file.toString(), reader, tasks, pool), null);
    } catch (InvalidJudgmentsException e) {
      return new Outcome(null, e.getMessage() + e.problems());
    }
  }
}

package dev.parity.judgments;

import static dev.parity.judgments.RandomJudgmentsCsv.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.tasks.Task;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A file read with its rows checked on a pool gives what the serial read gives: the same judgments
 * in the same order, or the same problems in the same order, whichever row fails and however.
 * Files of 30,000 rows: many batches, more than the batches let wait at once.
 */
class JudgmentsCsvOnAPoolTest {
  private final ForkJoinPool pool = new ForkJoinPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdown();
  }

  @Test
  void aGoodFileGivesTheSameJudgmentsInTheSameOrder() {
    String csv = file(new Random(1), 30_000, 0, false);

    Outcome serial = serial(csv, id -> Optional.empty());
    Outcome pooled = pooled(csv, id -> Optional.empty());

    assertThat(serial.judgments()).hasSize(30_000);
    assertThat(pooled).isEqualTo(serial);
  }

  @Test
  void badRowsGiveTheSameProblemsInTheSameOrder() {
    String csv = file(new Random(2), 30_000, 40, false);

    Outcome serial = serial(csv, id -> Optional.empty());

    assertThat(serial.problems()).hasSizeGreaterThan(40).contains("problems; none of its judgments were used");
    assertThat(pooled(csv, id -> Optional.empty())).isEqualTo(serial);
  }

  @Test
  void aCheckThatFailsStopsTheReadAtItsRowAsTheSerialReadStops() {
    String csv = file(new Random(3), 30_000, 10, false) + "t-x,m,g,human,win,0,,,,,\n" + "t-y,m,g,human,win,0,\"open\n";
    Function<String, Optional<Task>> failing = id -> {
      throw new IllegalStateException("the suite did not load (" + id + ")");
    };

    Outcome serial = serial(csv, failing);

    assertThat(serial.problems()).contains("not a readable CSV file: the suite did not load (t-x)")
        .doesNotContain("t-y");
    assertThat(pooled(csv, failing)).isEqualTo(serial);
  }

  @Test
  void aFileThatStopsParsingGivesTheRowsBeforeItsProblemsAndThenTheParsersMessage() {
    String csv = file(new Random(4), 30_000, 10, false) + "t-y,m,g,human,win,0,o,s,1,\"never closed\n";

    Outcome serial = serial(csv, id -> Optional.empty());

    assertThat(serial.problems()).contains("not a readable CSV file");
    assertThat(pooled(csv, id -> Optional.empty())).isEqualTo(serial);
  }

  /** Judgments read, or the message that refused them. */
  private record Outcome(List<Judgment> judgments, String problems) {}

  private static Outcome serial(String csv, Function<String, Optional<Task>> tasks) {
    try {
      return new Outcome(JudgmentsCsv.read("j.csv", new StringReader(csv), tasks), null);
    } catch (InvalidJudgmentsException e) {
      return new Outcome(null, e.getMessage() + e.problems());
    }
  }

  private Outcome pooled(String csv, Function<String, Optional<Task>> tasks) {
    try {
      return new Outcome(JudgmentsCsv.read("j.csv", new StringReader(csv), tasks, pool), null);
    } catch (InvalidJudgmentsException e) {
      return new Outcome(null, e.getMessage() + e.problems());
    }
  }
}

package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.store.Attempt;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.AttemptStatus;
import dev.parity.harness.store.RunStatus;
import dev.parity.harness.testing.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  private final ManualClock clock = new ManualClock();
  private final StringWriter text = new StringWriter();

  @Test
  void aPlainLineShowsEachModelsDoneTotalRateEtaSpendRetriesAndFailures() {
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), clock, false);
    printer.started("r1", true, List.of(new RunListener.ModelProgress("gpt", 10, 2, new Spend(0.5, 0)),
        new RunListener.ModelProgress("claude", 10, 0, Spend.NONE)));
    clock.advance(Duration.ofSeconds(4));
    printer.attemptEnded(ended("gpt", AttemptStatus.COMPLETED, 0.25));
    printer.attemptEnded(ended("gpt", AttemptStatus.SERVER_ERROR, 0));
    printer.retrying(new AttemptKey("r1", "claude", "T1", 0), CallFailure.RATE_LIMITED, Duration.ofSeconds(2));

    printer.render();
    printer.close();

    assertThat(text.toString()).contains("Resuming run r1: 18 attempts to make (2 done before)")
        .contains("[00:00:04] gpt 4/10 0.5/s ETA 12s $0.75 retries 0 failed 1 | claude 0/10 0.0/s ETA ? $0.00 retries 1 failed 0")
        .doesNotContain("\033[");
  }

  @Test
  void onATerminalTheBarsAreRedrawnInPlaceAndMessagesGoAboveThem() {
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), clock, true);
    printer.started("r1", false, List.of(new RunListener.ModelProgress("gpt", 4, 0, Spend.NONE)));
    clock.advance(Duration.ofSeconds(1));
    printer.attemptEnded(ended("gpt", AttemptStatus.COMPLETED, 0));
    printer.attemptEnded(ended("gpt", AttemptStatus.COMPLETED, 0));
    printer.render();
    printer.modelStopped("gpt", "gpt stopped: its API key was rejected");
    printer.ended(new RunOutcome("r1", RunStatus.STOPPED_MODEL, "x", Map.of(), 2, Spend.NONE));

    String screen = text.toString();
    assertThat(screen).contains("gpt [████████████░░░░░░░░░░░░] 2/4 2.0/s ETA 1s $0.00 retries 0 failed 0\033[K\n");
    assertThat(screen).contains("\033[1F\033[Jgpt stopped: its API key was rejected\n");
  }

  @Test
  void anAnswerOfUnknownPriceIsShownAsUnknownNotAsZeroDollars() {
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), clock, false);
    printer.started("r1", false, List.of(new RunListener.ModelProgress("local", 3, 0, Spend.NONE),
        new RunListener.ModelProgress("gpt", 3, 0, Spend.NONE)));
    clock.advance(Duration.ofSeconds(1));
    printer.attemptEnded(answeredAtUnknownPrice("local"));
    printer.attemptEnded(ended("gpt", AttemptStatus.COMPLETED, 0.5));
    printer.attemptEnded(answeredAtUnknownPrice("gpt"));

    printer.render();
    printer.close();

    assertThat(text.toString()).contains("local 1/3 1.0/s ETA 2s unknown retries")
        .contains("gpt 2/3 2.0/s ETA 0s $0.50 + 1 unknown retries")
        .doesNotContain("$0.00");
  }

  @Test
  void theFinalLineIsPrintedOnceWhenATickAlreadyShowedIt() {
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), clock, false);
    printer.started("r1", false, List.of(new RunListener.ModelProgress("gpt", 2, 0, Spend.NONE)));
    clock.advance(Duration.ofSeconds(5));
    printer.attemptEnded(ended("gpt", AttemptStatus.COMPLETED, 0.25));
    printer.render();
    printer.attemptEnded(ended("gpt", AttemptStatus.COMPLETED, 0.25));
    printer.render();
    clock.advance(Duration.ofMillis(300));

    printer.ended(new RunOutcome("r1", RunStatus.COMPLETED, null, Map.of(AttemptStatus.COMPLETED, 2), 2,
        new Spend(0.5, 0)));

    assertThat(text.toString()).containsOnlyOnce("gpt 2/2").contains("gpt 1/2");
  }

  @Test
  void theFinalLineIsPrintedAtTheEndWhenNoTickShowedIt() {
    ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), clock, false);
    printer.started("r1", false, List.of(new RunListener.ModelProgress("gpt", 1, 0, Spend.NONE)));
    clock.advance(Duration.ofSeconds(1));
    printer.attemptEnded(ended("gpt", AttemptStatus.COMPLETED, 0.25));

    printer.ended(new RunOutcome("r1", RunStatus.COMPLETED, null, Map.of(AttemptStatus.COMPLETED, 1), 1,
        new Spend(0.25, 0)));

    assertThat(text.toString()).containsOnlyOnce("gpt 1/1 1.0/s done $0.25");
  }

  private static Attempt answeredAtUnknownPrice(String model) {
    Attempt pending = Attempt.pending(new AttemptKey("r1", model, "T1", 0));
    return new Attempt(pending.key(), AttemptStatus.COMPLETED, new Attempt.Calls(null, false, 1, null),
        new Attempt.Answer("sha256:answer", null, null, null, null, null, null, null), Attempt.Failure.NONE,
        Attempt.Timing.NOT_STARTED, Attempt.Delivery.NONE);
  }

  private static Attempt ended(String model, AttemptStatus status, double cost) {
    Attempt pending = Attempt.pending(new AttemptKey("r1", model, "T1", 0));
    return new Attempt(pending.key(), status, new Attempt.Calls(null, false, 1, null),
        new Attempt.Answer(null, null, null, null, null, cost, null, null), Attempt.Failure.NONE,
        Attempt.Timing.NOT_STARTED, Attempt.Delivery.NONE);
  }
}

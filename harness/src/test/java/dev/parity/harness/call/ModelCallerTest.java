package dev.parity.harness.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.testing.FakeModelClient;
import dev.parity.harness.testing.ManualClock;
import dev.parity.harness.testing.RecordingSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelCallerTest {
  private final ModelConfig config = new ModelConfig("judge", "fake", "judge", null, null, null, null,
      new ModelConfig.Limits(2, null, null), null, false, null);
  private final FakeModelClient client = new FakeModelClient(config);
  private final ManualClock clock = new ManualClock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final ModelCaller caller = ModelCaller.create(client, config, 2, clock, sleeper, new Random(1));
  private final ModelRequest request = new ModelRequest("t1", 0, "", "Write the memo.", List.of(), List.of(),
      Duration.ofMinutes(1));

  @Test
  void anAnswerAfterARetryCarriesItsHttpAttemptsTheFailedTryAndTheTiming() throws Exception {
    client.respond((r, call) -> {
      if (call == 1) {
        throw new RetryableCallException(CallFailure.RATE_LIMITED, "slow down", Duration.ofSeconds(7), null);
      }
      return FakeModelClient.answer("the memo", 10, 5);
    });
    List<Duration> heard = new ArrayList<>();

    CallOutcome outcome = caller.call(request, 100, Budget.unlimitedReservation(), (failure, wait) -> heard.add(wait));

    assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Answered.class,
        answered -> assertThat(answered.answer().text()).isEqualTo("the memo"));
    assertThat(outcome.log().httpAttempts()).isEqualTo(2);
    assertThat(outcome.log().failedTries()).singleElement().satisfies(failed -> {
      assertThat(failed.tryNumber()).isEqualTo(1);
      assertThat(failed.failure()).isEqualTo(CallFailure.RATE_LIMITED);
      assertThat(failed.retryWait()).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7_700));
    });
    assertThat(heard).containsExactly(outcome.log().failedTries().get(0).retryWait());
    assertThat(Duration.between(outcome.log().startedAt(), outcome.log().endedAt()))
        .isEqualTo(outcome.log().failedTries().get(0).retryWait());
  }

  @Test
  void aFailureThatComesBackMoreOftenThanTheRetriesAllowFailsWithRetriesUsedUp() throws Exception {
    client.respond((r, call) -> {
      throw new RetryableCallException(CallFailure.SERVER_ERROR, "HTTP 503", null, null);
    });

    CallOutcome outcome = caller.call(request, 100);

    assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Failed.class, failed -> {
      assertThat(failed.why()).isEqualTo(CallOutcome.Why.RETRIES_USED_UP);
      assertThat(failed.failure()).isEqualTo(CallFailure.SERVER_ERROR);
      assertThat(failed.stoppedTheModel()).isFalse();
    });
    assertThat(outcome.log().httpAttempts()).isEqualTo(3);
    assertThat(outcome.log().failedTries()).extracting(CallOutcome.FailedTry::retryWait).hasSize(3).last().isNull();
    assertThat(caller.stopped()).isFalse();
  }

  @Test
  void aRejectedKeyStopsTheModelOnceAndLaterCallsAreNotMade() throws Exception {
    client.respond((r, call) -> {
      throw new FatalCallException(CallFailure.AUTHENTICATION, 401, "invalid key", null);
    });

    CallOutcome first = caller.call(request, 100);
    CallOutcome second = caller.call(request, 100);

    assertThat(first).isInstanceOfSatisfying(CallOutcome.Failed.class, failed -> {
      assertThat(failed.why()).isEqualTo(CallOutcome.Why.FATAL);
      assertThat(failed.stoppedTheModel()).isTrue();
    });
    assertThat(caller.stopMessage()).isEqualTo("judge stopped: its API key was rejected (HTTP 401): invalid key");
    assertThat(second).isInstanceOfSatisfying(CallOutcome.Stopped.class,
        stopped -> assertThat(stopped.reason()).isEqualTo(caller.stopMessage()));
    assertThat(second.log().httpAttempts()).isZero();
    assertThat(client.requests()).hasSize(1);
  }

  @Test
  void aBadRequestFailsWithoutRetryingOrStoppingTheModel() throws Exception {
    client.respond((r, call) -> {
      throw new FatalCallException(CallFailure.BAD_REQUEST, 400, "no such parameter", null);
    });

    CallOutcome outcome = caller.call(request, 100);

    assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Failed.class, failed -> {
      assertThat(failed.why()).isEqualTo(CallOutcome.Why.FATAL);
      assertThat(failed.stoppedTheModel()).isFalse();
    });
    assertThat(caller.stopped()).isFalse();
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void aClientThatThrowsSomethingElseIsAClientBugNotAnException() throws Exception {
    client.respond((r, call) -> {
      throw new IllegalStateException("oops");
    });

    CallOutcome outcome = caller.call(request, 100);

    assertThat(outcome).isInstanceOfSatisfying(CallOutcome.Failed.class, failed -> {
      assertThat(failed.why()).isEqualTo(CallOutcome.Why.CLIENT_BUG);
      assertThat(failed.message()).contains("oops");
    });
    assertThat(outcome.log().failedTries()).singleElement()
        .satisfies(failed -> assertThat(failed.message()).startsWith("client failure: "));
  }

  @Test
  void anAnswersCostIsChargedToItsReservationAndAUsedUpBudgetMakesNoCall() throws Exception {
    client.respond((r, call) -> FakeModelClient.answer("verdict", FinishReason.COMPLETED, new Usage(10L, 5L, null, null),
        0.75));
    Budget budget = Budget.of(1.0, 0.5);

    CallOutcome paid;
    try (Budget.Reservation reservation = budget.unsized()) {
      paid = caller.call(request, 100, reservation, CallListener.NONE);
    }
    CallOutcome refused;
    try (Budget.Reservation reservation = budget.unsized()) {
      refused = caller.call(request, 100, reservation, CallListener.NONE);
    }

    assertThat(paid).isInstanceOf(CallOutcome.Answered.class);
    assertThat(budget.paidUsd()).isEqualTo(1.25);
    assertThat(refused).isInstanceOf(CallOutcome.OverBudget.class);
    assertThat(refused.log().httpAttempts()).isZero();
    assertThat(client.requests()).hasSize(1);
  }

  @Test
  void aRateLimitWithRetryAfterKeepsItsSlotThroughTheWaitAndLeavesTheLimitWhole() throws Exception {
    client.respond((r, call) -> {
      if (call == 1) {
        throw new RetryableCallException(CallFailure.RATE_LIMITED, "slow down", Duration.ofSeconds(7), null);
      }
      return FakeModelClient.answer("the memo", 10, 5);
    });
    List<Integer> inFlightWhileWaiting = new ArrayList<>();
    ModelCaller[] watched = new ModelCaller[1];
    ModelCaller watching = ModelCaller.create(client, config, 2, clock, wait -> {
      if (!wait.isZero()) {
        inFlightWhileWaiting.add(watched[0].inFlight());
      }
      sleeper.sleep(wait);
    }, new Random(1));
    watched[0] = watching;

    assertThat(watching.call(request, 100)).isInstanceOf(CallOutcome.Answered.class);

    assertThat(inFlightWhileWaiting).containsExactly(1);
    assertThat(watching.inFlight()).isZero();
    assertThat(watching.currentConcurrency()).isEqualTo(2);
  }

  @Test
  void aRateLimitWithoutRetryAfterHalvesTheLimitUntilTheServersWindowHasPassed() throws Exception {
    client.respond((r, call) -> {
      throw new RetryableCallException(CallFailure.RATE_LIMITED, "slow down", null, null);
    });

    assertThat(caller.call(request, 100)).isInstanceOf(CallOutcome.Failed.class);
    assertThat(caller.currentConcurrency()).isEqualTo(1);

    clock.advance(AdaptiveLimit.RECOVERY);
    assertThat(caller.currentConcurrency()).isEqualTo(2);
  }
}

package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The sign-in limiter on a real store (SQLite and PostgreSQL), with a clock that moves only when told. */
@ParameterizedClass
@EnumSource(Engine.class)
class SignInLimiterTest {
  private static final String PROXY = "10.0.0.1";
  @Parameter Engine engine;
  @RegisterExtension final TestStores stores = new TestStores();
  String location;
  CampaignFixture store;
  SignInLimiter limiter;

  @BeforeEach
  void open() {
    location = stores.location(engine);
    store = new CampaignFixture(stores.open(location));
    limiter = new SignInLimiter(store.database, store.clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** Starts {@code n} tries that fail (nothing takes them back), asserting each may go ahead. */
  private void fail(String account, String address, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(limiter.start(account, address)).as("try %d for %s from %s", i + 1, account, address).isEmpty();
    }
  }

  @Test
  void anAccountGetsFiveFreeFailuresThenWaitsThatDoubleUpToAnHour() {
    fail("acc1", PROXY, 5);
    assertThat(limiter.start("acc1", PROXY)).hasValue(Duration.ofMinutes(1));

    store.clock.advance(Duration.ofSeconds(59));
    assertThat(limiter.start("acc1", PROXY)).hasValue(Duration.ofSeconds(1));
    store.clock.advance(Duration.ofSeconds(1));
    fail("acc1", PROXY, 1);
    assertThat(limiter.start("acc1", PROXY)).hasValue(Duration.ofMinutes(2));

    assertThat(SignInLimiter.accountWait(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(SignInLimiter.accountWait(7)).isEqualTo(Duration.ofMinutes(4));
    assertThat(SignInLimiter.accountWait(11)).isEqualTo(Duration.ofMinutes(60));
    assertThat(SignInLimiter.accountWait(1_000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void guessingOneAccountsPasswordStaysThrottledFromAnyAddress() {
    for (int i = 0; i < 5; i++) {
      fail("acc1", "192.0.2." + i, 1);
    }
    assertThat(limiter.start("acc1", "198.51.100.7")).hasValue(Duration.ofMinutes(1));
    assertThat(limiter.start("acc2", "198.51.100.7")).as("other accounts are not held up").isEmpty();
  }

  @Test
  void oneAddressFailingForManyAccountsDoesNotLockOutTheGradersBehindIt() {
    // 99 failures from one office, four each for 24 graders and three for a 25th: no account is held up...
    for (int grader = 0; grader < 25; grader++) {
      fail("grader-" + grader, PROXY, grader < 24 ? 4 : 3);
    }
    // ...and a grader behind the same proxy still signs in.
    assertThat(limiter.start("acc1", PROXY)).isEmpty();
    limiter.succeeded("acc1", PROXY);

    fail("grader-24", PROXY, 1);
    assertThat(limiter.start("acc1", PROXY)).as("the 100th failure in 15 minutes closes the address")
        .hasValue(SignInLimiter.ADDRESS_WINDOW);
    assertThat(limiter.start("acc1", "192.0.2.9")).as("from elsewhere the account is fine").isEmpty();

    store.clock.advance(SignInLimiter.ADDRESS_WINDOW);
    assertThat(limiter.start("acc2", PROXY)).isEmpty();
  }

  @Test
  void aSuccessStartsTheAccountsCountAgainAndDayOldFailuresAreForgotten() {
    fail("acc1", PROXY, 4);
    assertThat(limiter.start("acc1", PROXY)).isEmpty();
    limiter.succeeded("acc1", PROXY);
    fail("acc1", PROXY, 5);

    store.clock.advance(Duration.ofMinutes(1));
    fail("acc1", PROXY, 1);
    store.clock.advance(Duration.ofDays(1));
    fail("acc1", PROXY, 5);
    assertThat(limiter.start("acc1", PROXY)).hasValue(Duration.ofMinutes(1));
  }

  @Test
  void triesAreCountedWhenTheyStartSoParallelGuessesCannotSlipThrough() {
    // Five tries in flight at once, none answered yet: a sixth is already refused.
    fail("acc1", PROXY, 5);
    assertThat(limiter.start("acc1", PROXY)).isPresent();
  }

  @Test
  void limitersOfTwoServersOnOneDatabaseCountTheSameTries() {
    SignInLimiter replica = new SignInLimiter(stores.open(location), store.clock);
    fail("acc1", PROXY, 3);
    for (int i = 0; i < 2; i++) {
      assertThat(replica.start("acc1", "192.0.2.1")).isEmpty();
    }
    assertThat(limiter.start("acc1", PROXY)).isPresent();
    assertThat(replica.start("acc1", PROXY)).isPresent();
  }

  @Test
  void rowsThatLimitNothingAreForgotten() {
    fail("acc1", PROXY, 5);
    fail("name:nobody", "192.0.2.1", 1);
    store.clock.advance(Duration.ofDays(1).plusMinutes(1));
    limiter.forgetStale();
    Optional<Integer> rows = store.database.read("count", h -> h.first("SELECT COUNT(*) FROM grading_sign_in_limits",
        r -> r.integer(1)));
    assertThat(rows).hasValue(0);
  }
}

package dev.parity.harness.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.store.Database;
import dev.parity.store.StoreException;
import dev.parity.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two workers — two pools on one PostgreSQL schema — share one run's budget. */
class SharedBudgetTest {
  @RegisterExtension
  final TestStores stores = new TestStores();

  @Test
  void twoWorkersReserveFromOneBudgetAndNeverBothTakeItsLast() {
    String location = stores.location(TestStores.Engine.POSTGRESQL);
    Budget a = SharedBudget.source(stores.open(location)).open("run r1", 1.0, 0.0);
    Budget b = SharedBudget.source(stores.open(location)).open("run r1", 1.0, 0.0);

    Budget.Reservation first = a.reserve(0.6).orElseThrow();

    assertThat(b.reserve(0.6)).isEmpty();
    Budget.Reservation second = b.reserve(0.4).orElseThrow();
    assertThat(a.usedUp()).isTrue();

    first.charge(0.25);
    first.close(); // 0.35 of its 0.6 goes back
    assertThat(b.paidUsd()).isEqualTo(0.25);
    assertThat(b.reserve(0.35)).isPresent();
    assertThat(a.reserve(0.01)).isEmpty();
    second.close();
    assertThat(a.reserve(0.4)).isPresent();
  }

  @Test
  void whatOneWorkerPaysStopsTheOthersUnsizedCalls() {
    String location = stores.location(TestStores.Engine.POSTGRESQL);
    Budget a = SharedBudget.source(stores.open(location)).open("grade g1", 0.5, 0.0);
    Budget b = SharedBudget.source(stores.open(location)).open("grade g1", 0.5, 0.0);
    Budget.Reservation judging = b.unsized();

    assertThat(judging.allowsACall()).isTrue();
    a.unsized().charge(0.5);

    assertThat(judging.allowsACall()).isFalse();
    assertThat(b.reserve(0)).isPresent(); // nothing more can be paid for, but nothing is refused at 0
    assertThat(b.reserve(0.01)).isEmpty();
  }

  @Test
  void aReservationMadeInTheClaimingTransactionRollsBackWithIt() {
    String location = stores.location(TestStores.Engine.POSTGRESQL);
    Database database = stores.open(location);
    Budget budget = SharedBudget.source(database).open("run r2", 1.0, 0.0);

    assertThatThrownBy(() -> database.transaction("claim work", handle -> {
      assertThat(SharedBudget.reserve(handle, "run r2", 0.75)).isTrue();
      throw new IllegalStateException("the claim failed");
    })).hasMessage("the claim failed");
    assertThat(budget.reserve(1.0)).isPresent().get().satisfies(Budget.Reservation::close);

    boolean claimed0 = database.transaction("claim work", handle -> SharedBudget.reserve(handle, "run r2", 0.75));
    assertThat(claimed0).isTrue();
    Budget.Reservation claimed = budget.adopt(0.75);
    assertThat(budget.reserve(0.5)).isEmpty();
    claimed.charge(0.5);
    claimed.close();
    assertThat(budget.reserve(0.5)).isPresent();
    assertThat(budget.paidUsd()).isEqualTo(0.5);
  }

  @Test
  void aResumedRunKeepsWhatWasPaidAndTakesTheNewLimit() {
    String location = stores.location(TestStores.Engine.POSTGRESQL);
    Budget.Reservation paid = SharedBudget.source(stores.open(location)).open("run r3", 1.0, 0.0).unsized();
    paid.charge(0.75);

    Budget resumed = SharedBudget.source(stores.open(location)).open("run r3", 2.0, 0.5);

    assertThat(resumed.paidUsd()).isEqualTo(0.75);
    assertThat(resumed.limitUsd()).isEqualTo(2.0);
    assertThat(resumed.reserve(1.25)).isPresent();
  }

  @Test
  void anSqliteStoreIsRefusedWithTheReason() {
    Database sqlite = stores.open(TestStores.Engine.SQLITE);

    assertThatThrownBy(() -> SharedBudget.source(sqlite))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("needs a PostgreSQL store");
  }
}

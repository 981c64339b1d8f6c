package dev.parity.harness.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BudgetTest {
  @Test
  void workStartsOnlyWhenWhatWasPaidWhatIsReservedAndItsWorstCaseFit() {
    Budget budget = Budget.of(1.0, 0.25);

    Budget.Reservation first = budget.reserve(0.5).orElseThrow();

    assertThat(budget.reserve(0.5)).isEmpty();
    assertThat(budget.reserve(0.25)).isPresent();
    assertThat(first.allowsACall()).isTrue();
  }

  @Test
  void aChargeMovesMoneyFromReservedToPaidAndClosingGivesBackTheRest() {
    Budget budget = Budget.of(1.0, 0);
    Budget.Reservation reservation = budget.reserve(0.8).orElseThrow();

    reservation.charge(0.3);
    assertThat(budget.paidUsd()).isEqualTo(0.3);
    assertThat(budget.reserve(0.3)).isEmpty();
    reservation.close();

    assertThat(budget.reserve(0.7)).isPresent();
    assertThat(reservation.allowsACall()).isFalse();
  }

  @Test
  void anUnsizedReservationAllowsCallsUntilTheLimitIsSpent() {
    Budget budget = Budget.of(1.0, 0);
    Budget.Reservation reservation = budget.unsized();

    reservation.charge(0.6);
    assertThat(reservation.allowsACall()).isTrue();
    reservation.charge(0.4);

    assertThat(reservation.allowsACall()).isFalse();
    assertThat(budget.usedUp()).isTrue();
  }

  @Test
  void anUnlimitedBudgetOnlyCounts() {
    Budget budget = Budget.unlimited();

    budget.reserve(1e9).orElseThrow().charge(5);

    assertThat(budget.paidUsd()).isEqualTo(5);
    assertThat(budget.usedUp()).isFalse();
  }
}

package dev.parity.reports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParallelTest {

  /**
   * A report whose first file fails must not return while its other files are still being written:
   * the caller deletes what it made, and a file written after that is left behind (a test's
   * temporary folder could not be deleted in CI). The executor here runs each item when the test
   * says, so no timing is involved: the first item fails before anyone waits, the second waits
   * until the getter is parked on it (or has already returned, which is the bug).
   */
  @Test
  void aFailureIsThrownOnlyOnceEveryItemHasEnded() throws Exception {
    List<Runnable> queued = new ArrayList<>();
    AtomicBoolean secondEnded = new AtomicBoolean();
    Supplier<List<Integer>> results = Parallel.startMap(List.of(0, 1), item -> {
      if (item == 0) {
        throw new IllegalStateException("the first item failed");
      }
      secondEnded.set(true);
      return item;
    }, queued::add);
    queued.get(0).run();

    AtomicReference<RuntimeException> thrown = new AtomicReference<>();
    AtomicBoolean secondEndedWhenThrown = new AtomicBoolean();
    Thread waiter = new Thread(() -> {
      try {
        results.get();
      } catch (RuntimeException e) {
        secondEndedWhenThrown.set(secondEnded.get());
        thrown.set(e);
      }
    });
    waiter.start();
    while (waiter.getState() != Thread.State.WAITING && waiter.getState() != Thread.State.TERMINATED) {
      Thread.onSpinWait();
    }
    queued.get(1).run();
    waiter.join();

    assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessage("the first item failed");
    assertThat(secondEndedWhenThrown).as("the second item had ended when the failure was thrown").isTrue();
  }

  @Test
  void theResultsComeInTheOrderOfTheItems() {
    List<Runnable> queued = new ArrayList<>();
    Supplier<List<String>> results = Parallel.startMap(List.of("a", "b", "c"), String::toUpperCase, queued::add);

    for (int i = queued.size() - 1; i >= 0; i--) {
      queued.get(i).run();
    }

    assertThat(results.get()).containsExactly("A", "B", "C");
  }
}

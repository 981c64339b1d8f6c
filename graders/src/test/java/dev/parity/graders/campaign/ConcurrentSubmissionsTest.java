package dev.parity.graders.campaign;

import static dev.parity.graders.campaign.CampaignFixture.ACCOUNTANTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.store.Database;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two submissions of one assignment at once, from two stores' connection pools (two app replicas)
 * on PostgreSQL, whose writers do not take turns as SQLite's do. A third connection holds the
 * assignment's row locked until both submissions are waiting for it, so both are inside their
 * transactions at the same moment every time, with no sleeping: each must then see the version
 * the other added, never both take the same next version.
 */
class ConcurrentSubmissionsTest {
  @RegisterExtension final TestStores stores = new TestStores();
  String location;
  CampaignFixture fixture;
  Assignments replica;
  String assignmentId;
  ExecutorService writers = Executors.newFixedThreadPool(2);

  @BeforeEach
  void setUp() {
    location = stores.location(Engine.POSTGRESQL);
    fixture = new CampaignFixture(stores.open(location));
    replica = new Assignments(stores.open(location), fixture.clock);
    fixture.campaigns.create(new CampaignSettings("c", 1, 0, 7, true, 20),
        CampaignFixture.graders(1, ACCOUNTANTS, "acc"),
        fixture.candidates(CampaignFixture.tasks(1, ACCOUNTANTS, "t"), List.of("model-x")), "run-1");
    assignmentId = fixture.assignments.nextOpen("acc1").orElseThrow();
  }

  @AfterEach
  void stop() {
    writers.shutdownNow();
  }

  @Test
  void twoSubmissionsAtOnceBecomeTwoVersions() throws Exception {
    List<Outcome> outcomes = submitBothWhileTheRowIsHeld(null);

    assertThat(outcomes).extracting(Outcome::version).containsExactlyInAnyOrder(1, 2);
    assertThat(fixture.assignments.open("acc1", assignmentId).version()).isEqualTo(2);
    assertThat(versions()).containsExactly(1, 2);
  }

  @Test
  void ofTwoSubmissionsFromWindowsOpenedAtOneVersionTheSecondIsRefusedAsStale() throws Exception {
    List<Outcome> outcomes = submitBothWhileTheRowIsHeld(0);

    assertThat(outcomes).extracting(Outcome::version).containsExactlyInAnyOrder(1, null);
    assertThat(outcomes).filteredOn(o -> o.version() == null).singleElement()
        .satisfies(o -> assertThat(o.failure()).isInstanceOf(StaleSubmissionException.class)
            .hasMessageContaining("has version 1 now, not 0"));
    assertThat(versions()).containsExactly(1);
  }

  /** A submission's new version, or why it failed. */
  record Outcome(Integer version, Throwable failure) {}

  private List<Outcome> submitBothWhileTheRowIsHeld(Integer expectedVersion) throws Exception {
    Database third = stores.open(location);
    try (Connection holder = third.dataSource().getConnection();
        Connection watcher = third.dataSource().getConnection()) {
      holder.setAutoCommit(false);
      int holderPid = holdTheRow(holder);
      List<Future<Integer>> submitted = new ArrayList<>();
      for (Assignments writer : List.of(fixture.assignments, replica)) {
        submitted.add(writers.submit(() -> writer.submit("acc1", assignmentId,
            SubmissionsTest.verdict(Verdict.A), null, expectedVersion, Assignments.Source.APP)));
      }
      awaitWaiters(watcher, holderPid, 2);
      holder.commit();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Integer> f : submitted) {
        try {
          outcomes.add(new Outcome(f.get(), null));
        } catch (ExecutionException e) {
          outcomes.add(new Outcome(null, e.getCause()));
        }
      }
      return outcomes;
    }
  }

  private int holdTheRow(Connection holder) throws SQLException {
    try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM grading_assignments WHERE id = ? FOR UPDATE")) {
      lock.setString(1, assignmentId);
      lock.executeQuery().close();
    }
    try (Statement s = holder.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      return r.getInt(1);
    }
  }

  /**
   * Waits until {@code count} sessions wait, directly or behind another waiter, for the holder's
   * lock: the submissions are then inside their transactions. Asks the server, never the clock.
   */
  private static void awaitWaiters(Connection watcher, int holderPid, int count) throws SQLException {
    String waiting = "SELECT COUNT(*) FROM pg_stat_activity a WHERE ? = ANY(pg_blocking_pids(a.pid))"
        + " OR EXISTS (SELECT 1 FROM pg_stat_activity b WHERE b.pid = ANY(pg_blocking_pids(a.pid))"
        + " AND ? = ANY(pg_blocking_pids(b.pid)))";
    try (PreparedStatement query = watcher.prepareStatement(waiting)) {
      query.setInt(1, holderPid);
      query.setInt(2, holderPid);
      while (true) {
        try (ResultSet r = query.executeQuery()) {
          r.next();
          if (r.getInt(1) >= count) {
            return;
          }
        }
        Thread.onSpinWait();
      }
    }
  }

  private List<Integer> versions() {
    return fixture.database.read("read the versions", h -> h.list(
        "SELECT version FROM grading_submissions WHERE assignment_id = ? ORDER BY version", r -> r.integer(1),
        assignmentId));
  }
}

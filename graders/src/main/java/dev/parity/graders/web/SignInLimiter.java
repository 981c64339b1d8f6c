package dev.parity.graders.web;

import dev.parity.store.Database;
import dev.parity.store.Handle;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Limits sign-in tries per account and per address, in the store so that every server on the
 * database counts the same tries (table {@code grading_sign_in_limits}; the numbers are in
 * docs/grading.md, "Sign-in"):
 *
 * <ul>
 *   <li>an account gets {@link #FREE_ACCOUNT_FAILURES} failed tries, then waits after each further
 *       one: 1 minute, doubling up to {@link #MAX_ACCOUNT_WAIT}; a success starts the count again,
 *       and so does a day without a failure. Guessing one password stays slow from any number of
 *       addresses;
 *   <li>an address gets {@link #ADDRESS_FAILURES} failed tries in {@link #ADDRESS_WINDOW}, across
 *       all accounts, before it waits for the window to end: high enough that graders behind one
 *       proxy who mistype do not lock each other out, low enough to stop one machine trying many
 *       accounts.
 * </ul>
 *
 * <p>A try is counted as failed when it {@link #start starts}, before the password is checked, and
 * taken back when it {@link #succeeded succeeds}: tries sent in parallel are counted like tries
 * sent one after the other. Each start is one transaction that first locks the two rows (account
 * before address, so two starts never wait for each other in a circle). Thread-safe.
 */
final class SignInLimiter {
  static final int FREE_ACCOUNT_FAILURES = 5;
  static final Duration FIRST_ACCOUNT_WAIT = Duration.ofMinutes(1);
  static final Duration MAX_ACCOUNT_WAIT = Duration.ofHours(1);
  static final Duration ACCOUNT_MEMORY = Duration.ofDays(1);
  static final int ADDRESS_FAILURES = 100;
  static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
  private static final String TABLE = "grading_sign_in_limits";

  private final Database db;
  private final Clock clock;

  SignInLimiter(Database database, Clock clock) {
    this.db = database;
    this.clock = clock;
  }

  /**
   * Counts a try to sign in to {@code account} (a grader id, or the name tried when it names no
   * one) from {@code address}. Empty when the try may go ahead; otherwise how long to wait, and the
   * try is not counted.
   */
  Optional<Duration> start(String account, String address) {
    Instant now = clock.instant();
    return db.transaction("count a sign-in try", h -> {
      Limit byAccount = lock(h, "account:" + account, now);
      Limit byAddress = lock(h, "address:" + address, now);
      int accountFailures = byAccount.since().plus(ACCOUNT_MEMORY).isAfter(now) ? byAccount.failures() : 0;
      boolean sameWindow = byAddress.since().plus(ADDRESS_WINDOW).isAfter(now);
      int addressFailures = sameWindow ? byAddress.failures() : 0;
      Instant open = later(
          accountFailures >= FREE_ACCOUNT_FAILURES ? byAccount.since().plus(accountWait(accountFailures)) : now,
          addressFailures >= ADDRESS_FAILURES ? byAddress.since().plus(ADDRESS_WINDOW) : now);
      if (now.isBefore(open)) {
        return Optional.of(Duration.between(now, open));
      }
      write(h, byAccount.subject(), accountFailures + 1, now);
      write(h, byAddress.subject(), addressFailures + 1, sameWindow ? byAddress.since() : now);
      return Optional.empty();
    });
  }

  /** Takes back a started try that succeeded: the account starts counting again. */
  void succeeded(String account, String address) {
    db.transaction("forget a sign-in try", h -> {
      h.update("DELETE FROM " + TABLE + " WHERE subject = ?", "account:" + account);
      return h.update("UPDATE " + TABLE + " SET failures = failures - 1 WHERE subject = ? AND failures > 0",
          "address:" + address);
    });
  }

  /** Deletes the rows that no longer limit anything, so tries from many addresses do not pile up. */
  void forgetStale() {
    // A day after its last try an account starts again; an address's window and the longest wait are shorter.
    String before = clock.instant().minus(ACCOUNT_MEMORY).toString();
    db.transaction("forget old sign-in tries", h -> h.update("DELETE FROM " + TABLE + " WHERE since < ?", before));
  }

  /** The wait after the {@code failures}th failure in a row: 1 minute from the 5th, doubling, at most an hour. */
  static Duration accountWait(int failures) {
    int doublings = Math.min(failures - FREE_ACCOUNT_FAILURES, 20);
    Duration wait = FIRST_ACCOUNT_WAIT.multipliedBy(1L << doublings);
    return wait.compareTo(MAX_ACCOUNT_WAIT) > 0 ? MAX_ACCOUNT_WAIT : wait;
  }

  private record Limit(String subject, int failures, Instant since) {}

  private static Limit lock(Handle h, String subject, Instant now) throws SQLException {
    h.update(h.dialect().upsert(TABLE, List.of("subject"), List.of("subject", "failures", "since"), List.of()),
        subject, 0, now.toString());
    // An update that changes nothing still locks the row (PostgreSQL) until the transaction ends;
    // SQLite's write transactions hold the whole database already.
    h.update("UPDATE " + TABLE + " SET failures = failures WHERE subject = ?", subject);
    return h.first("SELECT failures, since FROM " + TABLE + " WHERE subject = ?",
        r -> new Limit(subject, r.integer(1), Instant.parse(r.text(2))), subject).orElseThrow();
  }

  private static void write(Handle h, String subject, int failures, Instant since) throws SQLException {
    h.update("UPDATE " + TABLE + " SET failures = ?, since = ? WHERE subject = ?", failures, since.toString(), subject);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}

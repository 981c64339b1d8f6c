package dev.parity.core.doctor;

import java.util.Objects;

/**
 * What a {@link Check} found.
 *
 * @param status whether the part is there and works
 * @param detail what was found ({@code LibreOffice 7.4.7.2 at /usr/bin/soffice; test conversion
 *     1 page in 1.2 s}) or what went wrong
 * @param fix how to install or repair the part; empty when {@code status} is {@link Status#OK}
 */
public record CheckResult(Status status, String detail, String fix) {
  /** Whether a part is usable. */
  public enum Status {
    /** Found and working. */
    OK,
    /** Not installed. */
    MISSING,
    /** Installed but not working (a failed test run, a version too old). */
    BROKEN
  }

  public CheckResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(fix, "fix");
  }

  /** The part is there and works. */
  public static CheckResult ok(String detail) {
    return new CheckResult(Status.OK, detail, "");
  }

  /** The part is not installed; {@code fix} says how to install it. */
  public static CheckResult missing(String detail, String fix) {
    return new CheckResult(Status.MISSING, detail, fix);
  }

  /** The part is installed but fails; {@code fix} says what to try. */
  public static CheckResult broken(String detail, String fix) {
    return new CheckResult(Status.BROKEN, detail, fix);
  }

  /** Whether the part is usable. */
  public boolean ok() {
    return status == Status.OK;
  }
}

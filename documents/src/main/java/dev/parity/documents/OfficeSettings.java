package dev.parity.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the office converter runs LibreOffice: which program, how many conversions at once, how
 * long one may take, and how many conversions an office profile serves before it is built anew.
 * See docs/rendering.md for the isolation every conversion gets.
 *
 * @param soffice the LibreOffice program ({@code /usr/bin/soffice})
 * @param maxConcurrent the most conversions running at once; more wait their turn
 * @param timeout how long one conversion may run before its process is killed and the document
 *     is reported as "could not be rendered"
 * @param conversionsPerProfile after this many conversions an office profile is thrown away and
 *     the next conversion starts on a fresh one (a profile is also thrown away after a crash or
 *     a timeout)
 */
public record OfficeSettings(Path soffice, int maxConcurrent, Duration timeout, int conversionsPerProfile) {
  public OfficeSettings {
    Objects.requireNonNull(soffice, "soffice");
    Objects.requireNonNull(timeout, "timeout");
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (conversionsPerProfile < 1) {
      throw new IllegalArgumentException("conversionsPerProfile must be at least 1, got " + conversionsPerProfile);
    }
  }

  /**
   * The defaults for {@code soffice}: half the processors (at least one) converting at once, two
   * minutes per conversion, a fresh profile every 200 conversions.
   */
  public static OfficeSettings defaults(Path soffice) {
    return new OfficeSettings(soffice, Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        Duration.ofMinutes(2), 200);
  }

  /** These settings with another cap on concurrent conversions. */
  public OfficeSettings withMaxConcurrent(int max) {
    return new OfficeSettings(soffice, max, timeout, conversionsPerProfile);
  }

  /** These settings with another timeout per conversion. */
  public OfficeSettings withTimeout(Duration perConversion) {
    return new OfficeSettings(soffice, maxConcurrent, perConversion, conversionsPerProfile);
  }

  /** These settings with another number of conversions per profile. */
  public OfficeSettings withConversionsPerProfile(int conversions) {
    return new OfficeSettings(soffice, maxConcurrent, timeout, conversions);
  }
}

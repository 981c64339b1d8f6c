package dev.parity.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** The environment variable that sets the time one conversion may take: {@code 90s}, {@code 5m}, {@code 1h}. */
  public static final String TIMEOUT_VARIABLE = "PARITY_OFFICE_TIMEOUT";

  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
  private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,6})([smh])");

  /**
   * The defaults for {@code soffice}: half the processors (at least one) converting at once, two
   * minutes per conversion (or {@value #TIMEOUT_VARIABLE}, for a machine so busy that LibreOffice
   * takes longer), a fresh profile every 200 conversions.
   *
   * @throws IllegalArgumentException if {@value #TIMEOUT_VARIABLE} is set but not a duration
   */
  public static OfficeSettings defaults(Path soffice) {
    return new OfficeSettings(soffice, Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        timeout(System.getenv(TIMEOUT_VARIABLE)), 200);
  }

  /** The time one conversion may take, from the value of {@value #TIMEOUT_VARIABLE}; null means unset. */
  static Duration timeout(String variable) {
    if (variable == null || variable.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    Matcher m = DURATION.matcher(variable.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(TIMEOUT_VARIABLE + "=" + variable
          + " is not a duration: write a whole number with s, m or h, such as 90s, 5m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
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

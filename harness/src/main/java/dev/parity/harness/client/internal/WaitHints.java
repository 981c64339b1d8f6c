package dev.parity.harness.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * The wait a server asked for before the next try, read from (first found wins):
 * <ol>
 *   <li>{@code retry-after-ms}: milliseconds;
 *   <li>{@code Retry-After}: seconds, or an HTTP date;
 *   <li>Gemini's {@code google.rpc.RetryInfo} detail in the error body: {@code "retryDelay": "37s"};
 *   <li>OpenAI's error message: {@code "Please try again in 644ms."};
 *   <li>the rate-limit reset headers: OpenAI's {@code x-ratelimit-reset-requests|tokens} as
 *       durations ({@code 6m0s}, {@code 1s}, {@code 20ms}) and Anthropic's
 *       {@code anthropic-ratelimit-*-reset} as RFC 3339 times. The limits whose
 *       {@code -remaining} header says 0 are the ones hit, and the wait is the latest of their
 *       resets; when none says so, the earliest reset.
 * </ol>
 */
public final class WaitHints {
  private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");
  private static final Pattern TRY_AGAIN = Pattern.compile("(?i)try again in (\\d+(?:\\.\\d+)?)\\s*(ms|s|seconds?)\\b");
  private static final List<String> OPENAI_LIMITS = List.of("requests", "tokens");
  private static final List<String> ANTHROPIC_LIMITS = List.of("requests", "tokens", "input-tokens", "output-tokens");

  private WaitHints() {}

  /** The wait asked for, or null when the response names none. */
  public static Duration of(Headers headers, ErrorBody error, Clock clock) {
    Duration wait = millis(headers.get("retry-after-ms"));
    if (wait == null) {
      wait = retryAfter(headers.get("retry-after"), clock);
    }
    if (wait == null) {
      wait = retryInfo(error.details());
    }
    if (wait == null) {
      wait = tryAgainIn(error.message());
    }
    if (wait == null) {
      wait = resets(headers, clock);
    }
    if (wait == null) {
      return null;
    }
    // A reset time already past (clock skew, a slow response) means: no need to wait.
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  private static Duration millis(String value) {
    try {
      return value == null ? null : Duration.ofNanos(Math.round(Double.parseDouble(value.strip()) * 1e6));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration retryAfter(String value, Clock clock) {
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofNanos(Math.round(Double.parseDouble(value.strip()) * 1e9));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Duration.between(clock.instant(), at);
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static Duration retryInfo(JsonNode details) {
    for (JsonNode detail : details) {
      if (detail.path("@type").asText().endsWith("google.rpc.RetryInfo")) {
        return protoDuration(detail.path("retryDelay").asText());
      }
    }
    return null;
  }

  /** A protobuf JSON duration: seconds with an optional fraction, then {@code s}. */
  private static Duration protoDuration(String value) {
    if (!value.endsWith("s")) {
      return null;
    }
    try {
      return Duration.ofNanos(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1e9));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration tryAgainIn(String message) {
    Matcher matcher = TRY_AGAIN.matcher(message == null ? "" : message);
    if (!matcher.find()) {
      return null;
    }
    double amount = Double.parseDouble(matcher.group(1));
    return Duration.ofNanos(Math.round(amount * (matcher.group(2).equalsIgnoreCase("ms") ? 1e6 : 1e9)));
  }

  private static Duration resets(Headers headers, Clock clock) {
    List<Duration> hit = new ArrayList<>();
    List<Duration> all = new ArrayList<>();
    for (String limit : OPENAI_LIMITS) {
      collect(headers, "x-ratelimit-remaining-" + limit,
          goDuration(headers.get("x-ratelimit-reset-" + limit)), hit, all);
    }
    for (String limit : ANTHROPIC_LIMITS) {
      collect(headers, "anthropic-ratelimit-" + limit + "-remaining",
          until(headers.get("anthropic-ratelimit-" + limit + "-reset"), clock), hit, all);
    }
    if (!hit.isEmpty()) {
      return Collections.max(hit);
    }
    return all.isEmpty() ? null : Collections.min(all);
  }

  private static void collect(Headers headers, String remaining, Duration reset, List<Duration> hit, List<Duration> all) {
    if (reset == null) {
      return;
    }
    all.add(reset);
    if ("0".equals(headers.get(remaining))) {
      hit.add(reset);
    }
  }

  /** A Go duration as OpenAI writes it: {@code 6m0s}, {@code 1s}, {@code 20ms}, {@code 1h2m3.5s}. */
  static Duration goDuration(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Matcher part = GO_DURATION_PART.matcher(value.strip().toLowerCase(Locale.ROOT));
    double nanos = 0;
    int end = 0;
    while (part.find() && part.start() == end) {
      double amount = Double.parseDouble(part.group(1));
      nanos += amount * switch (part.group(2)) {
        case "h" -> 3600e9;
        case "m" -> 60e9;
        case "s" -> 1e9;
        case "ms" -> 1e6;
        case "us", "µs" -> 1e3;
        default -> 1;
      };
      end = part.end();
    }
    return end == value.strip().length() && end > 0 ? Duration.ofNanos(Math.round(nanos)) : null;
  }

  private static Duration until(String rfc3339, Clock clock) {
    if (rfc3339 == null) {
      return null;
    }
    try {
      return Duration.between(clock.instant(), OffsetDateTime.parse(rfc3339.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

package dev.parity.harness.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.client.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class WaitHintsTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2025-08-21T12:40:00Z"), ZoneOffset.UTC);
  private static final ErrorBody NO_BODY = ErrorBody.parse("");

  @Test
  void retryAfterMsComesFirstThenRetryAfterInSecondsOrAsADate() {
    assertThat(wait(Headers.of("retry-after-ms", "1500.5", "retry-after", "30"))).isEqualTo(Duration.ofNanos(1_500_500_000));
    assertThat(wait(Headers.of("retry-after", "30"))).isEqualTo(Duration.ofSeconds(30));
    assertThat(wait(Headers.of("retry-after", "0.25"))).isEqualTo(Duration.ofMillis(250));
    assertThat(wait(Headers.of("retry-after", "Thu, 21 Aug 2025 12:41:05 GMT"))).isEqualTo(Duration.ofSeconds(65));
  }

  @Test
  void openAiResetsAreGoDurationsAndTheExhaustedLimitDecides() {
    Headers tokensExhausted = Headers.of(
        "x-ratelimit-remaining-requests", "59", "x-ratelimit-reset-requests", "1s",
        "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "6m0s");
    Headers noneExhausted = Headers.of("x-ratelimit-reset-requests", "20ms", "x-ratelimit-reset-tokens", "1m30.5s");

    assertThat(wait(tokensExhausted)).isEqualTo(Duration.ofMinutes(6));
    assertThat(wait(noneExhausted)).isEqualTo(Duration.ofMillis(20));
    assertThat(WaitHints.goDuration("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
    assertThat(WaitHints.goDuration("6 minutes")).isNull();
  }

  @Test
  void anthropicResetsAreTimesFromNow() {
    Headers headers = Headers.of(
        "anthropic-ratelimit-requests-remaining", "999", "anthropic-ratelimit-requests-reset", "2025-08-21T12:40:01Z",
        "anthropic-ratelimit-input-tokens-remaining", "0", "anthropic-ratelimit-input-tokens-reset", "2025-08-21T12:40:42Z");

    assertThat(wait(headers)).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void withNoLimitExhaustedTheEarliestOfAnthropicsRecordedResetsIsTheWait() {
    Headers.Builder recorded = new Headers.Builder();
    Fixtures.json("anthropic/ratelimit-headers-200.recorded.json").get("headers").properties()
        .forEach(header -> recorded.add(header.getKey(), header.getValue().asText()));

    assertThat(wait(recorded.build())).as("the requests, tokens and input-tokens limits reset at 12:40:59")
        .isEqualTo(Duration.ofSeconds(59));
  }

  @Test
  void aResetAlreadyPastMeansNoWait() {
    assertThat(wait(Headers.of("anthropic-ratelimit-tokens-reset", "2025-08-21T12:39:00Z"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void bodiesCarryGeminiRetryInfoAndOpenAiTryAgainHints() {
    ErrorBody gemini = ErrorBody.parse("""
        {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "quota",
          "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1.5s"}]}}""");
    ErrorBody openai = ErrorBody.parse("""
        {"error": {"message": "Rate limit reached ... Please try again in 644ms. Visit ...", "code": "rate_limit_exceeded"}}""");

    assertThat(WaitHints.of(Headers.of(), gemini, NOW)).isEqualTo(Duration.ofMillis(1500));
    assertThat(WaitHints.of(Headers.of(), openai, NOW)).isEqualTo(Duration.ofMillis(644));
    assertThat(WaitHints.of(Headers.of("x-ratelimit-reset-tokens", "6m0s"), openai, NOW)).isEqualTo(Duration.ofMillis(644));
  }

  @Test
  void noHintIsNoWait() {
    assertThat(wait(Headers.of("retry-after", "soon"))).isNull();
    assertThat(wait(Headers.of())).isNull();
  }

  private static Duration wait(Headers headers) {
    return WaitHints.of(headers, NO_BODY, NOW);
  }
}

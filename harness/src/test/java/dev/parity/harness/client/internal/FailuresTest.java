package dev.parity.harness.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.harness.client.CallFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTest {

  @ParameterizedTest(name = "HTTP {0} is {1}")
  @CsvSource({
      "400, BAD_REQUEST", "401, AUTHENTICATION", "402, BILLING", "403, PERMISSION", "404, NOT_FOUND",
      "408, TIMEOUT", "409, SERVER_ERROR", "413, CONTEXT_TOO_LONG", "418, BAD_REQUEST", "422, BAD_REQUEST",
      "429, RATE_LIMITED", "500, SERVER_ERROR", "502, SERVER_ERROR", "503, OVERLOADED", "504, TIMEOUT",
      "529, OVERLOADED", "599, SERVER_ERROR"})
  void aStatusWithAPlainBodyIsClassifiedByTheStatus(int status, CallFailure expected) {
    CallFailure failure = Failures.classify(status, ErrorBody.parse("{\"error\":{\"message\":\"something\"}}"));

    assertThat(failure).isEqualTo(expected);
    assertThat(failure.isRetryable()).isEqualTo(status == 408 || status == 409 || status == 429 || status >= 500);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a 422 saying the context window is exceeded | 422 | {\"detail\":\"x\",\"message\":\"input exceeds the context window\"} | CONTEXT_TOO_LONG",
      "an overloaded_error on a 500 | 500 | {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}} | OVERLOADED",
      "a bare string error | 404 | {\"error\":\"model 'x' not found\"} | NOT_FOUND",
      "Anthropic's billing_error | 400 | {\"type\":\"error\",\"error\":{\"type\":\"billing_error\",\"message\":\"no credit\"}} | BILLING"})
  void theBodyCorrectsWhatTheStatusWouldSay(String what, int status, String body, CallFailure expected) {
    assertThat(Failures.classify(status, ErrorBody.parse(body))).isEqualTo(expected);
  }
}

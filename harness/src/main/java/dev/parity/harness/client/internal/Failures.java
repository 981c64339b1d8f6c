package dev.parity.harness.client.internal;

import dev.parity.harness.client.CallFailure;
import java.util.regex.Pattern;

/**
 * Classifies an HTTP error response, the same way for every provider: by status first, then by
 * the provider's error type, code and message where the status alone would mislead (a 429 that is
 * a used-up quota, a 400 that is a context overflow or a bad key).
 */
public final class Failures {
  private static final Pattern CONTEXT_TOO_LONG = Pattern.compile("(?i)maximum context length"
      + "|context[ _]length[ _]exceeded|context window|prompt is too long|too many tokens"
      + "|exceeds the maximum number of tokens|exceeds the available context size|input token count");
  /** OpenAI's 429 for one request larger than the whole tokens-per-minute limit: never succeeds. */
  private static final Pattern REQUEST_TOO_LARGE = Pattern.compile("(?i)request too large");

  private Failures() {}

  /** What kind of failure an error response with {@code status} and {@code error} is. */
  public static CallFailure classify(int status, ErrorBody error) {
    if (error.says("insufficient_quota") || error.says("billing_error")
        || error.says("enforced_spend_limit_reached") || status == 402) {
      return CallFailure.BILLING;
    }
    if (error.says("overloaded_error")) {
      return CallFailure.OVERLOADED;
    }
    return switch (status) {
      case 400, 422 -> badRequest(error);
      case 401 -> CallFailure.AUTHENTICATION;
      case 403 -> CallFailure.PERMISSION;
      case 404 -> CallFailure.NOT_FOUND;
      case 408, 504 -> CallFailure.TIMEOUT;
      case 413 -> CallFailure.CONTEXT_TOO_LONG;
      case 429 -> REQUEST_TOO_LARGE.matcher(error.message()).find()
          ? CallFailure.BAD_REQUEST : CallFailure.RATE_LIMITED;
      // 409 is a lock or conflict on the provider's side, which both SDKs retry.
      case 409 -> CallFailure.SERVER_ERROR;
      case 503, 529 -> CallFailure.OVERLOADED;
      default -> status >= 500 ? CallFailure.SERVER_ERROR : badRequest(error);
    };
  }

  private static CallFailure badRequest(ErrorBody error) {
    if (error.says("context_length_exceeded") || error.says("exceed_context_size_error")
        || CONTEXT_TOO_LONG.matcher(error.message()).find()) {
      return CallFailure.CONTEXT_TOO_LONG;
    }
    // Gemini answers a bad key with 400 INVALID_ARGUMENT and an ErrorInfo reason.
    for (var detail : error.details()) {
      if ("API_KEY_INVALID".equals(detail.path("reason").asText())) {
        return CallFailure.AUTHENTICATION;
      }
    }
    return CallFailure.BAD_REQUEST;
  }
}

package dev.parity.harness.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.ModelCallException;
import dev.parity.harness.client.RetryableCallException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One JSON POST to a provider, timed with the injected clock, its failures typed.
 *
 * <p>The shared OkHttp client is used with its read timeout off, because a model may think for
 * minutes before the first byte; the request's own timeout bounds the whole call instead. OkHttp's
 * silent retry on connection failures is off too: a client makes exactly one attempt, and the
 * runner decides about the next one (a POST retried behind its back could be paid twice).
 *
 * <p>Safe to use from many threads.
 */
public final class JsonHttp {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final OkHttpClient http;
  /** Whether {@link #http} speaks plain HTTP only (ModelClients.cleartextHttpClient). */
  private final boolean cleartextOnly;
  /** The client for https when {@link #http} speaks plain HTTP only; made on first need. */
  private volatile OkHttpClient tls;
  private final Clock clock;
  private final String label;
  private final List<String> secrets;

  /**
   * @param label names the model in error messages, e.g. {@code openai:gpt-5}
   * @param secrets values that must never appear in a transcript or message (the API key)
   */
  public JsonHttp(OkHttpClient shared, Clock clock, String label, List<String> secrets) {
    this.http = shared.newBuilder()
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .callTimeout(Duration.ZERO)
        .retryOnConnectionFailure(false)
        .build();
    this.cleartextOnly = http.connectionSpecs().stream().noneMatch(ConnectionSpec::isTls);
    this.clock = clock;
    this.label = label;
    this.secrets = List.copyOf(secrets);
  }

  /**
   * Posts {@code body} to {@code url} and returns the parsed answer.
   *
   * @throws RetryableCallException for a timeout, a connection failure, a retryable status (with
   *     the wait the server asked for) or a success body that is not JSON
   * @throws FatalCallException for any other status, with the provider's own message
   */
  public Exchange post(HttpUrl url, Headers headers, ObjectNode body, Duration timeout) {
    String written = write(body);
    String requestTranscript = Transcripts.of(body, written, secrets);
    Request request = new Request.Builder()
        .url(url)
        .headers(headers)
        .post(RequestBody.create(written, JSON))
        .build();
    Instant start = clock.instant();
    return execute(request, timeout, response -> {
      Instant firstByte = clock.instant();
      String text = response.body().string();
      Duration latency = Duration.between(start, clock.instant());
      JsonNode parsed = parse(text);
      return new Exchange(response.headers(), parsed, requestTranscript, Transcripts.of(parsed, secrets),
          latency, Duration.between(start, firstByte));
    });
  }

  /**
   * Gets {@code url} and returns the body's bytes (a file a provider's tool made).
   *
   * @throws RetryableCallException for a timeout, a connection failure or a retryable status
   * @throws FatalCallException for any other status, with the provider's own message
   */
  public byte[] get(HttpUrl url, Headers headers, Duration timeout) {
    return execute(new Request.Builder().url(url).headers(headers).get().build(), timeout,
        response -> response.body().bytes());
  }

  /** Gets {@code url} and returns the JSON object it answers, failing like {@link #get}. */
  public JsonNode getJson(HttpUrl url, Headers headers, Duration timeout) {
    return parse(new String(get(url, headers, timeout), java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Reads a successful response. */
  private interface Reader<T> {
    T read(Response response) throws IOException;
  }

  private <T> T execute(Request request, Duration timeout, Reader<T> reader) {
    try (Response response = send(request, timeout)) {
      if (!response.isSuccessful()) {
        throw failure(response.code(), response.headers(), response.body().string());
      }
      return reader.read(response);
    } catch (InterruptedIOException e) {
      throw new RetryableCallException(CallFailure.TIMEOUT,
          label + ": no complete answer within " + timeout + " (" + safe(e) + ")", null, e);
    } catch (IOException e) {
      throw new RetryableCallException(CallFailure.CONNECTION,
          label + ": connection failed: " + safe(e), null, e);
    }
  }

  /**
   * The response to {@code request}. A cleartext-only client (ModelClients.cleartextHttpClient)
   * hands an https URL, and a redirect to one, to a TLS client made from it, which sends the request
   * again and follows the redirect as any client would.
   */
  private Response send(Request request, Duration timeout) throws IOException {
    Response response = call(cleartextOnly && request.url().isHttps() ? tls() : http, request, timeout);
    if (cleartextOnly && response.isRedirect()) {
      HttpUrl target = Optional.ofNullable(response.header("Location")).map(request.url()::resolve).orElse(null);
      if (target != null && target.isHttps()) {
        response.close();
        return call(tls(), request, timeout);
      }
    }
    return response;
  }

  private static Response call(OkHttpClient client, Request request, Duration timeout) throws IOException {
    Call call = client.newCall(request);
    call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return call.execute();
  }

  /** {@link #http} with OkHttp's default connection specs and redirects, which set up TLS. */
  private OkHttpClient tls() {
    OkHttpClient made = tls;
    if (made == null) {
      synchronized (this) {
        if (tls == null) {
          tls = http.newBuilder().connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
              .followSslRedirects(true).build();
        }
        made = tls;
      }
    }
    return made;
  }

  /** {@code text} with the secrets this client knows replaced, for answer texts a server might fill with them. */
  public String redact(String text) {
    return Transcripts.redact(text, secrets);
  }

  private ModelCallException failure(int status, Headers headers, String text) {
    ErrorBody error = ErrorBody.parse(text);
    CallFailure failure = Failures.classify(status, error);
    StringBuilder message = new StringBuilder(label).append(": HTTP ").append(status);
    String kind = error.code() != null && !error.code().equals(String.valueOf(status)) ? error.code()
        : error.type() != null ? error.type() : error.status();
    if (kind != null) {
      message.append(' ').append(kind);
    }
    message.append(": ").append(error.message());
    String requestId = headers.get("x-request-id") != null ? headers.get("x-request-id") : headers.get("request-id");
    if (requestId != null) {
      message.append(" (request id ").append(requestId).append(')');
    }
    String safeMessage = Transcripts.redact(message.toString(), secrets);
    return failure.isRetryable()
        ? new RetryableCallException(failure, safeMessage, WaitHints.of(headers, error, clock), null)
        : new FatalCallException(failure, status, safeMessage, null);
  }

  private JsonNode parse(String text) {
    try {
      JsonNode parsed = MAPPER.readTree(text);
      if (parsed != null && parsed.isObject()) {
        return parsed;
      }
    } catch (JsonProcessingException e) {
      // reported below, with the start of what did arrive
    }
    String start = text.length() > 200 ? text.substring(0, 200) + "…" : text;
    throw new RetryableCallException(CallFailure.INVALID_RESPONSE, Transcripts.redact(
        label + ": the answer is not a JSON object: " + start.replaceAll("\\s+", " "), secrets), null, null);
  }

  private String safe(IOException e) {
    return Transcripts.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), secrets);
  }

  private static String write(ObjectNode body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}

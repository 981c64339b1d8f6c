package dev.parity.harness.client;

import static dev.parity.harness.client.testing.MockResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parity.harness.client.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that echoes the key back (as some proxies and error pages do) must not get it into a
 * record, a transcript or an error message, for any API provider.
 */
class ApiKeysStayOutOfRecordsTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> providers() {
    return Stream.of(
        Arguments.of("openai", "gpt-5", "/v1", TestClients.OPENAI_KEY,
            "{\"id\":\"resp_1\",\"status\":\"completed\",\"model\":\"gpt-5\",\"output\":[{\"type\":\"message\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"you sent KEY\"}]}]}"),
        Arguments.of("anthropic", "claude-opus-4-1", "/", TestClients.ANTHROPIC_KEY,
            "{\"id\":\"msg_1\",\"model\":\"claude\",\"content\":[{\"type\":\"text\",\"text\":\"you sent KEY\"}],"
                + "\"stop_reason\":\"end_turn\"}"),
        Arguments.of("gemini", "gemini-2.5-pro", "/", TestClients.GEMINI_KEY,
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"you sent KEY\"}]},\"finishReason\":\"STOP\"}]}"));
  }

  @ParameterizedTest
  @MethodSource("providers")
  void anEchoedKeyIsRedactedFromTheRecordAndFromErrors(String provider, String model, String path, String key, String answer) {
    server.enqueue(json(200, answer.replace("KEY", key), "x-request-id", "req_1"));
    server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key + "\",\"type\":\"auth\"}}"));
    server.enqueue(json(500, "{\"error\":{\"message\":\"upstream said " + key + "\"}}"));
    server.enqueue(json(200, "<html>proxy saw " + key));
    ModelClient client = TestClients.client(TestClients.config(provider, model, server.url(path).toString()));

    ModelAnswer echoed = client.send(TestClients.request("Hi"));
    List<Exception> errors = List.of(
        catchThrowableOfType(FatalCallException.class, () -> client.send(TestClients.request("Hi"))),
        catchThrowableOfType(RetryableCallException.class, () -> client.send(TestClients.request("Hi"))),
        catchThrowableOfType(RetryableCallException.class, () -> client.send(TestClients.request("Hi"))));

    assertThat(echoed.text()).isEqualTo("you sent [redacted]");
    CallRecord record = echoed.record();
    assertThat(Stream.of(record.requestBody(), record.responseBody(), record.toString()))
        .allSatisfy(text -> assertThat(text).doesNotContain(key));
    assertThat(record.responseBody()).contains("you sent [redacted]");
    assertThat(errors).allSatisfy(e -> assertThat(stackTrace(e)).doesNotContain(key).contains("[redacted]"));
  }

  private static String stackTrace(Exception e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}

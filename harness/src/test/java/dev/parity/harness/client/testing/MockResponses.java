package dev.parity.harness.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Building MockWebServer responses from fixtures, and reading what a client sent. */
public final class MockResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MockResponses() {}

  /** A JSON response with {@code status}, {@code body} and header name/value pairs. */
  public static MockResponse json(int status, String body, String... headers) {
    MockResponse.Builder builder = new MockResponse.Builder().code(status).setHeader("content-type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    return builder.body(body).build();
  }

  /** A 200 response with the fixture at {@code path} as its body. */
  public static MockResponse fixture(String path, String... headers) {
    return json(200, Fixtures.read(path), headers);
  }

  /** The status and body of a fixture shaped {@code {"status": …, "body": {…}}}. */
  public static MockResponse errorFixture(String path, String... headers) {
    return json(Fixtures.status(path), Fixtures.body(path), headers);
  }

  /** The JSON body of a request the server received. */
  public static JsonNode body(RecordedRequest request) {
    return parse(request.getBody().utf8());
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

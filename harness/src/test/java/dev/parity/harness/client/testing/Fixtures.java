package dev.parity.harness.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The provider wire examples in {@code src/test/resources/api-fixtures} (sources in its README). */
public final class Fixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  /** A fixture's text, e.g. {@code read("openai-chat/chat-recorded-stop.response.json")}. */
  public static String read(String path) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("api-fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String path) {
    try {
      return MAPPER.readTree(read(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code body} of a fixture shaped {@code {"status": …, "body": {…}}}, as text. */
  public static String body(String path) {
    return json(path).get("body").toString();
  }

  /** The {@code status} of a fixture shaped {@code {"status": …, "body": {…}}}. */
  public static int status(String path) {
    return json(path).get("status").asInt();
  }

  /** A file in {@code src/test/resources/files}: {@code fixture.pdf} (one page, "Hello fixture"), {@code pixel.png}. */
  public static Path file(String name) {
    URL url = Fixtures.class.getClassLoader().getResource("files/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test file " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

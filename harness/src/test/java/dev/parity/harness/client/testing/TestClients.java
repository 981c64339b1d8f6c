package dev.parity.harness.client.testing;

import dev.parity.documents.FileFormat;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelClients;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/** Clients, configurations and requests for tests, against a local server and fake keys. */
public final class TestClients {
  public static final String OPENAI_KEY = "sk-test-openai-0123456789abcdef";
  public static final String ANTHROPIC_KEY = "sk-ant-test-0123456789abcdef";
  public static final String GEMINI_KEY = "AIzaTestGemini0123456789abcdef";
  public static final Map<String, String> ENVIRONMENT = Map.of(
      "OPENAI_API_KEY", OPENAI_KEY, "ANTHROPIC_API_KEY", ANTHROPIC_KEY, "GEMINI_API_KEY", GEMINI_KEY);
  public static final String SYSTEM = "You are a financial analyst. Answer in Markdown.";
  /** Each reading of the test clock is 250 ms after the one before. */
  public static final Duration TICK = Duration.ofMillis(250);

  private static final OkHttpClient HTTP = new OkHttpClient();

  private TestClients() {}

  /** The registry with every installed provider, the test keys and a clock that ticks {@link #TICK}. */
  public static ModelClients registry() {
    return registry(ENVIRONMENT, new TickingClock(Instant.parse("2026-01-01T00:00:00Z"), TICK));
  }

  public static ModelClients registry(Map<String, String> environment, Clock clock) {
    return ModelClients.builder().registerInstalled().environment(environment::get).httpClient(HTTP).clock(clock).build();
  }

  /** A configuration with no parameters. */
  public static ModelConfig config(String provider, String model, String baseUrl) {
    return config(provider, model, baseUrl, ModelConfig.Parameters.DEFAULT);
  }

  public static ModelConfig config(String provider, String model, String baseUrl, ModelConfig.Parameters parameters) {
    return new ModelConfig(null, provider, model, baseUrl, null, null, parameters, null, null, false, null);
  }

  public static ModelClient client(ModelConfig config) {
    return registry().create(config);
  }

  /** Task {@code t1}, sample 0, the test system prompt, a Markdown deliverable, 30 seconds. */
  public static ModelRequest request(String text, Attachment... attachments) {
    return new ModelRequest("t1", 0, SYSTEM, text, List.of(attachments), List.of(FileFormat.MD), Duration.ofSeconds(30));
  }
}

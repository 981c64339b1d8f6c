package dev.parity.harness.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.CallRecord;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelAnswer.AnswerFile;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.internal.Json;
import dev.parity.harness.client.internal.Transcripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the program once per request (see the package documentation for the folder it runs in).
 *
 * <ul>
 *   <li>stdin is {@code request.json}; the environment is Parity's own, plus {@code PARITY_REQUEST},
 *       {@code PARITY_OUT}, {@code PARITY_TASK_ID} and {@code PARITY_SAMPLE};
 *   <li>stdout is the answer text, every file under {@code out/} a deliverable file; both, with
 *       stderr, go to the transcript, with the values of the API key variables redacted;
 *   <li>at the request's timeout the program and every process it started are killed: a
 *       {@link RetryableCallException} (TIMEOUT);
 *   <li>exit code {@value #EXIT_TRY_AGAIN} ({@code EX_TEMPFAIL}) asks for another try: a
 *       {@link RetryableCallException} (SERVER_ERROR); any other non-zero exit code is a
 *       {@link FatalCallException} (UNAVAILABLE) with the end of stderr;
 *   <li>tokens and cost are unknown unless the program leaves a {@code usage.json} beside
 *       {@code request.json}.
 * </ul>
 */
final class CommandClient implements ModelClient {
  static final int EXIT_TRY_AGAIN = 75;
  /** How much of stdout and of stderr a transcript keeps (the end of it), and an error message. */
  private static final int TRANSCRIPT_CHARS = 1 << 20;
  private static final int MESSAGE_CHARS = 2000;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ModelConfig config;
  private final List<String> command;
  private final Clock clock;
  private final List<String> secrets;
  private final Optional<ModelConfig.Price> price;

  CommandClient(ModelConfig config, List<String> command, Clock clock, List<String> secrets,
      Optional<ModelConfig.Price> price) {
    this.config = config;
    this.command = List.copyOf(command);
    this.clock = clock;
    this.secrets = List.copyOf(secrets);
    this.price = price;
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public ModelAnswer send(ModelRequest request) {
    try (WorkFolder folder = WorkFolder.create(request, config)) {
      return run(request, folder);
    } catch (IOException e) {
      throw new FatalCallException(CallFailure.UNAVAILABLE, 0,
          config.name() + ": cannot prepare or read the working folder: " + e.getMessage(), e);
    }
  }

  private ModelAnswer run(ModelRequest request, WorkFolder folder) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(folder.work().toFile())
        .redirectInput(folder.requestFile().toFile())
        .redirectOutput(folder.stdout().toFile())
        .redirectError(folder.stderr().toFile());
    Map<String, String> environment = builder.environment();
    environment.put("PARITY_REQUEST", folder.requestFile().toString());
    environment.put("PARITY_OUT", folder.out().toString());
    environment.put("PARITY_TASK_ID", request.taskId());
    environment.put("PARITY_SAMPLE", Integer.toString(request.sample()));
    String requestTranscript = Transcripts.redact(Files.readString(folder.requestFile()), secrets);

    Instant start = clock.instant();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new FatalCallException(CallFailure.NOT_FOUND, 0,
          config.name() + ": cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    boolean exited;
    try {
      exited = process.waitFor(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      ProcessTree.kill(process);
      Thread.currentThread().interrupt();
      throw new RetryableCallException(CallFailure.TIMEOUT, config.name() + ": interrupted; the program was killed", null, e);
    }
    if (!exited) {
      ProcessTree.kill(process);
      throw new RetryableCallException(CallFailure.TIMEOUT, config.name() + ": still running after "
          + request.timeout() + "; killed it and its child processes. stderr ends with: " + tail(folder.stderr(), MESSAGE_CHARS),
          null, null);
    }
    Duration latency = Duration.between(start, clock.instant());
    int exit = process.exitValue();
    if (exit == EXIT_TRY_AGAIN) {
      throw new RetryableCallException(CallFailure.SERVER_ERROR, config.name() + ": exited with " + exit
          + " (try again); stderr ends with: " + tail(folder.stderr(), MESSAGE_CHARS), null, null);
    }
    if (exit != 0) {
      throw new FatalCallException(CallFailure.UNAVAILABLE, 0, config.name() + ": exited with " + exit
          + "; stderr ends with: " + tail(folder.stderr(), MESSAGE_CHARS), null);
    }
    String stdout = Transcripts.redact(read(folder.stdout()), secrets);
    List<AnswerFile> files = folder.deliverable();
    JsonNode report = folder.usageReport();
    Usage usage = report == null ? Usage.UNKNOWN : new Usage(
        Json.count(report.get("input_tokens")), Json.count(report.get("output_tokens")),
        Json.count(report.get("reasoning_tokens")), Json.count(report.get("cached_input_tokens")));
    Double cost = report != null && report.path("cost_usd").isNumber()
        ? Double.valueOf(report.get("cost_usd").asDouble())
        : price.map(p -> p.cost(usage)).orElse(null);
    CallRecord record = new CallRecord(
        report == null ? null : Json.text(report.get("model")),
        null,
        FinishReason.COMPLETED,
        "exit 0",
        usage,
        cost,
        latency,
        null,
        1,
        requestTranscript,
        responseTranscript(stdout, folder, files));
    return new ModelAnswer(stdout, files, record);
  }

  private String responseTranscript(String stdout, WorkFolder folder, List<AnswerFile> files) throws IOException {
    ObjectNode transcript = MAPPER.createObjectNode()
        .put("exit_code", 0)
        .put("stdout", tailOf(stdout, TRANSCRIPT_CHARS))
        .put("stderr", tail(folder.stderr(), TRANSCRIPT_CHARS));
    ArrayNode list = transcript.putArray("files");
    for (AnswerFile file : files) {
      byte[] content = file.content();
      list.addObject().put("name", file.name()).put("bytes", content.length).put("sha256", Transcripts.sha256(content));
    }
    return Transcripts.redact(MAPPER.writeValueAsString(transcript), secrets);
  }

  /** The end of a log, redacted before it is cut so that no part of a key survives the cut. */
  private String tail(Path log, int chars) throws IOException {
    return tailOf(Transcripts.redact(read(log), secrets), chars);
  }

  /** A log as text; bytes that are not UTF-8 become U+FFFD rather than fail the answer. */
  private static String read(Path log) throws IOException {
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
  }

  private static String tailOf(String text, int chars) {
    return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
  }
}

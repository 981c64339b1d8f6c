package dev.parity.harness.replay;

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
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.internal.Transcripts;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Serves recorded answers. A replay costs nothing (cost 0, tokens unknown); a task and sample with
 * no recorded answer is a {@link FatalCallException} (UNAVAILABLE) for that attempt, naming where
 * the answer was looked for.
 */
final class ReplayClient implements ModelClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ModelConfig config;
  private final Answers answers;
  private final Clock clock;

  ReplayClient(ModelConfig config, Answers answers, Clock clock) {
    this.config = config;
    this.answers = answers;
    this.clock = clock;
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public ModelAnswer send(ModelRequest request) {
    Instant start = clock.instant();
    Recorded recorded;
    try {
      recorded = answers.find(request.taskId(), request.sample()).orElseThrow(() -> new FatalCallException(
          CallFailure.UNAVAILABLE, 0, config.name() + ": no recorded answer for task " + request.taskId()
              + " sample " + request.sample() + "; looked for " + answers.lookedFor(request.taskId(), request.sample()),
          null));
    } catch (UncheckedIOException e) {
      throw new FatalCallException(CallFailure.UNAVAILABLE, 0, config.name() + ": " + e.getMessage(), e);
    }
    ObjectNode sent = MAPPER.createObjectNode().put("task_id", request.taskId()).put("sample", request.sample());
    ObjectNode served = MAPPER.createObjectNode().put("source", recorded.source()).put("text", recorded.text());
    ArrayNode files = served.putArray("files");
    for (AnswerFile file : recorded.files()) {
      byte[] content = file.content();
      files.addObject().put("name", file.name()).put("bytes", content.length).put("sha256", Transcripts.sha256(content));
    }
    CallRecord record = new CallRecord("replay", null, FinishReason.COMPLETED, "replayed", Usage.UNKNOWN, 0.0,
        Duration.between(start, clock.instant()), null, 1, sent.toString(), served.toString());
    return new ModelAnswer(recorded.text(), recorded.files(), record);
  }
}

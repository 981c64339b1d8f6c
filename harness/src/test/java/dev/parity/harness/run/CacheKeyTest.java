package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parity.documents.FileFormat;
import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.InputKind;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.deliverable.FormatConversion;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.store.BlobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The answer cache's keys stay the ones earlier versions wrote (a sorted map written by an
 * {@link ObjectMapper}), so that answers cached before still serve the same requests.
 */
class CacheKeyTest {
  private static final ModelConfig PLAIN = new ModelConfig(null, "openai-compatible", "bench-model",
      "http://127.0.0.1:8080/v1", null, null, null, null, null, false, null, null);
  private static final ModelConfig TUNED = new ModelConfig("tuned", "openai", "gpt-5", null, "KEY", "chat",
      new ModelConfig.Parameters(4096, 0.2, "high", 7L), null, null, true, null, Set.of(InputKind.PDF, InputKind.IMAGE));

  private static final ModelRequest MEMO = new ModelRequest("T00001", 0, "Write it \"well\".\n\té 😀",
      "Task T00001: write a one-page memo on the quarter.", List.of(), List.of(FileFormat.MD), Duration.ofMinutes(1));
  private static final ModelRequest WITH_FILES = new ModelRequest("T2", 3, null, "Read the files.\u0001",
      List.of(new Attachment("a.pdf", FileFormat.PDF, Path.of("a.pdf"), "ab".repeat(32)),
          new Attachment("b \"c\".png", FileFormat.PNG, Path.of("b.png"), "cd".repeat(32))),
      List.of(FileFormat.DOCX, FileFormat.XLSX), Duration.ofMinutes(1));

  @Test
  void aPlainRequestsKeyIsTheOneEarlierVersionsGave() {
    assertThat(CacheKey.forModel(PLAIN, null, FormatConversion.OFF).of(MEMO))
        .isEqualTo(earlierKey(PLAIN, MEMO, null, FormatConversion.OFF))
        .isEqualTo("22eef13f643fdebf31b688b1fb9a84390cb10eb63fb348fcb9985a2d57c33e6c");
  }

  @Test
  void everyPartOfTheKeyIsWrittenAsEarlierVersionsWroteIt() {
    AgentSettings agent = AgentSettings.of("shell,python", SandboxBackend.Kind.BUBBLEWRAP);
    for (ModelConfig model : List.of(PLAIN, TUNED)) {
      for (ModelRequest request : List.of(MEMO, WITH_FILES)) {
        for (AgentSettings settings : new AgentSettings[] {null, agent}) {
          for (FormatConversion conversion : FormatConversion.values()) {
            assertThat(CacheKey.forModel(model, settings, conversion).of(request))
                .as("%s %s %s %s", model.name(), request.taskId(), settings, conversion)
                .isEqualTo(earlierKey(model, request, settings, conversion));
          }
        }
      }
    }
  }

  @Test
  void whatShapesTheAnswerChangesTheKey() {
    CacheKey plain = CacheKey.forModel(PLAIN, null, FormatConversion.OFF);
    List<String> keys = new ArrayList<>(List.of(plain.of(MEMO), plain.of(WITH_FILES),
        plain.of(new ModelRequest("T00001", 1, MEMO.system(), MEMO.text(), List.of(), MEMO.formats(), MEMO.timeout())),
        CacheKey.forModel(TUNED, null, FormatConversion.OFF).of(MEMO),
        CacheKey.forModel(PLAIN, null, FormatConversion.CONVERT).of(MEMO)));
    // The task's id and the timeout change how an answer is obtained, not what it is.
    String sameRequest = plain.of(new ModelRequest("other", 0, MEMO.system(), MEMO.text(), List.of(), MEMO.formats(),
        Duration.ofSeconds(5)));

    assertThat(keys).doesNotHaveDuplicates();
    assertThat(sameRequest).isEqualTo(keys.get(0));
  }

  /** The key as Parity wrote it before the eighth pass: a map of every part, sorted and written by Jackson. */
  private static String earlierKey(ModelConfig model, ModelRequest request, AgentSettings agent,
      FormatConversion conversion) {
    Map<String, Object> key = new LinkedHashMap<>();
    if (conversion == FormatConversion.CONVERT) {
      key.put("convert_formats", true);
    }
    key.put("provider", model.provider());
    key.put("model", model.model());
    key.put("base_url", model.baseUrl());
    key.put("api", model.api());
    key.put("parameters", model.parameters());
    key.put("force_text", model.forceText());
    if (model.accepts() != null) {
      key.put("accepts", model.accepts().stream().map(InputKind::id).toList());
    }
    key.put("system", request.system());
    key.put("text", request.text());
    key.put("attachments", request.attachments().stream()
        .map(a -> List.of(a.name(), a.format().id(), a.sha256())).toList());
    key.put("formats", request.formats().stream().map(FileFormat::id).toList());
    key.put("sample", request.sample());
    if (agent != null) {
      key.put("agent", agent.definition());
    }
    ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    try {
      return BlobStore.sha256(json.writeValueAsString(key).getBytes(StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}

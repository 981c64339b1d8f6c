package dev.parity.harness.run;

import dev.parity.harness.agent.AgentSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parity.documents.FileFormat;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.InputKind;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.deliverable.FormatConversion;
import dev.parity.store.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer cache's key: the sha256 of everything that shapes an answer — provider, model, base
 * URL, API, generation parameters, forced text, instructions, request text, the digests of the
 * attached files, the requested formats and the sample index; for an agent attempt, its tools,
 * sandbox, toolset and limits ({@code --sandboxes} aside). Not the display name, the model's limits,
 * the prices or the timeout, which change how an answer is obtained, not what it is. With format
 * conversion on ({@code --convert-formats}) the key says so: a cached attempt carries its built
 * deliverable.
 */
final class CacheKey {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private CacheKey() {}

  static String of(ModelConfig model, ModelRequest request, AgentSettings agent, FormatConversion conversion) {
    Map<String, Object> key = new LinkedHashMap<>();
    if (conversion == FormatConversion.CONVERT) {
      // A cached attempt keeps the deliverable built when it was answered: an answer cached
      // without conversion would bring its missing formats along. Keys without conversion stay
      // as they were, so existing caches keep their hits.
      key.put("convert_formats", true);
    }
    key.put("provider", model.provider());
    key.put("model", model.model());
    key.put("base_url", model.baseUrl());
    key.put("api", model.api());
    key.put("parameters", model.parameters());
    key.put("force_text", model.forceText());
    if (model.accepts() != null) {
      // Only when given, so that runs and cache entries made before accepts existed still match.
      key.put("accepts", model.accepts().stream().map(InputKind::id).toList());
    }
    key.put("system", request.system());
    key.put("text", request.text());
    key.put("attachments", request.attachments().stream().map(CacheKey::attachment).toList());
    key.put("formats", request.formats().stream().map(FileFormat::id).toList());
    key.put("sample", request.sample());
    if (agent != null) {
      // An agent attempt's answer depends on its tools, sandbox and limits: a plain answer never serves it.
      key.put("agent", agent.definition());
    }
    try {
      return BlobStore.sha256(JSON.writeValueAsString(key).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a cache key", e);
    }
  }

  private static List<String> attachment(Attachment attachment) {
    return List.of(attachment.name(), attachment.format().id(), attachment.sha256());
  }
}

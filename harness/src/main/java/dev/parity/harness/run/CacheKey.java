package dev.parity.harness.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import dev.parity.store.BlobStore;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer cache's key of one model's attempts: the sha256 of everything that shapes an answer —
 * provider, model, base URL, API, generation parameters, forced text, instructions, request text,
 * the digests of the attached files, the requested formats and the sample index; for an agent
 * attempt, its tools, sandbox, toolset and limits ({@code --sandboxes} aside). Not the display name,
 * the model's limits, the prices or the timeout, which change how an answer is obtained, not what it
 * is. With format conversion on ({@code --convert-formats}) the key says so: a cached attempt carries
 * its built deliverable.
 *
 * <p>What is hashed is a JSON object with its keys in alphabetical order, at every level (as an
 * {@link ObjectMapper} with {@link SerializationFeature#ORDER_MAP_ENTRIES_BY_KEYS} writes a map):
 * keys made by earlier versions stay the same, so existing caches keep their hits. The model's part
 * is written once; each attempt's request is streamed in between, in that order, without a map or a
 * serializer lookup per attempt (benchmarks/README.md, "The attempt path, eighth pass").
 *
 * <p>Immutable and thread-safe.
 */
final class CacheKey {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final ModelConfig model;
  /** The model's accepted inputs as JSON, or null when the model does not say (left out of the key). */
  private final String accepts;
  /** The agent settings as JSON, or null for a plain attempt (left out of the key). */
  private final String agent;
  private final String parameters;
  private final boolean convert;

  private CacheKey(ModelConfig model, String accepts, String agent, String parameters, boolean convert) {
    this.model = model;
    this.accepts = accepts;
    this.agent = agent;
    this.parameters = parameters;
    this.convert = convert;
  }

  /**
   * The keys of {@code model}'s attempts, made with {@code agent} (null for a plain attempt) and
   * format conversion as given.
   */
  static CacheKey forModel(ModelConfig model, AgentSettings agent, FormatConversion conversion) {
    try {
      // Only when given, so that runs and cache entries made before accepts existed still match.
      String accepts = model.accepts() == null ? null
          : JSON.writeValueAsString(model.accepts().stream().map(InputKind::id).toList());
      // An agent attempt's answer depends on its tools, sandbox and limits: a plain answer never serves it.
      String agentJson = agent == null ? null : JSON.writeValueAsString(agent.definition());
      // A cached attempt keeps the deliverable built when it was answered: an answer cached without
      // conversion would bring its missing formats along. Keys without conversion stay as they were.
      return new CacheKey(model, accepts, agentJson, JSON.writeValueAsString(model.parameters()),
          conversion == FormatConversion.CONVERT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a cache key", e);
    }
  }

  /** The key of {@code request}'s answer. */
  String of(ModelRequest request) {
    String system = request.system();
    StringWriter text = new StringWriter(256 + (system == null ? 0 : system.length()) + request.text().length());
    try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
      json.writeStartObject();
      if (accepts != null) {
        json.writeFieldName("accepts");
        json.writeRawValue(accepts);
      }
      if (agent != null) {
        json.writeFieldName("agent");
        json.writeRawValue(agent);
      }
      json.writeStringField("api", model.api());
      json.writeArrayFieldStart("attachments");
      for (Attachment attachment : request.attachments()) {
        json.writeStartArray();
        json.writeString(attachment.name());
        json.writeString(attachment.format().id());
        json.writeString(attachment.sha256());
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeStringField("base_url", model.baseUrl());
      if (convert) {
        json.writeBooleanField("convert_formats", true);
      }
      json.writeBooleanField("force_text", model.forceText());
      json.writeArrayFieldStart("formats");
      for (FileFormat format : request.formats()) {
        json.writeString(format.id());
      }
      json.writeEndArray();
      json.writeStringField("model", model.model());
      json.writeFieldName("parameters");
      json.writeRawValue(parameters);
      json.writeStringField("provider", model.provider());
      json.writeNumberField("sample", request.sample());
      json.writeStringField("system", system);
      json.writeStringField("text", request.text());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a cache key", e);
    }
    return BlobStore.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}

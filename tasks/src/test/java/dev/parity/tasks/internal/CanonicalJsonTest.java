package dev.parity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The canonical JSON, written with a plain factory, is byte for byte what the mapper's
 * {@code writeTree} wrote for each value before (the hash of every suite depends on it), on every
 * variant of a full task ({@link JsonVariants}) with numbers, escapes and non-ASCII text among the values.
 */
class CanonicalJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyVariantIsWrittenAsTheMapperWroteIt() throws IOException {
    List<String> values = new ArrayList<>(JsonVariants.VALUES);
    values.addAll(List.of("1.50", "-0", "-0.0", "1E+2", "12345678901234567890.5", "2147483648", "\"tab\\t\\u0001\\\"/\\\\\"",
        "\"caf\\u00e9 \\u2028\"", "{\"b\": 1, \"a\": [2.0, null, false]}"));
    for (String document : JsonVariants.of(JsonVariants.FULL_TASK, values)) {
      JsonNode json = LocatedJson.parse(document.getBytes(StandardCharsets.UTF_8)).root();

      assertThat(new String(ContentHasher.canonical(json), StandardCharsets.UTF_8))
          .isEqualTo(new String(throughTheMapper(json), StandardCharsets.UTF_8));
    }
  }

  /** The canonical JSON as the mapper wrote it: keys sorted, each value through {@code writeTree}. */
  private static byte[] throughTheMapper(JsonNode node) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator generator = MAPPER.createGenerator(bytes)) {
      write(node, generator);
    }
    return bytes.toByteArray();
  }

  private static void write(JsonNode node, JsonGenerator generator) throws IOException {
    if (node.isObject()) {
      generator.writeStartObject();
      TreeSet<String> names = new TreeSet<>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        generator.writeFieldName(name);
        write(node.get(name), generator);
      }
      generator.writeEndObject();
    } else if (node.isArray()) {
      generator.writeStartArray();
      for (JsonNode element : node) {
        write(element, generator);
      }
      generator.writeEndArray();
    } else {
      generator.writeTree(node);
    }
  }
}

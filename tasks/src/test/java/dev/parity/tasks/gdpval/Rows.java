package dev.parity.tasks.gdpval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Dataset rows for tests, in GDPval's two schemas, written the way the published files hold them
 * (made up here: no row of the real dataset is copied).
 */
final class Rows {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String HF = "https://huggingface.co/datasets/openai/gdpval/resolve/main/";

  private Rows() {}

  /** A launch-schema row: the three reference lists aligned, URLs unencoded as in the data. */
  static ObjectNode launch(String taskId, String occupation, String sector, String prompt, String... references) {
    ObjectNode row = JSON.createObjectNode();
    row.put("task_id", taskId);
    row.put("sector", sector);
    row.put("occupation", occupation);
    row.put("prompt", prompt);
    ArrayNode files = row.putArray("reference_files");
    ArrayNode urls = row.putArray("reference_file_urls");
    ArrayNode uris = row.putArray("reference_file_hf_uris");
    for (String reference : references) {
      files.add(reference);
      urls.add(HF + reference);
      uris.add("hf://datasets/openai/gdpval@main/" + reference);
    }
    return row;
  }

  /** A row of the later schema: the launch columns, the expert's files and a rubric. */
  static ObjectNode withDeliverables(ObjectNode launch, List<String> deliverables, String rubricJson) {
    ObjectNode row = launch.deepCopy();
    ArrayNode files = row.putArray("deliverable_files");
    ArrayNode urls = row.putArray("deliverable_file_urls");
    ArrayNode uris = row.putArray("deliverable_file_hf_uris");
    for (String deliverable : deliverables) {
      files.add(deliverable);
      urls.add(HF + deliverable);
      uris.add("hf://datasets/openai/gdpval@main/" + deliverable);
    }
    row.put("rubric_pretty", "[+2] a criterion");
    row.put("rubric_json", rubricJson);
    return row;
  }

  /** A rubric as the dataset holds it: a JSON array, encoded as a string. */
  static String rubric(String arrayJson) {
    try {
      return JSON.readTree(arrayJson).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path jsonArray(Path file, List<ObjectNode> rows) {
    ArrayNode array = JSON.createArrayNode();
    rows.forEach(array::add);
    return write(file, array.toPrettyString());
  }

  static Path jsonLines(Path file, List<ObjectNode> rows) {
    return write(file, rows.stream().map(ObjectNode::toString).collect(Collectors.joining("\n")) + "\n");
  }

  static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

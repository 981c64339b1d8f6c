package dev.parity.harness.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.internal.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Headers;

/**
 * The files Anthropic's code execution made in a message: the {@code file_id} of each output in
 * its results ({@code bash_code_execution_result} of the current tool, {@code code_execution_result}
 * of the Python-only one), each named by its Files API metadata ({@code GET /v1/files/{id}}) and
 * downloaded ({@code GET /v1/files/{id}/content}).
 */
final class CodeExecutionFiles {
  /** The tool as the Messages API's {@code tools} array takes it. */
  static final String TOOL = "{\"type\":\"code_execution_20250825\",\"name\":\"code_execution\"}";
  /** The betas the tool and the Files API are behind, as one {@code anthropic-beta} header. */
  static final String BETAS = "code-execution-2025-08-25,files-api-2025-04-14";
  /** What the model is told before the run's instructions. */
  static final String INSTRUCTIONS = "You have a code execution tool. Make the deliverable as real files with it:"
      + " every file your code creates is handed over as the deliverable, and takes the place of typing the file"
      + " into your answer, so create only the deliverable's files.";

  private CodeExecutionFiles() {}

  /** The files named in {@code content} (a message's content blocks), in the order they appear. */
  static List<ModelAnswer.AnswerFile> fetch(Endpoint endpoint, Headers headers, JsonNode content, Duration timeout) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode block : content) {
      String type = block.path("type").asText();
      if (type.equals("bash_code_execution_tool_result") || type.equals("code_execution_tool_result")) {
        for (JsonNode output : block.path("content").path("content")) {
          if (output.hasNonNull("file_id")) {
            ids.add(output.get("file_id").asText());
          }
        }
      }
    }
    List<ModelAnswer.AnswerFile> files = new ArrayList<>();
    for (String id : ids) {
      JsonNode metadata = endpoint.http().getJson(endpoint.resolve("v1/files/" + id), headers, timeout);
      byte[] bytes = endpoint.http().get(endpoint.resolve("v1/files/" + id + "/content"), headers, timeout);
      String name = metadata.path("filename").asText(id);
      files.add(new ModelAnswer.AnswerFile(name.substring(name.lastIndexOf('/') + 1), bytes));
    }
    return files;
  }
}

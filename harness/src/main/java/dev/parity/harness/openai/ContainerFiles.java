package dev.parity.harness.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.internal.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * The files OpenAI's code interpreter made in a response: each container its
 * {@code code_interpreter_call} items name is listed ({@code GET /containers/{id}/files}, page by
 * page) and the files the model wrote ({@code source: assistant}; the user's are the references) are
 * downloaded ({@code GET /containers/{id}/files/{file_id}/content}). The list, not the
 * {@code container_file_citation} annotations, decides, because a model does not always cite the
 * files it made.
 */
final class ContainerFiles {
  /** The tool as the Responses API's {@code tools} array takes it; {@code auto} makes a container per response. */
  static final String TOOL = "{\"type\":\"code_interpreter\",\"container\":{\"type\":\"auto\"}}";
  /** What the model is told before the run's instructions. */
  static final String INSTRUCTIONS = "You have a code interpreter. Make the deliverable as real files with it and"
      + " save each one in /mnt/data/ (keep scratch files elsewhere, e.g. /tmp): every file you save there is"
      + " handed over as the deliverable, and takes the place of typing the file into your answer.";

  private ContainerFiles() {}

  /** The files the model saved in the containers of {@code output} (a response's {@code output} array). */
  static List<ModelAnswer.AnswerFile> fetch(Endpoint endpoint, JsonNode output, Duration timeout) {
    Set<String> containers = new LinkedHashSet<>();
    for (JsonNode item : output) {
      if (item.path("type").asText().equals("code_interpreter_call") && item.hasNonNull("container_id")) {
        containers.add(item.get("container_id").asText());
      }
    }
    List<ModelAnswer.AnswerFile> files = new ArrayList<>();
    for (String container : containers) {
      String after = null;
      do {
        HttpUrl.Builder url = endpoint.resolve("containers/" + container + "/files").newBuilder()
            .addQueryParameter("limit", "100").addQueryParameter("order", "asc");
        if (after != null) {
          url.addQueryParameter("after", after);
        }
        JsonNode page = endpoint.http().getJson(url.build(), endpoint.headers(), timeout);
        for (JsonNode file : page.path("data")) {
          if (file.path("source").asText().equals("assistant")) {
            String path = file.path("path").asText(file.path("id").asText());
            byte[] content = endpoint.http().get(endpoint.resolve("containers/" + container + "/files/"
                + file.path("id").asText() + "/content"), endpoint.headers(), timeout);
            files.add(new ModelAnswer.AnswerFile(path.substring(path.lastIndexOf('/') + 1), content));
          }
        }
        after = page.path("has_more").asBoolean() ? page.path("last_id").asText(null) : null;
      } while (after != null);
    }
    return files;
  }
}

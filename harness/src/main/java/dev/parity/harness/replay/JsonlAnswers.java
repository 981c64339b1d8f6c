package dev.parity.harness.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelAnswer.AnswerFile;
import dev.parity.tasks.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers in a JSONL file, one per line:
 * {@code {"task_id": "t1", "sample": 0, "text": "…", "files": [{"name": "plan.xlsx", "content_base64": "…"}]}}.
 * A line without {@code sample} answers every sample of its task. The whole file is read and
 * checked when the client is made, and every problem is reported with its line.
 */
final class JsonlAnswers implements Answers {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Stands for "any sample" in the index. */
  private static final int ANY = -1;

  private final Path file;
  private final Map<String, Recorded> answers;

  private JsonlAnswers(Path file, Map<String, Recorded> answers) {
    this.file = file;
    this.answers = Map.copyOf(answers);
  }

  /** @throws InvalidModelConfigException listing every bad line */
  static JsonlAnswers read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidModelConfigException("replay file", List.of(Problem.inFile(file, "cannot read it: " + e.getMessage())));
    }
    Map<String, Recorded> answers = new HashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int line = i + 1;
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode node = MAPPER.readTree(lines.get(i));
        String key = key(node);
        Recorded recorded = new Recorded(node.path("text").asText(""), files(node), file + ":" + line);
        Integer earlier = firstLine.putIfAbsent(key, line);
        if (earlier != null) {
          throw new IllegalArgumentException("a second answer for the same task and sample (the first is on line "
              + earlier + ")");
        }
        answers.put(key, recorded);
      } catch (IOException | IllegalArgumentException e) {
        problems.add(new Problem(file, line, 1, e instanceof IOException ? "not a JSON object: " + e.getMessage()
            : e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidModelConfigException("replay file", problems);
    }
    return new JsonlAnswers(file, answers);
  }

  @Override
  public Optional<Recorded> find(String taskId, int sample) {
    Recorded exact = answers.get(taskId + "#" + sample);
    return Optional.ofNullable(exact != null ? exact : answers.get(taskId + "#" + ANY));
  }

  @Override
  public String lookedFor(String taskId, int sample) {
    return "a line of " + file + " with task_id \"" + taskId + "\" and sample " + sample + " or no sample";
  }

  private static String key(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("each line is a JSON object with task_id, sample, text and files");
    }
    JsonNode taskId = node.get("task_id");
    if (taskId == null || !taskId.isTextual() || taskId.asText().isBlank()) {
      throw new IllegalArgumentException("missing \"task_id\" (a non-empty string)");
    }
    JsonNode sample = node.get("sample");
    if (sample != null && !sample.isNull() && !(sample.isIntegralNumber() && sample.asInt() >= 0)) {
      throw new IllegalArgumentException("\"sample\" must be a whole number from 0, or absent for every sample");
    }
    JsonNode text = node.get("text");
    if (text != null && !text.isTextual()) {
      throw new IllegalArgumentException("\"text\" must be a string");
    }
    return taskId.asText() + "#" + (sample == null || sample.isNull() ? ANY : sample.asInt());
  }

  private static List<AnswerFile> files(JsonNode node) {
    List<AnswerFile> files = new ArrayList<>();
    if (node.has("files") && !node.get("files").isArray()) {
      throw new IllegalArgumentException("\"files\" must be a list of {\"name\", \"content_base64\"}");
    }
    for (JsonNode entry : node.path("files")) {
      String name = entry.path("name").asText("");
      if (name.isBlank() || name.contains("..") || name.startsWith("/") || name.contains("\\")) {
        throw new IllegalArgumentException("a file needs a \"name\" that is a relative path without \"..\", not \""
            + name + "\"");
      }
      if (!entry.path("content_base64").isTextual()) {
        throw new IllegalArgumentException("the file \"" + name + "\" has no \"content_base64\" string");
      }
      try {
        files.add(new AnswerFile(name, Base64.getDecoder().decode(entry.get("content_base64").asText())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the content_base64 of \"" + name + "\" is not base64: " + e.getMessage());
      }
    }
    return files;
  }
}

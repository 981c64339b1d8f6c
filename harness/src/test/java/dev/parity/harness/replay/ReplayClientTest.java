package dev.parity.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.InvalidModelConfigException;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelAnswer.AnswerFile;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.ModelSpecs;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.testing.TestClients;
import dev.parity.tasks.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayClientTest {
  @TempDir Path folder;

  @Test
  void aFolderServesTheSamplesOwnAnswerElseTheTasksAnswerWithTheirFiles() throws IOException {
    Path answers = folder.resolve("answers");
    write(answers.resolve("t1/answer.md"), "Any sample's answer");
    write(answers.resolve("t1/plan.csv"), "step,owner\n1,ana\n");
    write(answers.resolve("t1/2/answer.md"), "Sample 2's answer");
    write(answers.resolve("t1/2/plan.xlsx"), "xlsx bytes");
    ModelClient client = client(answers.toString());

    ModelAnswer two = client.send(request("t1", 2));
    ModelAnswer zero = client.send(request("t1", 0));

    assertThat(two.text()).isEqualTo("Sample 2's answer");
    assertThat(two.files()).extracting(AnswerFile::name).containsExactly("plan.xlsx");
    assertThat(zero.text()).isEqualTo("Any sample's answer");
    assertThat(zero.files()).extracting(AnswerFile::name).containsExactly("plan.csv");
    assertThat(new String(zero.files().get(0).content(), StandardCharsets.UTF_8)).isEqualTo("step,owner\n1,ana\n");
    assertThat(zero.record().costUsd()).isEqualTo(0.0);
    assertThat(zero.record().usage()).isEqualTo(Usage.UNKNOWN);
    assertThat(zero.record().finishReason()).isEqualTo(FinishReason.COMPLETED);
    assertThat(zero.record().responseBody()).contains(answers.resolve("t1").toString());
  }

  @Test
  void aMissingAnswerIsAFatalFailureOfThatAttemptNamingWhereItLooked() throws IOException {
    Path answers = folder.resolve("answers");
    write(answers.resolve("t1/answer.md"), "only t1");

    FatalCallException e = catchThrowableOfType(FatalCallException.class, () -> client(answers.toString()).send(request("t9", 1)));

    assertThat(e.failure()).isEqualTo(CallFailure.UNAVAILABLE);
    assertThat(e.failure().stopsTheModel()).isFalse();
    assertThat(e.getMessage()).isEqualTo("replay:" + answers + ": no recorded answer for task t9 sample 1; looked for "
        + answers.resolve("t9/1/answer.md") + " and " + answers.resolve("t9/answer.md"));
  }

  @Test
  void aTaskIdCannotLeadOutOfTheAnswersFolder() throws IOException {
    Path answers = folder.resolve("answers");
    Files.createDirectories(answers);
    write(folder.resolve("secret/answer.md"), "not an answer");

    assertThat(catchThrowableOfType(FatalCallException.class, () -> client(answers.toString()).send(request("../secret", 0))))
        .hasMessageEndingWith("looked for nothing, as the task id leads out of " + answers);
  }

  @Test
  void aJsonlFileServesTextAndFilesBySampleOrForAnySample() throws IOException {
    Path file = write(folder.resolve("answers.jsonl"), """
        {"task_id": "t1", "sample": 0, "text": "first", "files": [{"name": "a.md", "content_base64": "%s"}]}

        {"task_id": "t1", "text": "any other"}
        """.formatted(Base64.getEncoder().encodeToString("# A".getBytes(StandardCharsets.UTF_8))));
    ModelClient client = client(file.toString());

    ModelAnswer zero = client.send(request("t1", 0));
    ModelAnswer three = client.send(request("t1", 3));

    assertThat(zero.text()).isEqualTo("first");
    assertThat(zero.files()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("a.md");
      assertThat(f.content()).isEqualTo("# A".getBytes(StandardCharsets.UTF_8));
    });
    assertThat(three.text()).isEqualTo("any other");
    assertThat(three.record().responseBody()).contains(file + ":3");
    assertThat(catchThrowableOfType(FatalCallException.class, () -> client.send(request("t2", 0))).getMessage())
        .contains("looked for a line of " + file + " with task_id \"t2\" and sample 0 or no sample");
  }

  @Test
  void everyBadLineOfAJsonlFileIsReportedWhenTheClientIsMade() throws IOException {
    Path file = write(folder.resolve("answers.jsonl"), """
        {"task_id": "t1", "sample": 0, "text": "ok"}
        {"sample": 1, "text": "no task"}
        {"task_id": "t1", "sample": 0, "text": "again"}
        {"task_id": "t2", "files": [{"name": "../escape.md", "content_base64": ""}]}
        {"task_id": "t3", "files": [{"name": "x.md", "content_base64": "not base64!"}]}
        not json
        """);

    InvalidModelConfigException e = catchThrowableOfType(InvalidModelConfigException.class, () -> client(file.toString()));

    assertThat(e.problems()).extracting(Problem::line).containsExactly(2, 3, 4, 5, 6);
    assertThat(e.problems().get(1).message()).isEqualTo("a second answer for the same task and sample (the first is on line 1)");
    assertThat(e.getMessage()).startsWith("invalid replay file: 5 problems");
  }

  @Test
  void theSourceMustBeAFolderOrAJsonlFile() throws IOException {
    Path text = write(folder.resolve("answers.txt"), "x");

    assertThatThrownBy(() -> client(text.toString())).hasMessageContaining("is neither a folder of answers nor a .jsonl file");
  }

  private static ModelClient client(String source) {
    return TestClients.client(ModelSpecs.parse("replay:" + source));
  }

  private static ModelRequest request(String taskId, int sample) {
    return new ModelRequest(taskId, sample, null, "Do the task.", List.of(), List.of(), Duration.ofSeconds(5));
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}

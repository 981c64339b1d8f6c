package dev.parity.harness.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parity.documents.FileFormat;
import dev.parity.documents.testing.TestDocuments;
import dev.parity.harness.client.Attachment;
import dev.parity.harness.client.CallFailure;
import dev.parity.harness.client.FatalCallException;
import dev.parity.harness.client.FinishReason;
import dev.parity.harness.client.ModelAnswer;
import dev.parity.harness.client.ModelAnswer.AnswerFile;
import dev.parity.harness.client.ModelClient;
import dev.parity.harness.client.ModelConfig;
import dev.parity.harness.client.ModelRequest;
import dev.parity.harness.client.RetryableCallException;
import dev.parity.harness.client.Usage;
import dev.parity.harness.client.testing.MockResponses;
import dev.parity.harness.client.testing.TestClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** End to end: real shell scripts run as agents. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the test agents are POSIX shell scripts")
class CommandClientTest {
  @TempDir Path folder;

  @Test
  void anAgentsStdoutIsTheAnswerAndTheFilesItLeavesInOutAreTheDeliverable() throws IOException {
    Path agent = script("agent.sh", """
        set -e
        test -f request.json
        mkdir -p out/charts
        printf 'region,spend\\nEMEA,1.2\\n' > out/charts/spend.csv
        cp references/memo.docx out/memo-reviewed.docx
        echo "Reviewed task $PARITY_TASK_ID sample $PARITY_SAMPLE in $(pwd)"
        echo "working" >&2
        """);
    Path memo = TestDocuments.docx(folder);

    ModelAnswer answer = client(agent.toString()).send(TestClients.request("Review the memo.", Attachment.of(memo, FileFormat.DOCX)));

    assertThat(answer.text()).startsWith("Reviewed task t1 sample 0 in /");
    assertThat(answer.files()).extracting(AnswerFile::name).containsExactly("charts/spend.csv", "memo-reviewed.docx");
    assertThat(new String(answer.files().get(0).content())).isEqualTo("region,spend\nEMEA,1.2\n");
    assertThat(answer.files().get(1).content()).isEqualTo(Files.readAllBytes(memo));
    assertThat(answer.record().finishReason()).isEqualTo(FinishReason.COMPLETED);
    assertThat(answer.record().usage()).isEqualTo(Usage.UNKNOWN);
    assertThat(answer.record().costUsd()).as("what the agent spent is unknown").isNull();
    JsonNode transcript = MockResponses.parse(answer.record().responseBody());
    assertThat(transcript.get("stderr").asText()).isEqualTo("working\n");
    assertThat(transcript.at("/files/1/name").asText()).isEqualTo("memo-reviewed.docx");
    assertThat(transcript.at("/files/1/sha256").asText()).isEqualTo(Attachment.of(memo, FileFormat.DOCX).sha256());
    Path work = Path.of(answer.text().substring(answer.text().indexOf(" in ") + 4).strip());
    assertThat(work).as("the working folder is removed afterwards").doesNotExist();
  }

  @Test
  void requestJsonHoldsTheRequestTheReferencesAndTheParameters() throws IOException {
    Path agent = script("agent.sh", "echo done\n");
    Path memo = TestDocuments.docx(folder);
    ModelConfig config = new ModelConfig(null, "command", agent.toString(), null, null, null,
        new ModelConfig.Parameters(8000, null, "high", null), null, null, false, null);

    ModelAnswer answer = TestClients.client(config).send(TestClients.request("Review the memo.", Attachment.of(memo, FileFormat.DOCX)));

    JsonNode request = MockResponses.parse(answer.record().requestBody());
    assertThat(request).isEqualTo(MockResponses.parse("""
        {"format_version": 1, "task_id": "t1", "sample": 0,
         "system": "You are a financial analyst. Answer in Markdown.", "text": "Review the memo.", "formats": ["md"],
         "references": [{"name": "memo.docx", "path": "references/memo.docx", "format": "docx",
           "media_type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "sha256": "%s"}],
         "out_dir": "out", "timeout_seconds": 30,
         "parameters": {"max_output_tokens": 8000, "reasoning_effort": "high"}}
        """.formatted(Attachment.of(memo, FileFormat.DOCX).sha256())));
  }

  @Test
  void anAgentStillRunningAtTheTimeoutIsKilledWithTheProcessesItStarted() throws Exception {
    Path pidFile = folder.resolve("child.pid");
    Path agent = script("hang.sh", """
        sleep 300 &
        echo $! > "$1"
        echo "started a child" >&2
        wait
        """);
    ModelRequest request = new ModelRequest("t1", 0, null, "Hi", List.of(), List.of(), Duration.ofSeconds(1));

    RetryableCallException e = catchThrowableOfType(RetryableCallException.class,
        () -> client(agent + " " + pidFile).send(request));

    assertThat(e.failure()).isEqualTo(CallFailure.TIMEOUT);
    assertThat(e.getMessage()).contains("still running after PT1S; killed it and its child processes")
        .endsWith("started a child\n");
    long child = Long.parseLong(Files.readString(pidFile).strip());
    // A killed process may take a moment to be reaped; wait for that, not for a fixed time.
    ProcessHandle.of(child).ifPresent(handle -> handle.onExit().completeOnTimeout(handle, 5, TimeUnit.SECONDS).join());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).as("the agent's child process")
        .isNotEqualTo(Optional.of(true));
  }

  @Test
  void aFailingAgentIsFatalWithTheEndOfItsStderrUnlessItAsksForAnotherTry() throws IOException {
    Path broken = script("broken.sh", "echo 'Traceback: no module named docx' >&2\nexit 3\n");
    Path busy = script("busy.sh", "echo 'upstream API overloaded' >&2\nexit 75\n");

    FatalCallException fatal = catchThrowableOfType(FatalCallException.class,
        () -> client(broken.toString()).send(TestClients.request("Hi")));
    RetryableCallException retry = catchThrowableOfType(RetryableCallException.class,
        () -> client(busy.toString()).send(TestClients.request("Hi")));

    assertThat(fatal.failure()).isEqualTo(CallFailure.UNAVAILABLE);
    assertThat(fatal.getMessage()).isEqualTo("command:" + broken + ": exited with 3; stderr ends with: "
        + "Traceback: no module named docx\n");
    assertThat(retry.failure()).isEqualTo(CallFailure.SERVER_ERROR);
    assertThat(retry.getMessage()).contains("exited with 75 (try again)");
  }

  @Test
  void anAgentMayReportItsUsageAndCost() throws IOException {
    Path agent = script("agent.sh", """
        echo '{"model": "gpt-5-2025-08-07", "input_tokens": 1200, "output_tokens": 300, "cost_usd": 0.0045}' > usage.json
        echo done
        """);

    ModelAnswer answer = client(agent.toString()).send(TestClients.request("Hi"));

    assertThat(answer.record().usage()).isEqualTo(new Usage(1200L, 300L, null, null));
    assertThat(answer.record().costUsd()).isEqualTo(0.0045);
    assertThat(answer.record().providerModel()).isEqualTo("gpt-5-2025-08-07");
  }

  @Test
  void keysAnAgentPrintsAreRedactedFromTheAnswerAndTheTranscript() throws IOException {
    Path agent = script("leaky.sh", "echo 'my key is " + TestClients.OPENAI_KEY + "'\necho '"
        + TestClients.ANTHROPIC_KEY + "' >&2\n");

    ModelAnswer answer = client(agent.toString()).send(TestClients.request("Hi"));

    assertThat(answer.text()).isEqualTo("my key is [redacted]\n");
    assertThat(answer.record().responseBody()).doesNotContain(TestClients.OPENAI_KEY, TestClients.ANTHROPIC_KEY)
        .contains("[redacted]");
  }

  private ModelClient client(String commandLine) {
    return TestClients.client(TestClients.config("command", commandLine, null));
  }

  private Path script(String name, String body) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }
}

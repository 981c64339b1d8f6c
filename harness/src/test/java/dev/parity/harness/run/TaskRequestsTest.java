package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Occupation;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import dev.parity.tasks.UnshownReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRequestsTest {
  private final TaskRequests requests = new TaskRequests(new EnvelopeAnswerFormat(), Duration.ofMinutes(1));

  private static Task task(List<UnshownReference> notShown) {
    return new Task("t1", "Review", new Occupation("Accountants and Auditors", "13-2011.00"), "Finance",
        new TaskRequest(null, "Please review the call and the workbook."), List.of(), notShown,
        new DeliverableSpec(List.of(FileFormat.MD), null), Baseline.NONE, List.of(), null, List.of(), Path.of("t1"));
  }

  @Test
  void filesNotShownAreNamedInTheRequestSoTheModelKnowsTheyExist() {
    Task task = task(List.of(
        new UnshownReference("references/call recording.wav", null, UnshownReference.Reason.UNSUPPORTED_FORMAT, null),
        new UnshownReference("references/Population (4).xlsx", null, UnshownReference.Reason.MISSING, "https://x")));

    var request = requests.request(task, 0);

    assertThat(request.text()).endsWith("Also handed over, but not shown to you (a format that cannot be passed on,"
        + " or a missing file):\n- call recording.wav\n- Population (4).xlsx");
    assertThat(request.attachments()).isEmpty();
  }

  @Test
  void aTaskWhoseFilesAreAllShownSaysNothingMore() {
    assertThat(requests.request(task(List.of()), 0).text()).isEqualTo("Please review the call and the workbook.");
  }
}

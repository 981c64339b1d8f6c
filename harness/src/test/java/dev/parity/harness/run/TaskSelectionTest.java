package dev.parity.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import dev.parity.documents.FileFormat;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Occupation;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TaskSelectionTest {
  /** 5 nurse tasks, 3 accountant tasks, 2 lawyer tasks. */
  private final Suite suite = suite(Map.of("Registered Nurses", 5, "Accountants and Auditors", 3, "Lawyers", 2));

  private static Suite suite(Map<String, Integer> perOccupation) {
    List<Task> tasks = new ArrayList<>();
    perOccupation.forEach((occupation, count) -> {
      for (int i = 0; i < count; i++) {
        String id = occupation.substring(0, 3).toLowerCase() + "-" + i;
        tasks.add(new Task(id, "Task " + id, new Occupation(occupation, "00-0000.00"),
            occupation.equals("Registered Nurses") ? "Health Care and Social Assistance" : "Professional Services",
            new TaskRequest(null, "Do " + id), List.of(), new DeliverableSpec(List.of(FileFormat.MD), null),
            Baseline.NONE, List.of(), null, List.of(), null));
      }
    });
    tasks.sort(java.util.Comparator.comparing(Task::id));
    return new Suite("s", "1", null, null, Path.of("s"), tasks, "sha256:x");
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::id).toList();
  }

  @Test
  void theSameSeedDrawsTheSameSampleAndAnotherSeedAnother() {
    TaskSelection seven = new TaskSelection(List.of(), null, null, new TaskSample(4, 7, null));

    List<String> first = ids(seven.select(suite));

    assertThat(first).hasSize(4).isSorted();
    assertThat(ids(seven.select(suite))).isEqualTo(first);
    assertThat(ids(new TaskSelection(List.of(), null, null, new TaskSample(4, 8, null)).select(suite)))
        .isNotEqualTo(first);
  }

  @Test
  void aStratifiedSampleAllocatesProportionallyWithTheLargestRemainders() {
    // 5 of 10: nurses 2.5, accountants 1.5, lawyers 1.0 -> floors 2, 1, 1 and the one seat left goes to the
    // larger of the two groups with remainder .5: the nurses.
    TaskSelection stratified = new TaskSelection(List.of(), null, null,
        new TaskSample(5, 3, TaskSample.Stratify.OCCUPATION));

    Map<String, Long> perOccupation = stratified.select(suite).stream()
        .collect(Collectors.groupingBy(t -> t.occupation().title(), Collectors.counting()));

    assertThat(perOccupation).containsExactlyInAnyOrderEntriesOf(
        Map.of("Registered Nurses", 3L, "Accountants and Auditors", 1L, "Lawyers", 1L));
  }

  @Test
  void oneTaskPerOccupationWhenTheSampleIsTheNumberOfOccupations() {
    Suite even = suite(Map.of("A occupation", 5, "B occupation", 5, "C occupation", 5));

    List<Task> drawn = new TaskSelection(List.of(), null, null, new TaskSample(3, 1, TaskSample.Stratify.OCCUPATION))
        .select(even);

    assertThat(drawn.stream().map(t -> t.occupation().title()).distinct()).hasSize(3);
  }

  @Test
  void theSampleDrawsFromWhatTheOtherConditionsLeave() {
    List<Task> drawn = new TaskSelection(List.of(), "registered nurses", null, new TaskSample(2, 5, null)).select(suite);

    assertThat(drawn).hasSize(2).allMatch(t -> t.occupation().title().equals("Registered Nurses"));
  }

  @Test
  void unknownIdsOccupationsAndSectorsGetADidYouMean() {
    assertThatThrownBy(() -> new TaskSelection(List.of("reg-9", "law-1x"), null, null).select(suite))
        .isInstanceOf(ParityException.class)
        .hasMessageContaining("no task \"law-1x\"; did you mean \"law-1\"?");
    assertThatThrownBy(() -> new TaskSelection(List.of(), "Registered Nurse", null).select(suite))
        .hasMessageContaining("no task of occupation \"Registered Nurse\"; did you mean \"Registered Nurses\"?");
    assertThatThrownBy(() -> new TaskSelection(List.of(), null, "Health Care and Social Assistanc").select(suite))
        .hasMessageContaining("did you mean \"Health Care and Social Assistance\"?");
  }

  @Test
  void aSampleLargerThanTheSelectionIsRefused() {
    assertThatThrownBy(() -> new TaskSelection(List.of(), null, null, new TaskSample(11, 1, null)).select(suite))
        .hasMessageContaining("--sample 11 is more than the 10 tasks selected");
  }

  @Test
  void theSelectionSaysWhatItIs() {
    assertThat(new TaskSelection(List.of(), null, "Health", new TaskSample(2, 9, TaskSample.Stratify.SECTOR)))
        .hasToString("sector \"Health\", a sample of 2 (seed 9, stratified by sector)");
    assertThat(TaskSelection.ALL).hasToString("all tasks");
  }
}

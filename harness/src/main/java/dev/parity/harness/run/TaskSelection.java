package dev.parity.harness.run;

import dev.parity.core.ParityException;
import dev.parity.core.Suggestions;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which tasks of a suite a run, a grading pass or a campaign takes: every condition given must
 * hold, then {@link TaskSample sample} draws from what is left. Recorded with a run, so that a
 * resume takes the same tasks.
 *
 * @param taskIds only these tasks; empty for all
 * @param occupation only tasks of this occupation, by O*NET title or SOC code, ignoring case;
 *     null for all
 * @param sector only tasks of this sector, ignoring case; null for all
 * @param sample a seeded random sample of the tasks the conditions leave; null for all of them
 */
public record TaskSelection(List<String> taskIds, String occupation, String sector, TaskSample sample) {
  /** Every task. */
  public static final TaskSelection ALL = new TaskSelection(List.of(), null, null, null);

  public TaskSelection {
    taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
  }

  /** Tasks by id, occupation and sector, without sampling. */
  public TaskSelection(List<String> taskIds, String occupation, String sector) {
    this(taskIds, occupation, sector, null);
  }

  /**
   * The selected tasks of {@code suite}, in id order.
   *
   * @throws ParityException naming an unknown task id, occupation or sector with a "did you mean",
   *     or saying that nothing matched
   */
  public List<Task> select(Suite suite) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    suite.tasks().forEach(t -> ids.add(t.id()));
    for (String id : taskIds) {
      if (!ids.contains(id)) {
        problems.add("no task \"" + id + "\"" + Suggestions.didYouMean(id, ids));
      }
    }
    if (occupation != null && suite.tasks().stream().noneMatch(t -> sameOccupation(t))) {
      Set<String> known = new TreeSet<>();
      suite.tasks().forEach(t -> known.add(t.occupation().title()));
      problems.add("no task of occupation \"" + occupation + "\"" + Suggestions.didYouMean(occupation, known));
    }
    if (sector != null && suite.tasks().stream().noneMatch(t -> same(sector, t.sector()))) {
      Set<String> known = new TreeSet<>();
      suite.tasks().forEach(t -> known.add(t.sector()));
      problems.add("no task of sector \"" + sector + "\"" + Suggestions.didYouMean(sector, known));
    }
    if (!problems.isEmpty()) {
      throw new ParityException(String.join("; ", problems) + " in suite " + suite.name() + " (" + suite.root() + ")");
    }
    List<Task> selected = suite.tasks().stream().filter(this::matches).toList();
    if (selected.isEmpty()) {
      throw new ParityException("no task of suite " + suite.name() + " matches " + this);
    }
    return sample == null ? selected : sample.draw(selected);
  }

  /** The ids of {@link #select the selected tasks}, for filtering what refers to tasks by id. */
  public Set<String> selectedIds(Suite suite) {
    Set<String> ids = new TreeSet<>();
    select(suite).forEach(t -> ids.add(t.id()));
    return ids;
  }

  private boolean matches(Task task) {
    return (taskIds.isEmpty() || taskIds.contains(task.id()))
        && (occupation == null || sameOccupation(task))
        && (sector == null || same(sector, task.sector()));
  }

  private boolean sameOccupation(Task task) {
    return same(occupation, task.occupation().title()) || same(occupation, task.occupation().soc());
  }

  private static boolean same(String wanted, String actual) {
    return actual != null && wanted.trim().toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    if (equals(ALL)) {
      return "all tasks";
    }
    StringBuilder text = new StringBuilder();
    if (!taskIds.isEmpty()) {
      text.append("tasks ").append(String.join(",", taskIds));
    }
    if (occupation != null) {
      text.append(text.isEmpty() ? "" : ", ").append("occupation \"").append(occupation).append('"');
    }
    if (sector != null) {
      text.append(text.isEmpty() ? "" : ", ").append("sector \"").append(sector).append('"');
    }
    if (sample != null) {
      text.append(text.isEmpty() ? "" : ", ").append(sample);
    }
    return text.toString();
  }
}

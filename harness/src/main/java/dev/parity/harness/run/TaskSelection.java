package dev.parity.harness.run;

import dev.parity.core.ParityException;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which tasks of a suite a run takes: every condition given must hold.
 *
 * @param taskIds only these tasks; empty for all
 * @param occupation only tasks of this occupation, by O*NET title or SOC code, ignoring case;
 *     null for all
 * @param sector only tasks of this sector, ignoring case; null for all
 */
public record TaskSelection(List<String> taskIds, String occupation, String sector) {
  /** Every task. */
  public static final TaskSelection ALL = new TaskSelection(List.of(), null, null);

  public TaskSelection {
    taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
  }

  /**
   * The selected tasks of {@code suite}, in id order.
   *
   * @throws ParityException naming the unknown task ids, or saying that nothing matched
   */
  public List<Task> select(Suite suite) {
    Set<String> unknown = new TreeSet<>(taskIds);
    suite.tasks().forEach(t -> unknown.remove(t.id()));
    if (!unknown.isEmpty()) {
      throw new ParityException("no task " + String.join(", ", unknown) + " in suite " + suite.name()
          + " (" + suite.root() + ")");
    }
    List<Task> selected = suite.tasks().stream().filter(this::matches).toList();
    if (selected.isEmpty()) {
      throw new ParityException("no task of suite " + suite.name() + " matches " + this);
    }
    return selected;
  }

  private boolean matches(Task task) {
    return (taskIds.isEmpty() || taskIds.contains(task.id()))
        && (occupation == null || same(occupation, task.occupation().title())
            || same(occupation, task.occupation().soc()))
        && (sector == null || same(sector, task.sector()));
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
    return text.toString();
  }
}

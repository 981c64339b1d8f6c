package dev.parity.tasks.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a suite is still as the load cache's {@link LoadCache.Head head} stamped it: the same
 * {@code suite.json}, the same tasks folder holding the same task folders, and in each the same
 * {@code task.json} and referenced files. One pass, one {@code stat} per file and none opened,
 * split over the cores: what {@code parity suite info} costs on an unchanged suite.
 *
 * <p>The folder listing is compared name by name even when the tasks folder's stamp matches, so a
 * task folder added or removed is seen whenever it happened; the tasks folder's stamp is what
 * shows a task folder replaced by another kind of entry of the same name (a link to a folder).
 */
public final class StampCheck {
  /** Fewer task folders than this a thread are checked on one: a thread costs more than it saves. */
  private static final int TASKS_PER_THREAD = 256;

  private StampCheck() {}

  /**
   * Whether the suite in {@code root} is as {@code head} says, its files named as the loader names
   * them; false at the first difference, or when something cannot be read.
   */
  public static boolean unchanged(Path root, LoadCache.Head head, String suiteFile, String tasksFolder,
      String taskFile) {
    Path tasks = root.resolve(tasksFolder);
    if (!head.suiteFile().equals(FileStamp.of(root.resolve(suiteFile)).orElse(null))
        || !head.tasksFolder().equals(FileStamp.of(tasks).orElse(null))) {
      return false;
    }
    // The names alone (java.io's listing makes no Path per entry), sorted as the head's are.
    String[] listed = tasks.toFile().list();
    if (listed == null) {
      return false;
    }
    List<String> names = new ArrayList<>(listed.length);
    for (String name : listed) {
      if (!name.startsWith(".")) {
        names.add(name);
      }
    }
    List<LoadCache.TaskStamps> stamped = head.tasks();
    if (names.size() != stamped.size()) {
      return false;
    }
    String[] sorted = names.toArray(new String[0]);
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (!sorted[i].equals(stamped.get(i).folderName())) {
        return false;
      }
    }
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), stamped.size() / TASKS_PER_THREAD));
    Slice[] slices = new Slice[threads];
    AtomicBoolean changed = new AtomicBoolean();
    for (int t = 0; t < threads; t++) {
      slices[t] = new Slice(tasks, taskFile, stamped.subList(stamped.size() * t / threads,
          stamped.size() * (t + 1) / threads), changed);
    }
    Thread[] helpers = new Thread[threads - 1];
    for (int t = 1; t < threads; t++) {
      helpers[t - 1] = new Thread(slices[t], "suite-stamps");
      helpers[t - 1].start();
    }
    slices[0].run();
    try {
      for (Thread helper : helpers) {
        helper.join();
      }
    } catch (InterruptedException e) {
      // Not known to be unchanged: the caller reads the suite, which the interrupt may stop.
      Thread.currentThread().interrupt();
      return false;
    }
    return !changed.get();
  }

  /**
   * One thread's share of the task folders. A class rather than a lambda: a lambda's first call
   * is bootstrapped through method handles, which this path of a short command avoids.
   */
  private static final class Slice implements Runnable {
    private final Path tasks;
    private final String taskFile;
    private final List<LoadCache.TaskStamps> stamped;
    private final AtomicBoolean changed;

    Slice(Path tasks, String taskFile, List<LoadCache.TaskStamps> stamped, AtomicBoolean changed) {
      this.tasks = tasks;
      this.taskFile = taskFile;
      this.stamped = stamped;
      this.changed = changed;
    }

    @Override
    public void run() {
      for (LoadCache.TaskStamps task : stamped) {
        if (changed.get()) {
          return;
        }
        if (!task.isCurrent(tasks.resolve(task.folderName()), taskFile)) {
          changed.set(true);
          return;
        }
      }
    }
  }
}

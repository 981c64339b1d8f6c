package dev.parity.harness.command;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ends a process together with every process it started, however deep. */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Kills {@code process} and its descendants, and waits briefly for the process to be gone. The
   * descendants are listed before anything is killed, because a killed process's children are
   * handed to the system and are no longer its descendants.
   */
  static void kill(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    for (ProcessHandle handle : descendants) {
      handle.descendants().forEach(ProcessHandle::destroyForcibly);
      handle.destroyForcibly();
    }
    try {
      process.onExit().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // SIGKILL cannot be refused; a process that outlives it is stuck in the kernel, beyond our reach.
    }
  }
}

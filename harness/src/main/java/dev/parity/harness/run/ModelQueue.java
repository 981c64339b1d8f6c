package dev.parity.harness.run;

import dev.parity.harness.call.ModelCaller;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One model's side of a run: the caller through which its attempts call it, and its queue of
 * attempts to start.
 *
 * <p>The queue and the count of open attempts belong to the runner's dispatcher and are guarded by
 * its monitor; the caller is thread-safe on its own.
 */
final class ModelQueue {
  final ModelCaller caller;
  final Deque<Work> queue = new ArrayDeque<>();
  int open;

  ModelQueue(ModelCaller caller) {
    this.caller = caller;
  }

  String name() {
    return caller.name();
  }

  boolean stopped() {
    return caller.stopped();
  }

  /** The stop message as a run reports it: what happened and what to do. */
  String stopMessage() {
    return caller.stopMessage() + "; its other attempts stay pending. Fix it and resume the run.";
  }
}

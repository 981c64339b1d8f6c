package dev.parity.harness.run;

import dev.parity.harness.agent.AgentSettings;
import dev.parity.harness.call.ModelCaller;
import dev.parity.harness.deliverable.FormatConversion;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One model's side of a run: the caller through which its attempts call it, its agent settings
 * (the run's, with the model's own tools), its answers' cache keys, and its queue of attempts to start.
 *
 * <p>The queue and the counts of open attempts belong to the runner's dispatcher and are guarded by
 * its monitor; the caller is thread-safe on its own.
 */
final class ModelQueue {
  final ModelCaller caller;
  /** Null for a plain run. */
  final AgentSettings agent;
  final CacheKey cacheKey;
  final Deque<Work> queue = new ArrayDeque<>();
  /** Attempts started and not yet ended (recorded, or left pending). */
  int open;
  /**
   * Open attempts whose calls are over: they make their deliverable and record, which takes no room
   * among the model's calls (see {@code Dispatch#room}).
   */
  int called;
  /** Whether the shared work queue has none of the model's attempts left to make, here or elsewhere. */
  boolean drained;

  ModelQueue(ModelCaller caller, AgentSettings agent, FormatConversion conversion) {
    this.caller = caller;
    this.agent = agent;
    this.cacheKey = CacheKey.forModel(caller.config(), agent, conversion);
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

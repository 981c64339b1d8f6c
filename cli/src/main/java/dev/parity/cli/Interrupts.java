package dev.parity.cli;

import dev.parity.harness.run.RunControl;
import java.io.PrintWriter;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a run: the first stops starting attempts and lets those in flight finish and be
 * recorded; the second abandons them. A shutdown hook cannot do this (the JVM ignores a second
 * Ctrl-C once it is shutting down), so the SIGINT handler is replaced while the run goes on and
 * restored after. {@code sun.misc.Signal} is the JDK's supported way to do it (module
 * {@code jdk.unsupported}, kept on purpose for this use).
 */
final class Interrupts implements AutoCloseable {
  private static final Signal INT = new Signal("INT");
  private final SignalHandler previous;

  private Interrupts(SignalHandler previous) {
    this.previous = previous;
  }

  /** Routes Ctrl-C to {@code control} until closed, telling {@code err} what happens. */
  static Interrupts install(RunControl control, PrintWriter err) {
    SignalHandler previous = Signal.handle(INT, signal -> {
      if (control.interrupt()) {
        err.println();
        err.println("Aborting: the attempts in flight are abandoned and stay pending.");
      } else {
        err.println();
        err.println("Stopping: no new attempt starts; those in flight finish and are recorded."
            + " Press Ctrl-C again to abandon them.");
      }
      err.flush();
    });
    return new Interrupts(previous);
  }

  @Override
  public void close() {
    Signal.handle(INT, previous);
  }
}

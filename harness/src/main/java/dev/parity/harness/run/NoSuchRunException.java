package dev.parity.harness.run;

import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import dev.parity.core.ParityException;
import java.util.stream.Collectors;

/** No run has the id asked for; the message lists the store's most recent runs. */
public final class NoSuchRunException extends ParityException {
  private static final long serialVersionUID = 1L;

  public NoSuchRunException(String runId, Store store) {
    super("no run \"" + runId + "\" in " + store.database().name() + known(store));
  }

  private static String known(Store store) {
    var runs = store.runs();
    if (runs.isEmpty()) {
      return " (it holds no run yet)";
    }
    return "; its latest runs: " + runs.stream().limit(5).map(Run::id).collect(Collectors.joining(", "))
        + (runs.size() > 5 ? " (… 'parity runs' lists all " + runs.size() + ")" : "");
  }
}

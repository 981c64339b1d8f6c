package dev.parity.harness.run;

import dev.parity.core.ParityException;
import java.nio.file.Path;
import java.util.List;

/** An import of deliverables was refused, with nothing written, because of the problems it lists. */
public final class InvalidImportException extends ParityException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  InvalidImportException(Path folder, List<String> problems) {
    super("nothing imported from " + folder + ", as it has " + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + ":\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, in words, naming the file or folder. */
  public List<String> problems() {
    return problems;
  }
}

package dev.parity.harness.testing;

import dev.parity.harness.sandbox.Sandbox;
import dev.parity.harness.sandbox.SandboxBackend;
import dev.parity.harness.sandbox.SandboxLimits;
import java.util.List;
import java.util.Optional;

/** Sandboxes that do not work here, for what is said and refused then; preparing one fails the test. */
public final class UnusableSandboxes implements SandboxBackend {
  private final String problem;

  public UnusableSandboxes(String problem) {
    this.problem = problem;
  }

  @Override
  public Kind kind() {
    return Kind.BUBBLEWRAP;
  }

  @Override
  public Optional<String> problem() {
    return Optional.of(problem);
  }

  @Override
  public Sandbox prepare(List<InputFile> inputs, SandboxLimits limits) {
    throw new AssertionError("a sandbox that does not work was prepared");
  }
}

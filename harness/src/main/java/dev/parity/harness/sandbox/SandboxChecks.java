package dev.parity.harness.sandbox;

import dev.parity.core.doctor.Check;
import dev.parity.core.doctor.CheckResult;
import dev.parity.core.doctor.Programs;
import java.time.Duration;
import java.util.List;

/**
 * What {@code parity doctor} checks for agent runs: that the sandbox runs a program here
 * ({@code sandbox}), and what the sandbox offers a model's code ({@code toolset}).
 */
public final class SandboxChecks {
  private SandboxChecks() {}

  /** The checks of {@code backend}'s sandbox and of its toolset. */
  public static List<Check> of(SandboxBackend backend) {
    return List.of(sandbox(backend), toolset(backend));
  }

  private static Check sandbox(SandboxBackend backend) {
    return new Check() {
      @Override
      public String name() {
        return "sandbox";
      }

      @Override
      public String purpose() {
        return "agent runs: each tool call isolated by " + backend.kind().id() + " (no network, read-only system)";
      }

      @Override
      public CheckResult run() {
        String version = Programs.firstLine(List.of("bwrap", "--version"), Duration.ofSeconds(5)).orElse(null);
        if (version == null && backend.kind() == SandboxBackend.Kind.BUBBLEWRAP) {
          return CheckResult.missing("bwrap is not on the PATH", "apt-get install bubblewrap (Debian, Ubuntu)");
        }
        return backend.problem()
            .map(problem -> CheckResult.broken(problem, "install bubblewrap and util-linux; allow unprivileged user"
                + " namespaces (sysctl kernel.unprivileged_userns_clone=1); or run with --unsafe-no-sandbox"))
            .orElseGet(() -> CheckResult.ok((version == null ? backend.kind().id() : version)
                + ": a test command ran in the sandbox" + (backend.shows().isEmpty() ? "" : "; it shows "
                + backend.shows())));
      }
    };
  }

  private static Check toolset(SandboxBackend backend) {
    return new Check() {
      @Override
      public String name() {
        return "toolset";
      }

      @Override
      public String purpose() {
        return "agent runs: the interpreter and document libraries a model's code finds in the sandbox";
      }

      @Override
      public CheckResult run() {
        if (backend.problem().isPresent()) {
          return CheckResult.broken("no working sandbox to look in", "see the sandbox check");
        }
        try (Sandbox sandbox = backend.prepare(List.of(), SandboxLimits.DEFAULTS)) {
          Toolset toolset = Toolset.probe(sandbox);
          // Only what Debian packages counts as missing: python-pptx is named in the detail, not required.
          return toolset.installHint().isEmpty() ? CheckResult.ok(toolset.toString())
              : CheckResult.missing(toolset.toString(), toolset.installHint());
        } catch (UnableToSandboxException e) {
          return CheckResult.broken(e.getMessage(), "see the sandbox check");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return CheckResult.broken("interrupted", "run parity doctor again");
        }
      }
    };
  }
}

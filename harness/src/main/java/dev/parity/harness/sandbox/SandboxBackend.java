package dev.parity.harness.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * Makes sandboxes of one kind (bubblewrap today; containers and pods can follow behind the same
 * interface). Thread-safe: one backend prepares the sandboxes of many attempts at once.
 */
public interface SandboxBackend {

  /** What kind of isolation this backend gives. */
  Kind kind();

  /**
   * Why this backend cannot make working sandboxes on this machine, with what to install, or empty
   * when it can. Checked once by actually running a command; {@code parity doctor} shows it.
   */
  Optional<String> problem();

  /** What of the machine's files a sandboxed program sees, for {@code parity doctor}; empty when the backend does not say. */
  default String shows() {
    return "";
  }

  /**
   * Makes a workspace holding {@code inputs} in {@code inputs/} and an empty {@code outputs/} and home.
   *
   * @throws UnableToSandboxException when the workspace cannot be made
   */
  Sandbox prepare(List<InputFile> inputs, SandboxLimits limits);

  /**
   * A file put in {@code inputs/}.
   *
   * @param name its file name, without folders
   * @param content its bytes
   */
  record InputFile(String name, byte[] content) {
    public InputFile {
      if (name.isBlank() || name.contains("/") || name.equals(".") || name.equals("..")) {
        throw new IllegalArgumentException("an input file's name must be a plain file name, was '" + name + "'");
      }
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  /** The kinds of sandbox, as a run's settings record them. */
  enum Kind {
    /** bubblewrap: every namespace unshared, read-only system, only the workspace writable. */
    BUBBLEWRAP("bubblewrap", true),
    /** {@code --unsafe-no-sandbox}: process limits and another user, but the programs see the machine. */
    NONE("none", false);

    private final String id;
    private final boolean isolated;

    Kind(String id, boolean isolated) {
      this.id = id;
      this.isolated = isolated;
    }

    /** The name in run settings and reports, e.g. {@code bubblewrap}. */
    public String id() {
      return id;
    }

    /** Whether tool calls are isolated from the machine (no network, no files but the workspace). */
    public boolean isolated() {
      return isolated;
    }
  }
}

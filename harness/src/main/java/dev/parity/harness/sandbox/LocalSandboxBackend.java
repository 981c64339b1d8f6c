package dev.parity.harness.sandbox;

import dev.parity.core.doctor.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sandboxes on this machine: each command runs through {@code prlimit} (and, when Parity runs as
 * root, {@code setpriv} to a user of its own, because process limits do not hold for root). For
 * {@link Kind#BUBBLEWRAP} each sandbox is one long-lived {@code bwrap} ({@link SandboxHolder}) with
 * every namespace unshared (no network, its own PID namespace), a read-only system and the workspace
 * on a size-capped tmpfs, and each command enters its namespaces; for {@link Kind#NONE} commands run
 * in a workspace folder. The sandbox gets a clean environment: no API key, no store, no home of the
 * user. See docs/agents.md.
 */
public final class LocalSandboxBackend implements SandboxBackend {
  /**
   * The first user id sandboxes get when Parity is root. Each sandbox gets its own id, so one
   * sandbox's processes do not count against another's process limit.
   */
  static final int FIRST_UID = 200_000;
  private static final int UIDS = 10_000;
  private static final AtomicInteger NEXT_UID = new AtomicInteger();

  private final Kind kind;
  private final Path root;
  private final boolean asRoot;

  private volatile Optional<String> problem;

  private LocalSandboxBackend(Kind kind, Path root) {
    this.kind = kind;
    this.root = root;
    this.asRoot = isRoot();
  }

  /**
   * Bubblewrap sandboxes with their workspaces under {@code root} (made if missing). Every folder
   * above {@code root} must be passable by other users, which the default root is.
   */
  public static LocalSandboxBackend bubblewrap(Path root) {
    return new LocalSandboxBackend(Kind.BUBBLEWRAP, root);
  }

  /**
   * {@code --unsafe-no-sandbox}: commands run under process limits and (as root) another user, in a
   * workspace folder under {@code root}, but see the machine and its network.
   */
  public static LocalSandboxBackend unsafeNoSandbox(Path root) {
    return new LocalSandboxBackend(Kind.NONE, root);
  }

  /** The default place for workspaces: a folder in the system's temporary folder. */
  public static Path defaultRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "parity-sandboxes");
  }

  @Override
  public Kind kind() {
    return kind;
  }

  /** Under bubblewrap: {@code /etc} and only the toolset's packages in {@code /usr}, or why the whole {@code /usr}. */
  @Override
  public String shows() {
    return kind == Kind.BUBBLEWRAP ? "/etc and " + SystemView.toolset().describe() : "the whole machine";
  }

  @Override
  public Optional<String> problem() {
    Optional<String> known = problem;
    if (known == null) {
      known = check();
      problem = known;
    }
    return known;
  }

  /** Runs {@code true} in an empty sandbox: the one honest test that the sandbox works here. */
  private Optional<String> check() {
    List<String> missing = new ArrayList<>();
    for (String program : kind == Kind.BUBBLEWRAP ? List.of("bwrap", "nsenter", "prlimit", "setpriv")
        : List.of("prlimit", "setpriv")) {
      // setpriv also keeps bubblewrap's calls from gaining privileges, as root or not.
      if (!asRoot && kind == Kind.NONE && program.equals("setpriv")) {
        continue;
      }
      if (Programs.onPath(program).isEmpty()) {
        missing.add(program);
      }
    }
    if (!missing.isEmpty()) {
      return Optional.of("the sandbox needs " + String.join(", ", missing) + ", which is not on the PATH: install"
          + " Debian's bubblewrap and util-linux (apt-get install bubblewrap util-linux); see `parity doctor`");
    }
    try (Sandbox sandbox = prepare(List.of(), SandboxLimits.DEFAULTS)) {
      Execution execution = sandbox.exec(List.of("/bin/sh", "-c", "exit 0"), "");
      if (execution.exitCode() != 0) {
        return Optional.of(kind.id() + " cannot start a program here (exit code " + execution.exitCode() + "): "
            + execution.stderr().strip() + " — user namespaces may be off (sysctl kernel.unprivileged_userns_clone=1,"
            + " user.max_user_namespaces > 0); see `parity doctor`");
      }
      return Optional.empty();
    } catch (UnableToSandboxException e) {
      return Optional.of(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while checking the sandbox");
    }
  }

  @Override
  public Sandbox prepare(List<InputFile> inputs, SandboxLimits limits) {
    Integer uid = asRoot ? FIRST_UID + Math.floorMod(NEXT_UID.getAndIncrement(), UIDS) : null;
    try {
      Files.createDirectories(root);
      if (uid != null) {
        // The sandbox's user must pass through the root to reach its workspace, but not list it.
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
      }
      Path folder = Files.createTempDirectory(root, "workspace-");
      boolean bubblewrap = kind == Kind.BUBBLEWRAP;
      WorkspaceFolder host = WorkspaceFolder.create(folder, inputs, uid, !bubblewrap);
      if (!bubblewrap) {
        return new LocalSandbox(kind, host, host, CommandLine.unsandboxed(host, uid, limits), limits, null,
            List.of());
      }
      SandboxHolder holder;
      try {
        holder = SandboxHolder.start(host.resolve(WorkspaceFolder.INPUTS), CommandLine.asUser(uid), limits,
            SystemView.toolset(), CommandLine.cleanEnvironment());
      } catch (UnableToSandboxException e) {
        host.delete();
        throw e;
      }
      return new LocalSandbox(kind, host, WorkspaceFolder.at(holder.workspace()),
          CommandLine.entering(holder, folder, uid, limits), limits, holder, CommandLine.asUser(uid));
    } catch (IOException e) {
      throw new UnableToSandboxException("cannot make a workspace under " + root + ": " + e.getMessage(), e);
    }
  }

  /** Whether this process is root: the owner of {@code /proc/self} is the effective user. */
  private static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS)) == 0;
    } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
      // No unix view of /proc (not Linux, where bubblewrap does not run either): the user's name
      // is the best evidence left, and guessing root keeps the unprivileged-user path.
      return "root".equals(System.getProperty("user.name"));
    }
  }
}

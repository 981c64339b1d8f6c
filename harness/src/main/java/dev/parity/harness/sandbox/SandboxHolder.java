package dev.parity.harness.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The long-lived bubblewrap process of one sandbox, whose namespaces every call of the sandbox
 * enters ({@code nsenter}): one mount namespace, so the workspace can live on a size-capped tmpfs
 * that persists from call to call and a write past the cap fails at the cap (ENOSPC); one PID
 * namespace, whose first process is a shell that only reaps (signals from inside the namespace
 * cannot kill it). After each call everything else in the namespace is killed, so nothing a call
 * starts outlives it. See docs/design/0005-agent-sandbox.md.
 *
 * <p>{@code --dev} is left out on purpose: bubblewrap then needs no second, nested user namespace,
 * so the namespaces are owned by the one a call can enter as the sandbox's own user.
 */
final class SandboxHolder implements AutoCloseable {
  /** Where the workspace is inside the sandbox. */
  static final String WORK = "/work";
  /** The devices a program may need; the rest of {@code /dev} is not there. */
  private static final List<String> DEVICES = List.of("/dev/null", "/dev/zero", "/dev/full", "/dev/random",
      "/dev/urandom");
  /** The namespaces a call enters, as nsenter names them, when they differ from Parity's own. */
  private static final Map<String, String> NAMESPACES = Map.of("user", "--user", "mnt", "--mount", "pid", "--pid",
      "net", "--net", "ipc", "--ipc", "uts", "--uts", "cgroup", "--cgroup");
  /** {@code /dev/shm}'s own cap: shared memory is for semaphores and small buffers, not files. */
  private static final long SHM_BYTES = 64L << 20;
  /** The most time the leftovers of a call may take to die before the sandbox is given up. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  /** How long bubblewrap is given to end on its own once its reaper's input is closed. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
  /** Less room than this left on the workspace's tmpfs counts as full. */
  static final long FULL_MARGIN = 64L << 10;
  private static final long PAGE = 4096;
  /** {@code /run}'s cap: it holds only the call meter's one-line report. */
  private static final long USAGE_BYTES = 1L << 20;

  private final Process bwrap;
  private final ProcessHandle init;
  private final OutputStream keepAlive;
  private final List<String> enter;

  private SandboxHolder(Process bwrap, ProcessHandle init, List<String> enter) {
    this.bwrap = bwrap;
    this.init = init;
    this.keepAlive = bwrap.getOutputStream();
    this.enter = List.copyOf(enter);
  }

  /**
   * Starts the holder: {@code inputs} read-only at {@code /work/inputs}, a tmpfs of
   * {@code limits.workspaceBytes()} at {@code /work} with {@code outputs/}, {@code home/} and
   * {@code tmp/} (also {@code /tmp}), the system as {@code system} shows it.
   *
   * @param runAs the programs that switch to the sandbox's user (setpriv), or none
   * @throws UnableToSandboxException when bubblewrap cannot start
   */
  static SandboxHolder start(Path inputs, List<String> runAs, SandboxLimits limits, SystemView system,
      Map<String, String> environment) {
    List<String> argv = new ArrayList<>(runAs);
    argv.addAll(List.of("bwrap",
        "--unshare-all", // user, IPC, PID, network, UTS, cgroup: no network at all
        "--die-with-parent", "--new-session",
        "--as-pid-1")); // the reaper below is the namespace's first process, which its processes cannot kill
    argv.addAll(system.binds());
    argv.addAll(List.of("--proc", "/proc", "--dir", "/dev"));
    for (String device : DEVICES) {
      if (Files.exists(Path.of(device))) {
        argv.addAll(List.of("--dev-bind", device, device));
      }
    }
    argv.addAll(List.of(
        "--size", String.valueOf(Math.min(SHM_BYTES, limits.workspaceBytes())), "--tmpfs", "/dev/shm",
        "--size", String.valueOf(limits.workspaceBytes()), "--tmpfs", WORK,
        "--dir", WORK + "/" + WorkspaceFolder.OUTPUTS,
        "--dir", WORK + "/" + WorkspaceFolder.HOME,
        "--dir", WORK + "/tmp",
        "--symlink", WORK + "/tmp", "/tmp",
        // GNU time's report of each call (CallMeter), outside the workspace the model sees and its cap
        "--size", String.valueOf(USAGE_BYTES), "--tmpfs", "/run",
        "--dir", CallMeter.INSIDE,
        "--ro-bind", inputs.toString(), WORK + "/" + WorkspaceFolder.INPUTS,
        "--chdir", WORK,
        "--", "/bin/bash", "-c",
        // Reaps what calls leave (bash waits for any child on SIGCHLD) until Parity closes its input.
        "trap '' HUP INT QUIT TERM USR1 USR2 PIPE; echo ready; while read -r _; do :; done"));
    ProcessBuilder builder = new ProcessBuilder(argv).directory(inputs.getParent().toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process bwrap;
    try {
      bwrap = builder.start();
    } catch (IOException e) {
      throw new UnableToSandboxException("cannot start bwrap for the sandbox: " + e.getMessage(), e);
    }
    try {
      String ready = new BufferedReader(new InputStreamReader(bwrap.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      if (!"ready".equals(ready)) {
        String error = new String(bwrap.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        bwrap.destroyForcibly();
        throw new UnableToSandboxException("bubblewrap could not make the sandbox: "
            + (error.isEmpty() ? "it ended before it was ready" : error));
      }
    } catch (IOException e) {
      bwrap.destroyForcibly();
      throw new UnableToSandboxException("cannot read from the sandbox's bubblewrap: " + e.getMessage(), e);
    }
    // bwrap runs the namespace's first process as its one child; it exists once "ready" was printed.
    ProcessHandle init = bwrap.children().findFirst().orElseThrow(() -> {
      bwrap.destroyForcibly();
      return new UnableToSandboxException("bubblewrap started no process in the sandbox");
    });
    return new SandboxHolder(bwrap, init, enterArguments(init.pid()));
  }

  /** nsenter into every namespace of {@code pid} that differs from Parity's own, keeping the user. */
  private static List<String> enterArguments(long pid) {
    List<String> enter = new ArrayList<>(List.of("nsenter", "--target", String.valueOf(pid)));
    for (Map.Entry<String, String> namespace : NAMESPACES.entrySet()) {
      if (!sameNamespace(pid, namespace.getKey())) {
        enter.add(namespace.getValue());
      }
    }
    // --preserve-credentials: stay the sandbox's user (nsenter would otherwise become root in it);
    // --root and --wd: the sandbox's root and the first process's folder, /work.
    enter.addAll(List.of("--preserve-credentials", "--root", "--wd", "--",
        // nsenter's setns gives it every capability in the sandbox's user namespace: no program it
        // starts may gain any back (file capabilities, set-user-id).
        "setpriv", "--no-new-privs", "--"));
    return enter;
  }

  private static boolean sameNamespace(long pid, String name) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "ns", name))
          .equals(Files.readSymbolicLink(Path.of("/proc/self/ns", name)));
    } catch (IOException e) {
      return false; // a namespace Parity cannot see is entered, or nsenter says why not
    }
  }

  /** The programs that put a call into the sandbox's namespaces, before its limits and command. */
  List<String> enter() {
    return enter;
  }

  /** Where GNU time writes each call's report, as Parity reads it through the first process's root. */
  Path usageFolder() {
    return Path.of("/proc", String.valueOf(init.pid()), "root", CallMeter.INSIDE.substring(1));
  }

  /** The workspace as Parity reads it: {@code /work} through the first process's root. */
  Path workspace() {
    return Path.of("/proc", String.valueOf(init.pid()), "root", WORK.substring(1));
  }

  /**
   * Kills every process in the sandbox but its first, waiting until they are gone, so that nothing a
   * call started outlives it and the next call starts with the whole process limit. Nothing is run
   * when nothing is left (the common case); otherwise a {@code kill -KILL -1} inside the namespace
   * kills them all at once, which a fork bomb cannot outrun as it could a kill of each process.
   *
   * @param asUser the programs that switch to the sandbox's user, as for a call
   * @throws UnableToSandboxException when they do not die (the sandbox is then unusable)
   */
  void killAllButInit(List<String> asUser) throws InterruptedException {
    Instant deadline = Instant.now().plus(KILL_WAIT);
    while (hasChildren()) {
      if (Instant.now().isAfter(deadline)) {
        throw new UnableToSandboxException("the sandbox's processes did not die within " + KILL_WAIT.toSeconds()
            + " s of being killed: " + init.descendants().count() + " left");
      }
      List<String> argv = new ArrayList<>(asUser);
      argv.addAll(enter);
      argv.addAll(List.of("/bin/bash", "-c", "kill -KILL -1 2>/dev/null; exit 0"));
      try {
        Process kill = new ProcessBuilder(argv).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        kill.getOutputStream().close();
        kill.waitFor();
      } catch (IOException e) {
        throw new UnableToSandboxException("cannot start nsenter to end the call's processes: " + e.getMessage(), e);
      }
      // The killed are gone once the reaper waited for them, which takes microseconds.
      Thread.sleep(1);
    }
  }

  /**
   * Whether the first process has children: anything a call left is one of them or below one,
   * because a process whose parent ended is given to it. One read of {@code /proc/PID/task/PID/children}
   * rather than a scan of every process of the machine; the scan where the kernel lacks the file.
   */
  private boolean hasChildren() {
    Path children = Path.of("/proc", String.valueOf(init.pid()), "task", String.valueOf(init.pid()), "children");
    try {
      return !Files.readString(children).isBlank();
    } catch (IOException e) {
      return init.children().findAny().isPresent();
    }
  }

  /** Whether {@code used} bytes of files leave less than {@link #FULL_MARGIN} of the tmpfs's {@code cap}. */
  static boolean full(long used, long cap) {
    return cap - used < FULL_MARGIN;
  }

  /** What a file of {@code size} bytes takes on a tmpfs: whole pages. */
  static long onTmpfs(long size) {
    return (size + PAGE - 1) / PAGE * PAGE;
  }

  /** Whether the sandbox still runs (its first process can only die with bubblewrap). */
  boolean alive() {
    return init.isAlive();
  }

  /**
   * Ends the sandbox: its namespaces, and the tmpfs with the workspace, go with bubblewrap. The
   * reaper ends when its input closes and bubblewrap then exits on its own (waited for, so nothing is
   * left unreaped); killed only when it does not.
   */
  @Override
  public void close() {
    try {
      keepAlive.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!bwrap.waitFor(CLOSE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        bwrap.destroyForcibly();
        bwrap.waitFor();
      }
    } catch (InterruptedException e) {
      bwrap.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

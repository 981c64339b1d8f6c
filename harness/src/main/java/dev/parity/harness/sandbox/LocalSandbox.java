package dev.parity.harness.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A workspace whose commands run through a {@link CommandLine}: in a {@link SandboxHolder}'s
 * namespaces (bubblewrap), or in the workspace folder itself ({@code --unsafe-no-sandbox}); see
 * {@link LocalSandboxBackend}.
 */
final class LocalSandbox implements Sandbox {
  /** How long the output readers are waited for once the process is gone. */
  private static final long DRAIN_MILLIS = 2_000;

  private final SandboxBackend.Kind kind;
  private final WorkspaceFolder host;
  private final WorkspaceFolder workspace;
  private final CommandLine commandLine;
  private final SandboxLimits limits;
  private final SandboxHolder holder;
  private final List<String> asUser;

  /**
   * @param host the folder on the host, deleted at {@link #close()}
   * @param workspace where the workspace's files are read: {@code host}, or the holder's tmpfs
   * @param holder the bubblewrap process the calls enter; null for {@code --unsafe-no-sandbox}
   * @param asUser the programs that switch to the sandbox's user (setpriv), or none
   */
  LocalSandbox(SandboxBackend.Kind kind, WorkspaceFolder host, WorkspaceFolder workspace, CommandLine commandLine,
      SandboxLimits limits, SandboxHolder holder, List<String> asUser) {
    this.kind = kind;
    this.host = host;
    this.workspace = workspace;
    this.commandLine = commandLine;
    this.limits = limits;
    this.holder = holder;
    this.asUser = List.copyOf(asUser);
  }

  @Override
  public Execution exec(List<String> command, String stdin) throws InterruptedException {
    if (holder != null && !holder.alive()) {
      throw new UnableToSandboxException("the sandbox has ended: its bubblewrap process is gone");
    }
    List<String> argv = new ArrayList<>(commandLine.prefix());
    argv.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(argv).directory(commandLine.directory().toFile());
    builder.environment().clear();
    builder.environment().putAll(commandLine.environment());
    Path usage = commandLine.usageFolder();
    if (usage != null) {
      CallMeter.clear(usage);
    }
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UnableToSandboxException("cannot start " + argv.get(0) + " for the sandbox: " + e.getMessage(), e);
    }
    OutputCapture out = new OutputCapture(process.getInputStream(), limits.outputChars(), "sandbox-stdout");
    OutputCapture err = new OutputCapture(process.getErrorStream(), limits.outputChars(), "sandbox-stderr");
    boolean timedOut;
    try {
      feed(process, stdin);
      timedOut = !process.waitFor(limits.wallPerCall().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      killTree(process);
      throw e;
    }
    ResourceUse resources = null;
    if (timedOut) {
      // Measured before the kill: GNU time dies with the tree and reports nothing.
      resources = CallMeter.liveTree(process);
      killTree(process);
    } else if (usage != null) {
      resources = CallMeter.read(usage).orElse(null);
    }
    if (holder != null) {
      // What the call left running (in the background, or past the wall) dies with it; under
      // bubblewrap the call's processes are all in the holder's PID namespace.
      holder.killAllButInit(asUser);
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    OutputCapture.Text stdout = out.finish(DRAIN_MILLIS);
    OutputCapture.Text stderr = err.finish(DRAIN_MILLIS);
    // On the holder's tmpfs a write past the cap already failed; the flag tells the model why.
    boolean full = holder != null
        ? SandboxHolder.full(workspace.size(SandboxHolder::onTmpfs), limits.workspaceBytes())
        : workspace.size(size -> size) > limits.workspaceBytes();
    return new Execution(timedOut ? -1 : process.exitValue(), stdout.text(), stderr.text(), stdout.truncated(),
        stderr.truncated(), timedOut, full, duration, resources);
  }

  /** Writes stdin and closes it; a program that exits without reading it is not an error. */
  private static void feed(Process process, String stdin) {
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The program closed its input (or ended) before reading all of it.
    }
  }

  /** Kills the process and every descendant it still has. */
  private static void killTree(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public List<String> listFiles() {
    List<String> files = new ArrayList<>(workspace.files(WorkspaceFolder.INPUTS));
    files.addAll(workspace.files(WorkspaceFolder.OUTPUTS));
    return files;
  }

  @Override
  public byte[] read(String path) {
    return workspace.read(path);
  }

  @Override
  public List<WorkspaceFile> copyOut() {
    List<WorkspaceFile> files = new ArrayList<>();
    for (String path : workspace.files(WorkspaceFolder.OUTPUTS)) {
      files.add(new WorkspaceFile(path.substring(WorkspaceFolder.OUTPUTS.length() + 1), workspace.read(path)));
    }
    return files;
  }

  @Override
  public SandboxBackend.Kind kind() {
    return kind;
  }

  @Override
  public void close() {
    if (holder != null) {
      holder.close();
    }
    host.delete();
  }
}

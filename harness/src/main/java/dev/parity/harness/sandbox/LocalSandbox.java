package dev.parity.harness.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A workspace folder whose commands run through a {@link CommandLine}; see {@link LocalSandboxBackend}. */
final class LocalSandbox implements Sandbox {
  /** How long the output readers are waited for once the process is gone. */
  private static final long DRAIN_MILLIS = 2_000;

  private final SandboxBackend.Kind kind;
  private final WorkspaceFolder workspace;
  private final CommandLine commandLine;
  private final SandboxLimits limits;

  LocalSandbox(SandboxBackend.Kind kind, WorkspaceFolder workspace, CommandLine commandLine, SandboxLimits limits) {
    this.kind = kind;
    this.workspace = workspace;
    this.commandLine = commandLine;
    this.limits = limits;
  }

  @Override
  public Execution exec(List<String> command, String stdin) throws InterruptedException {
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
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    OutputCapture.Text stdout = out.finish(DRAIN_MILLIS);
    OutputCapture.Text stderr = err.finish(DRAIN_MILLIS);
    boolean full = workspace.size() > limits.workspaceBytes();
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

  /**
   * Kills the process and every descendant. Under bubblewrap the descendants include the PID
   * namespace's first process, whose death makes the kernel kill everything left in the namespace.
   */
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
    workspace.delete();
  }
}

package dev.parity.harness.sandbox;

import java.util.List;

/**
 * One attempt's workspace and the isolation its calls run in: {@code inputs/} (the task's
 * references, read-only), {@code outputs/} (the deliverable) and a scratch home, seen by the
 * sandboxed programs as {@code /work/inputs}, {@code /work/outputs} and {@code /work/home}
 * (their working folder is {@code /work}).
 *
 * <p>Made by {@link SandboxBackend#prepare}; {@link #close()} destroys it and everything in it.
 * One caller at a time: an agent loop runs its tool calls one after another.
 */
public interface Sandbox extends AutoCloseable {

  /**
   * Runs {@code command} in the sandbox, {@code stdin} on its standard input, under the limits the
   * sandbox was prepared with. What the program does wrong (a crash, a limit, a timeout) is in the
   * result; nothing it does is thrown.
   *
   * @throws UnableToSandboxException when the sandbox itself cannot start the command
   * @throws InterruptedException when the caller was interrupted; the command's processes are killed
   */
  Execution exec(List<String> command, String stdin) throws InterruptedException;

  /** The files under the workspace, as paths relative to {@code /work} ({@code outputs/memo.docx}), sorted. */
  List<String> listFiles();

  /**
   * The bytes of a regular file in the workspace, {@code path} relative to {@code /work} or absolute
   * under it. Links are never followed, so a model cannot make it read outside the workspace.
   *
   * @throws UnableToSandboxException naming the path when it is not a regular file in the workspace
   */
  byte[] read(String path);

  /** The regular files in {@code outputs/} (sub-folders included, links left out), copied out now. */
  List<WorkspaceFile> copyOut();

  /** The backend's name and whether programs are isolated, for the run's record. */
  SandboxBackend.Kind kind();

  /** Kills whatever still runs and deletes the workspace. */
  @Override
  void close();

  /**
   * A file taken out of the workspace.
   *
   * @param path its path under {@code outputs/}, e.g. {@code memo.docx} or {@code charts/q3.png}
   * @param content its bytes
   */
  record WorkspaceFile(String path, byte[] content) {
    public WorkspaceFile {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }
}

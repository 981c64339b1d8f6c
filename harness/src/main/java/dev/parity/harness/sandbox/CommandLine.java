package dev.parity.harness.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a command is started in a sandbox: the programs that wrap it (setpriv, nsenter, prlimit, and
 * GNU time to measure it, see {@link CallMeter}), the clean environment it gets, the folder it
 * starts in, and the folder the measurement is written to as Parity reads it (null when GNU time is
 * not installed).
 */
record CommandLine(List<String> prefix, Map<String, String> environment, Path directory, Path usageFolder) {

  CommandLine {
    prefix = List.copyOf(prefix);
    environment = Map.copyOf(environment);
  }

  /** A call in {@code holder}'s namespaces, as {@code uid} (or Parity's own user when null). */
  static CommandLine entering(SandboxHolder holder, Path folder, Integer uid, SandboxLimits limits) {
    List<String> prefix = new ArrayList<>(asUser(uid));
    prefix.addAll(holder.enter());
    prefix.addAll(limits(limits));
    Path usage = null;
    if (CallMeter.available()) {
      prefix.addAll(CallMeter.prefix(CallMeter.reportPath(CallMeter.INSIDE)));
      usage = holder.usageFolder();
    }
    Map<String, String> environment = cleanEnvironment();
    environment.put("HOME", SandboxHolder.WORK + "/" + WorkspaceFolder.HOME);
    environment.put("TMPDIR", "/tmp");
    environment.put("PWD", SandboxHolder.WORK);
    return new CommandLine(prefix, environment, folder, usage);
  }

  /** {@code --unsafe-no-sandbox}: a call in the workspace folder itself, under the limits only. */
  static CommandLine unsandboxed(WorkspaceFolder workspace, Integer uid, SandboxLimits limits) {
    List<String> prefix = new ArrayList<>(asUser(uid));
    prefix.addAll(limits(limits));
    Path usage = null;
    if (CallMeter.available()) {
      usage = workspace.resolve(CallMeter.FOLDER);
      prefix.addAll(CallMeter.prefix(CallMeter.reportPath(usage.toString())));
    }
    Map<String, String> environment = cleanEnvironment();
    environment.put("HOME", workspace.resolve(WorkspaceFolder.HOME).toString());
    environment.put("TMPDIR", workspace.resolve(WorkspaceFolder.HOME).toString());
    return new CommandLine(prefix, environment, workspace.folder(), usage);
  }

  /**
   * Process limits do not hold for root: as root, the sandbox runs as a user of its own, with no
   * capabilities; nothing when Parity is not root.
   */
  static List<String> asUser(Integer uid) {
    return uid == null ? List.of() : List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
        "--inh-caps=-all", "--bounding-set=-all", "--");
  }

  /** The environment every sandboxed program starts with: nothing of Parity's, no key. */
  static Map<String, String> cleanEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    environment.put("LANG", "C.UTF-8");
    environment.put("PYTHONDONTWRITEBYTECODE", "1");
    return environment;
  }

  private static List<String> limits(SandboxLimits limits) {
    return List.of("prlimit",
        "--cpu=" + limits.cpuPerCall().toSeconds(),
        "--as=" + limits.memoryBytes(),
        "--nproc=" + limits.processes(),
        "--fsize=" + limits.fileBytes(),
        "--core=0",
        "--");
  }
}

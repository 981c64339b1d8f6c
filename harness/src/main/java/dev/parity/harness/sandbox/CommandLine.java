package dev.parity.harness.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a command is started in a sandbox: the programs that wrap it (setpriv, prlimit, bwrap, and
 * GNU time to measure it, see {@link CallMeter}), the clean environment it gets, the folder it
 * starts in, and the folder the measurement is written to (null when GNU time is not installed).
 */
record CommandLine(List<String> prefix, Map<String, String> environment, Path directory, Path usageFolder) {
  /** Where the workspace appears inside bubblewrap. */
  static final String WORK = "/work";
  private static final List<String> SYSTEM_LINKS = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

  CommandLine {
    prefix = List.copyOf(prefix);
    environment = Map.copyOf(environment);
  }

  static CommandLine of(SandboxBackend.Kind kind, WorkspaceFolder workspace, Integer uid, SandboxLimits limits) {
    List<String> prefix = new ArrayList<>();
    if (uid != null) {
      // Process limits do not hold for root: the sandbox runs as a user of its own, with no capabilities.
      prefix.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all",
          "--bounding-set=-all", "--"));
    }
    prefix.addAll(List.of("prlimit",
        "--cpu=" + limits.cpuPerCall().toSeconds(),
        "--as=" + limits.memoryBytes(),
        "--nproc=" + limits.processes(),
        "--fsize=" + limits.fileBytes(),
        "--core=0",
        "--"));
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    environment.put("LANG", "C.UTF-8");
    environment.put("PYTHONDONTWRITEBYTECODE", "1");
    Path usage = CallMeter.available() ? workspace.resolve(CallMeter.FOLDER) : null;
    if (kind == SandboxBackend.Kind.BUBBLEWRAP) {
      prefix.addAll(bubblewrap(workspace, usage));
      environment.put("HOME", WORK + "/" + WorkspaceFolder.HOME);
      environment.put("TMPDIR", "/tmp");
      if (usage != null) {
        prefix.addAll(CallMeter.prefix(CallMeter.reportPath(CallMeter.INSIDE)));
      }
      return new CommandLine(prefix, environment, workspace.folder(), usage);
    }
    environment.put("HOME", workspace.resolve(WorkspaceFolder.HOME).toString());
    environment.put("TMPDIR", workspace.resolve(WorkspaceFolder.HOME).toString());
    if (usage != null) {
      prefix.addAll(CallMeter.prefix(CallMeter.reportPath(usage.toString())));
    }
    return new CommandLine(prefix, environment, workspace.folder(), usage);
  }

  private static List<String> bubblewrap(WorkspaceFolder workspace, Path usage) {
    List<String> bwrap = new ArrayList<>(List.of("bwrap",
        "--unshare-all", // user, IPC, PID, network, UTS, cgroup: no network at all
        "--die-with-parent", "--new-session",
        "--ro-bind", "/usr", "/usr",
        "--ro-bind-try", "/etc", "/etc"));
    for (String name : SYSTEM_LINKS) {
      Path path = Path.of("/", name);
      if (Files.isSymbolicLink(path)) {
        try {
          bwrap.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
        } catch (java.io.IOException e) {
          throw new UnableToSandboxException("cannot read the link " + path + ": " + e.getMessage(), e);
        }
      } else if (Files.isDirectory(path)) {
        bwrap.addAll(List.of("--ro-bind", path.toString(), path.toString()));
      }
    }
    bwrap.addAll(List.of(
        "--proc", "/proc",
        "--dev", "/dev",
        "--tmpfs", "/tmp",
        "--ro-bind", workspace.resolve(WorkspaceFolder.INPUTS).toString(), WORK + "/" + WorkspaceFolder.INPUTS,
        "--bind", workspace.resolve(WorkspaceFolder.OUTPUTS).toString(), WORK + "/" + WorkspaceFolder.OUTPUTS,
        "--bind", workspace.resolve(WorkspaceFolder.HOME).toString(), WORK + "/" + WorkspaceFolder.HOME));
    if (usage != null) {
      bwrap.addAll(List.of("--bind", usage.toString(), CallMeter.INSIDE));
    }
    bwrap.addAll(List.of("--chdir", WORK, "--"));
    return bwrap;
  }
}

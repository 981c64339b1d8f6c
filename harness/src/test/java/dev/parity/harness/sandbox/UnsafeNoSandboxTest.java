package dev.parity.harness.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --unsafe-no-sandbox}: no isolation, but the workspace, the clean environment and the limits hold. */
class UnsafeNoSandboxTest {
  @TempDir Path temp;

  @Test
  void toolsRunInTheWorkspaceWithACleanEnvironmentAndTheLimits() throws Exception {
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
    LocalSandboxBackend backend = LocalSandboxBackend.unsafeNoSandbox(temp.resolve("workspaces"));
    assertThat(backend.kind()).isEqualTo(SandboxBackend.Kind.NONE);
    assertThat(backend.kind().isolated()).isFalse();
    assertThat(backend.problem()).isEmpty();
    SandboxLimits small = new SandboxLimits(Duration.ofSeconds(3), Duration.ofSeconds(2), 1L << 30, 32, 1_000_000,
        50_000_000, 1_000);
    try (Sandbox sandbox = backend.prepare(List.of(new SandboxBackend.InputFile("a.txt",
        "from inputs".getBytes(StandardCharsets.UTF_8))), small)) {
      Execution copy = sandbox.exec(List.of("/bin/sh", "-c", "cat inputs/a.txt > outputs/b.txt; env | cut -d= -f1 | sort"),
          "");
      Execution huge = sandbox.exec(List.of("/bin/sh", "-c", "head -c 10G /dev/zero > outputs/huge.bin"), "");

      assertThat(copy.exitCode()).as(copy.stderr()).isZero();
      assertThat(copy.stdout().lines()).doesNotContain("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "USER")
          .contains("HOME", "PATH");
      assertThat(huge.exitCode()).isNotZero();
      assertThat(sandbox.copyOut()).extracting(Sandbox.WorkspaceFile::path).containsExactly("b.txt", "huge.bin");
      assertThat(sandbox.copyOut().get(1).content().length).isLessThanOrEqualTo(1_000_000);
    }
  }
}

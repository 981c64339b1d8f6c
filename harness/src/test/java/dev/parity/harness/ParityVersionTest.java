package dev.parity.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParityVersionTest {

  /**
   * The build records the commit of the checkout it ran in. A linked worktree (git worktree add)
   * used to record the main checkout's HEAD instead, so runs and reports named the wrong code.
   */
  @Test
  void theRecordedCommitIsTheHeadOfTheCheckoutThatBuiltIt() throws Exception {
    String head = git("rev-parse", "--short=10", "HEAD");
    assumeTrue(head != null, "built outside a git checkout");

    assertThat(ParityVersion.current().commit()).startsWith(head);
  }

  @Test
  void theVersionIsTheMavenVersion() {
    assertThat(ParityVersion.current().version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  /** git's answer in the module's folder (surefire's working directory), or null when git can't say. */
  private static String git(String... arguments) throws InterruptedException {
    String[] command = new String[arguments.length + 1];
    command[0] = "git";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(Path.of("").toAbsolutePath().toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      // Generous: a bound on a hung git, not a timing assumption.
      boolean ended = process.waitFor(60, TimeUnit.SECONDS);
      return ended && process.exitValue() == 0 && !out.isEmpty() ? out : null;
    } catch (IOException noGit) {
      return null;
    }
  }
}

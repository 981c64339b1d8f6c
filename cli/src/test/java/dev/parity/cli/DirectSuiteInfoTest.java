package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity suite info} run without picocli says exactly what the command line says. */
class DirectSuiteInfoTest {
  @TempDir Path root;

  @Test
  void aValidSuiteGivesTheSameSummaryAsTheCommandLineInEveryPlainForm() throws Exception {
    TestSuites.valid(root);
    String path = root.toString();

    for (String[] args : new String[][] {
        {"suite", "info", path}, {"suite", "info", "--json", path}, {"suite", "info", path, "--json"}}) {
      CommandRun direct = direct(args);

      assertThat(direct).as(String.join(" ", args)).isEqualTo(CommandRun.of(args));
      assertThat(direct.exitCode()).isZero();
      assertThat(direct.out()).contains("cli-test");
    }
  }

  @Test
  void anInvalidSuiteFailsWithTheSameProblemsAndExitCode() throws Exception {
    TestSuites.valid(root);
    Files.delete(root.resolve("suite.json"));
    String[] args = {"suite", "info", root.toString()};

    CommandRun direct = direct(args);

    assertThat(direct).isEqualTo(CommandRun.of(args));
    assertThat(direct.exitCode()).isEqualTo(1);
    assertThat(direct.err()).contains("missing suite.json");
  }

  @Test
  void aMissingFolderFailsAsTheCommandLineFails() {
    String[] args = {"suite", "info", "--json", root.resolve("absent").toString()};

    CommandRun direct = direct(args);

    assertThat(direct).isEqualTo(CommandRun.of(args));
    assertThat(direct.exitCode()).isEqualTo(1);
    assertThat(direct.err()).contains("no such folder");
  }

  @Test
  void anythingButThePlainFormsIsLeftToPicocli() {
    for (String[] args : new String[][] {
        {"suite", "info"}, {"suite", "info", "--help"}, {"suite", "info", "-h", "x"}, {"suite", "info", "--", "x"},
        {"suite", "info", "@arguments"}, {"suite", "info", "--json", "--json"}, {"suite", "info", "x", "y"},
        {"suite", "info", "--json=true", "x"}, {"suite", "info", "x", "--json", "y"}, {"suite", "x"},
        {"validate", "x"}, {"--help", "suite", "info", "x"}}) {
      assertThat(DirectSuiteInfo.of(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  private static CommandRun direct(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = DirectSuiteInfo.run(DirectSuiteInfo.of(args).orElseThrow(), new PrintWriter(out), new PrintWriter(err));
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}

package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.core.doctor.Check;
import dev.parity.core.doctor.CheckResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DoctorCommandTest {
  private static Check check(String name, CheckResult result) {
    return new Check() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String purpose() {
        return name + " for tests";
      }

      @Override
      public CheckResult run() {
        return result;
      }
    };
  }

  private static final List<Check> SANDBOX_MISSING = List.of(
      check("java", CheckResult.ok("Java 17")),
      check("sandbox", CheckResult.missing("bwrap not found", "apt-get install bubblewrap")));

  private static CommandRun doctor(List<Check> checks, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new DoctorCommand(() -> checks));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  @Test
  void onThisMachineEveryPartWorksWithLibreOfficeAndChromium() {
    CommandRun run = CommandRun.of("doctor", "--require", "all");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(0);
    assertThat(run.out()).contains("ok       java", "ok       office", "ok       browser", "LibreOffice ",
        "test conversion: 1 page", "Every required part works, and every optional one.");
  }

  @Test
  void aMissingOptionalPartSaysHowToInstallItAndStillExitsWithZero() {
    CommandRun run = doctor(SANDBOX_MISSING);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("missing  sandbox", "bwrap not found", "fix: apt-get install bubblewrap",
        "1 optional part(s) missing or broken");
  }

  @Test
  void aMissingRequiredPartExitsWithOne() {
    CommandRun run = doctor(SANDBOX_MISSING, "--require", "sandbox");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("sandbox for tests [required]", "A required part is missing or broken");
  }

  @Test
  void anUnknownRequiredPartIsAUsageErrorThatListsTheKnownOnes() {
    CommandRun run = doctor(SANDBOX_MISSING, "--require", "sandbx");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no check called \"sandbx\"; known: java, sandbox, all");
  }

  @Test
  void jsonSaysEachPartsStatusAndWhetherItIsRequired() throws Exception {
    CommandRun run = doctor(SANDBOX_MISSING, "--json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("format_version").asInt()).isEqualTo(1);
    assertThat(json.get("ok").asBoolean()).isTrue();
    JsonNode sandbox = json.get("checks").get(1);
    assertThat(sandbox.get("name").asText()).isEqualTo("sandbox");
    assertThat(sandbox.get("status").asText()).isEqualTo("missing");
    assertThat(sandbox.get("required").asBoolean()).isFalse();
    assertThat(sandbox.get("fix").asText()).isEqualTo("apt-get install bubblewrap");
    assertThat(json.get("checks").get(0).get("required").asBoolean()).isTrue();
  }
}

package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.harness.testing.FakeChatCompletions;
import dev.parity.tasks.InvalidSuiteException;
import dev.parity.tasks.Suite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The suite of {@code parity run --suite PATH}, loaded before picocli builds the command. */
class SuitePreloadTest {
  @TempDir Path folder;

  @Test
  void aRunsSuiteIsLoadedFromTheArgumentsAloneInEitherSpelling() throws Exception {
    Path suite = folder.resolve("suite");
    dev.parity.harness.testing.TestSuites.write(suite, 3);

    for (String[] args : new String[][] {
        {"run", "--suite", suite.toString(), "--model", "openai:gpt-5"},
        {"run", "--model", "openai:gpt-5", "--suite=" + suite},
        {"--debug-like-option", "run", "--suite", suite.toString()}}) {
      CompletableFuture<Suite> loading = SuitePreload.start(args).take(suite);

      assertThat(loading).as(String.join(" ", args)).isNotNull();
      Suite loaded = Background.join(loading);
      assertThat(loaded.tasks()).hasSize(3);
      assertThat(loaded.contentHash()).isEqualTo(Suites.loader().load(suite).contentHash());
    }
  }

  @Test
  void nothingIsLoadedWhenTheArgumentsDoNotNameOneSuiteOfARun() {
    String path = folder.toString();

    assertThat(SuitePreload.start("validate", "--suite", path)).isSameAs(SuitePreload.NONE);
    assertThat(SuitePreload.start("run", "--run-id", "r1")).isSameAs(SuitePreload.NONE);
    assertThat(SuitePreload.start("run", "--suite")).isSameAs(SuitePreload.NONE);
    assertThat(SuitePreload.start("run", "--suite", path, "--suite=" + path)).as("picocli refuses it")
        .isSameAs(SuitePreload.NONE);
    assertThat(SuitePreload.start("run", "--", "--suite", path)).isSameAs(SuitePreload.NONE);
    assertThat(SuitePreload.start()).isSameAs(SuitePreload.NONE);
    assertThat(SuitePreload.NONE.take(folder)).isNull();
  }

  @Test
  void theLoadIsHandedOverOnlyForThePathPicocliParsed() throws Exception {
    Path suite = folder.resolve("suite");
    dev.parity.harness.testing.TestSuites.write(suite, 1);

    SuitePreload preload = SuitePreload.start("run", "--suite", suite.toString());

    assertThat(preload.take(folder.resolve("other"))).isNull();
    assertThat(preload.take(suite)).isNotNull();
  }

  @Test
  void anInvalidSuiteFailsTheRunWithTheLoadersMessageAsWithoutThePreload() throws Exception {
    Path suite = Files.createDirectories(folder.resolve("broken"));
    Files.writeString(suite.resolve("suite.json"), "{\"name\": ");

    CompletableFuture<Suite> loading = SuitePreload.start("run", "--suite", suite.toString()).take(suite);

    assertThatThrownBy(() -> Background.join(loading)).isInstanceOf(InvalidSuiteException.class)
        .hasMessageContaining("suite.json");
  }

  @Test
  void theRunCommandTakesThePreloadAndRunsAsWithout() throws Exception {
    Path suite = folder.resolve("suite");
    dev.parity.harness.testing.TestSuites.write(suite, 2);
    FakeChatCompletions fake = new FakeChatCompletions();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(fake);
      server.start();
      String[] args = {"run", "--suite", suite.toString(), "--model", "openai-compatible:m@" + server.url("/v1"),
          "--db", folder.resolve("parity.db").toString(), "--run-id", "r1"};
      SuitePreload preload = SuitePreload.start(args);
      CommandLine commandLine = ParityCommand.commandLine(args);
      StringWriter out = new StringWriter();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(new StringWriter(), true));

      preload.offerTo(commandLine);

      assertThat(((RunCommand) commandLine.getSubcommands().get("run").getCommand()).preload).isSameAs(preload);
      assertThat(commandLine.execute(args)).isZero();
      assertThat(out.toString()).contains("Run r1 completed: 2 of 2 attempts ended (2 completed");
      assertThat(fake.requests()).hasSize(2);
    }
  }

  @Test
  void aReportsSuiteIsLoadedThroughTheLoadCacheAndTheReportCommandTakesIt() throws Exception {
    Path suite = ReportCommandTest.copy(ReportCommandTest.SAMPLE, folder.resolve("suite"));
    String[] args = {"report", "--judgments", ReportCommandTest.EXAMPLE_JUDGMENTS.toString(), "--suite=" + suite,
        "--out", folder.resolve("out").toString(), "--bootstrap", "200"};
    SuitePreload preload = SuitePreload.start(args);
    assertThat(Background.join(preload.take(suite)).contentHash())
        .isEqualTo(Suites.loader().load(suite).contentHash());
    CommandLine commandLine = ParityCommand.commandLine(args);
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));

    preload.offerTo(commandLine);

    assertThat(((ReportCommand) commandLine.getSubcommands().get("report").getCommand()).preload).isSameAs(preload);
    assertThat(commandLine.execute(args)).isZero();
    assertThat(out.toString()).contains("example-model: score 34.6%");
  }

  @Test
  void aCommandLineWithoutTheCommandThePreloadIsForIsLeftAsItIs() {
    String[] args = {"report", "--judgments", "j.csv", "--out", folder.toString()};
    CommandLine commandLine = ParityCommand.commandLine(args);

    SuitePreload.start("run", "--suite", folder.toString()).offerTo(commandLine);

    assertThat(((ReportCommand) commandLine.getSubcommands().get("report").getCommand()).preload)
        .isSameAs(SuitePreload.NONE);
  }

  @Test
  void aCommandLineWithoutARunToBuildIsLeftAsItIs() {
    String[] args = {"validate", folder.toString()};
    CommandLine commandLine = ParityCommand.commandLine(args);

    SuitePreload.start("run", "--suite", folder.toString()).offerTo(commandLine);

    Object run = commandLine.getSubcommands().get("run").getCommand();
    assertThat(run).isNotInstanceOf(RunCommand.class);
  }
}

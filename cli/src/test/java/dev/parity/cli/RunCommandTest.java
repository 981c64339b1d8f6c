package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.harness.testing.FakeChatCompletions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity run}, {@code run show}, {@code runs} and {@code export attempts}, in-process, against a fake server. */
class RunCommandTest {
  @TempDir Path folder;
  private final MockWebServer server = new MockWebServer();
  private final FakeChatCompletions fake = new FakeChatCompletions();
  private Path suite;
  private String db;
  private String model;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(fake);
    server.start();
    suite = folder.resolve("suite");
    dev.parity.harness.testing.TestSuites.write(suite, 4);
    db = folder.resolve("store/parity.db").toString();
    model = "openai-compatible:m@" + server.url("/v1");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void aRunRecordsEveryAttemptAndTellsHowToLookAtIt() throws Exception {
    CommandRun run = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--run-id", "r1", "--samples", "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Starting run r1: 8 attempts to make")
        .contains("Run r1 completed: 8 of 8 attempts ended (8 completed")
        .contains("Details: parity run show r1 --db");
    assertThat(fake.requests()).hasSize(4).allSatisfy((task, count) -> assertThat(count).isEqualTo(2));

    JsonNode show = new ObjectMapper().readTree(CommandRun.of("run", "show", "r1", "--db", db, "--json").out());
    assertThat(show.get("run").asText()).isEqualTo("r1");
    assertThat(show.at("/attempts/total").asInt()).isEqualTo(8);
    assertThat(show.at("/attempts/completed").asInt()).isEqualTo(8);
    assertThat(show.at("/attempts/failed").asInt()).isZero();
    assertThat(show.at("/attempts/pending").asInt()).isZero();
    assertThat(show.has("cost_usd")).isTrue();
    assertThat(show.at("/models/0/model").asText()).isEqualTo("openai-compatible:m");
    assertThat(show.at("/models/0/input_tokens").asLong()).isEqualTo(8 * 120);
    assertThat(show.at("/models/0/latency_ms/p50").isNumber()).isTrue();
    assertThat(show.at("/models/0/finish_reasons/stop").asInt()).as("the server's finish_reason").isEqualTo(8);

    String text = CommandRun.of("run", "show", "r1", "--db", db).out();
    assertThat(text).contains("Run r1: completed", "attempts     8: completed 8", "latency      p50 ",
        "tokens       960 in, 240 out", "finished     stop 8");
    assertThat(CommandRun.of("runs", "--db", db).out()).contains("r1", "completed", "test-suite 1.0", "8/8");
  }

  @Test
  void runShowNamesItsRunAsEveryOtherCommandDoesToo() {
    CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db, "--run-id", "r1");

    CommandRun byOption = CommandRun.of("run", "show", "--run", "r1", "--db", db);
    assertThat(byOption.exitCode()).as(byOption.err()).isZero();
    assertThat(byOption.out()).isEqualTo(CommandRun.of("run", "show", "r1", "--db", db).out())
        .contains("Run r1: completed");
    assertThat(CommandRun.of("run", "show", "r1", "--run", "r1", "--db", db).exitCode()).isZero();
    CommandRun two = CommandRun.of("run", "show", "r1", "--run", "r2", "--db", db);
    assertThat(two.exitCode()).isEqualTo(2);
    assertThat(two.err()).contains("two runs named: r1 and --run r2");
    CommandRun none = CommandRun.of("run", "show", "--db", db);
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("missing the run to show: parity run show ID, or --run ID");
  }

  @Test
  void aModelWithoutAPriceCostsUnknownNotZeroAndLongRunIdsKeepTheRunsTableAligned() {
    String longId = "a-run-id-much-longer-than-the-old-twenty-eight-character-column";
    CommandRun run = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--run-id", longId);
    CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db, "--run-id", "r2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("cost so far unknown.").doesNotContain("$0.00");
    assertThat(CommandRun.of("run", "show", longId, "--db", db).out())
        .contains("  cost         unknown\n", "  cost         unknown (4 answers of unknown price)")
        .doesNotContain("$0.00");
    String[] table = CommandRun.of("runs", "--db", db).out().split("\n");
    assertThat(table).hasSize(3);
    assertThat(table[1]).startsWith("r2 ");
    assertThat(table[2]).startsWith(longId + "  completed");
    for (String column : new String[] {"STATUS", "SUITE", "MODELS"}) {
      int at = table[0].indexOf(column);
      assertThat(table[1].charAt(at - 1)).as(column).isEqualTo(' ');
      assertThat(table[1].charAt(at)).as(column).isNotEqualTo(' ');
      assertThat(table[2].charAt(at)).as(column).isNotEqualTo(' ');
    }
    assertThat(table[2]).contains("  unknown  ").doesNotContain("$0.00");
  }

  @Test
  void attemptsExportAsCsvAndJsonl() throws Exception {
    CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db, "--run-id", "r1");
    Path csv = folder.resolve("attempts.csv");

    CommandRun toFile = CommandRun.of("export", "attempts", "--run", "r1", "--format", "csv", "--out",
        csv.toString(), "--db", db);
    CommandRun jsonl = CommandRun.of("export", "attempts", "--run", "r1", "--format", "jsonl", "--db", db);

    assertThat(toFile.exitCode()).isZero();
    assertThat(Files.readAllLines(csv)).hasSize(5).first().asString().startsWith("format_version,run_id,model,");
    assertThat(jsonl.out().split("\n")).hasSize(4)
        .allSatisfy(line -> assertThat(new ObjectMapper().readTree(line).get("status").asText()).isEqualTo("completed"));
    assertThat(CommandRun.of("export", "attempts", "--run", "r1", "--format", "xml", "--db", db).err())
        .contains("unknown export format \"xml\"; known: csv, jsonl");
  }

  @Test
  void aResumeWithOnlyTheRunIdCarriesOnWithTheRunsOwnSettings() {
    fake.then("T0002", FakeChatCompletions.status(500).body(FakeChatCompletions.error("server_error")).build());
    CommandRun first = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--run-id", "r1", "--max-retries", "0");
    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.out()).contains("1 failed (not the models' fault). To carry on: parity run --run-id r1 --db");

    CommandRun resumed = CommandRun.of("run", "--run-id", "r1", "--db", db);

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Resuming run r1: 1 attempts to make (3 done before)");
    assertThat(fake.requests("T0002")).isEqualTo(2);
    assertThat(fake.requests("T0001")).isEqualTo(1);
  }

  @Test
  void aSampledRunRecordsItsSelectionAndAResumeKeepsIt() throws Exception {
    CommandRun started = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--run-id", "s1", "--sample", "2", "--seed", "7");

    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out()).contains("Starting run s1: 2 attempts to make");
    java.util.Set<String> sampled = java.util.Set.copyOf(fake.requests().keySet());
    CommandRun resumed = CommandRun.of("run", "--run-id", "s1", "--db", db);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("2 done before");
    assertThat(fake.requests().keySet()).isEqualTo(sampled);
    CommandRun again = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--run-id", "s2", "--sample", "2", "--seed", "7");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(fake.requests().keySet()).as("the same seed draws the same tasks").isEqualTo(sampled);
  }

  @Test
  void aSampleNeedsASeedAndAnUnknownTaskGetsADidYouMean() {
    CommandRun noSeed = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--sample", "2");
    CommandRun typo = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--tasks", "T0001,T001");

    assertThat(noSeed.exitCode()).isEqualTo(1);
    assertThat(noSeed.err()).contains("--sample needs --seed S");
    assertThat(typo.exitCode()).isEqualTo(1);
    assertThat(typo.err()).contains("no task \"T001\"; did you mean \"T0001\"?");
  }

  @Test
  void aResumeWithOtherSettingsIsRefusedNamingThem() {
    CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db, "--run-id", "r1");

    CommandRun resumed = CommandRun.of("run", "--run-id", "r1", "--db", db, "--samples", "3", "--occupation",
        "Registered Nurses");

    assertThat(resumed.exitCode()).isEqualTo(1);
    assertThat(resumed.err()).contains("cannot resume run r1 with different settings",
        "samples: the run has 1, this asks for 3", "tasks: the run has all tasks, this asks for occupation");
  }

  @Test
  void convertFormatsIsKeptByAResumeAndTurningItOffIsRefused() {
    CommandRun first = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db,
        "--run-id", "r1", "--convert-formats");
    assertThat(first.exitCode()).as(first.err()).isZero();

    CommandRun again = CommandRun.of("run", "--run-id", "r1", "--db", db);
    CommandRun off = CommandRun.of("run", "--run-id", "r1", "--db", db, "--no-convert-formats");

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(off.exitCode()).isEqualTo(1);
    assertThat(off.err()).contains("format conversion: the run has --convert-formats on, this asks for it off");
  }

  @Test
  void aDryRunPrintsAttemptsTokensAndCostAndWritesNothing() throws Exception {
    Path models = folder.resolve("models.yaml");
    Files.writeString(models, """
        format_version: 1
        models:
          - name: priced
            provider: openai-compatible
            model: m
            base_url: %s
            parameters: {max_output_tokens: 1000}
            price: {input_per_million: 2.0, output_per_million: 8.0, source: test}
        """.formatted(server.url("/v1")));

    CommandRun run = CommandRun.of("run", "--suite", suite.toString(), "--models", models.toString(),
        "--model", model, "--db", db, "--dry-run", "--samples", "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("nothing is called")
        .containsPattern("priced +12 +0 +[\\d,]+ +12,000 +\\$0\\.1\\d")
        .containsPattern("openai-compatible:m +12 +0 +[\\d,]+ +384,000 +unknown price")
        .contains("total");
    assertThat(fake.requests()).isEmpty();
    assertThat(Path.of(db)).doesNotExist();
  }

  @Test
  void aRunOfASuiteNotVettedSinceItsFilesChangedWarnsOnOneLineAndGoesOn() throws Exception {
    CommandRun unvetted = CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db, "--dry-run");

    assertThat(unvetted.exitCode()).as(unvetted.err()).isZero();
    assertThat(unvetted.err().lines()).containsExactly("parity: warning: suite " + suite
        + " is not vetted: no vetting.json; check it with 'parity vet " + suite + "'");

    dev.parity.tasks.vetting.VettingRecord.of(suite, "parity test", java.time.Instant.EPOCH, null, List.of())
        .write(suite);
    assertThat(CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db, "--dry-run").err())
        .doesNotContain("warning");
  }

  @Test
  void aBudgetNeedsEveryPriceAndMistakesAreNamed() {
    assertThat(CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db, "--budget-usd", "5")
        .err()).contains("a budget needs every model's price", "openai-compatible:m");
    assertThat(CommandRun.of("run", "--model", model, "--db", db).err()).contains("missing --suite PATH");
    assertThat(CommandRun.of("run", "--suite", suite.toString(), "--db", db).err())
        .contains("no model to run: give --model PROVIDER:MODEL");
    assertThat(CommandRun.of("run", "--suite", suite.toString(), "--model", "nonsense", "--db", db).err())
        .contains("invalid model spec \"nonsense\"");
    assertThat(CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--timeout", "soon").err())
        .contains("'soon' is not a duration");
    assertThat(CommandRun.of("run", "show", "nope", "--db", folder.resolve("other.db").toString()).err())
        .contains("no store at");
    CommandRun.of("run", "--suite", suite.toString(), "--model", model, "--db", db, "--run-id", "r1");
    assertThat(CommandRun.of("run", "show", "nope", "--db", db).err()).contains("no run \"nope\"", "r1");
  }
}

package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.graders.baseline.Workbench;
import dev.parity.store.Database;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.Suite;
import dev.parity.tasks.ValueSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
  @TempDir Path root;

  Path people() throws Exception {
    return Files.writeString(root.resolve("people.csv"), """
        id,display_name,email,occupations,role,hourly_wage
        acc-pro,Ann,ann@example.org,Accountants and Auditors,professional; grader,48
        rn-pro,Cy,cy@example.org,Registered Nurses,professional; grader,39.5
        acc-1,Bo,bo@example.org,13-2011.00,grader,
        lead,Dee,dee@example.org,,admin,
        """);
  }

  CommandRun baseline(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "baseline";
    all[1] = args[0];
    all[2] = "--db";
    all[3] = root.resolve("parity.db").toString();
    System.arraycopy(args, 1, all, 4, args.length - 1);
    return CommandRun.of(all);
  }

  /**
   * Campaign q3 on a two-task suite, in which acc-pro handed in a summary after 45 measured minutes
   * and 5 stated outside the page; the suite's folder.
   */
  private Path campaignWithTheAccountantsSubmission() throws Exception {
    Path suite = TestSuites.valid(Files.createDirectories(root.resolve("suite")));
    baseline("create", "--suite", suite.toString(), "--people", people().toString(), "--name", "q3", "--seed", "7");
    Instant start = Instant.parse("2026-12-01T09:00:00Z");
    try (Database database = Database.open(root.resolve("parity.db"))) {
      Workbench atStart = new Workbench(database, Clock.fixed(start, ZoneOffset.UTC));
      String work = atStart.list("acc-pro").get(0).id();
      atStart.start("acc-pro", work);
      atStart.upload("acc-pro", work, "summary.md", "# Summary\n\nTravel came to 1,200.\n".getBytes(UTF_8));
      atStart.save("acc-pro", work, "", "", 5.0);
      new Workbench(database, Clock.fixed(start.plusSeconds(45 * 60), ZoneOffset.UTC)).submit("acc-pro", work);
    }
    return suite;
  }

  @Test
  void createsARunOfProfessionalsNamedAfterTheCampaign() throws Exception {
    Path suite = TestSuites.valid(Files.createDirectories(root.resolve("suite")));

    CommandRun created = baseline("create", "--suite", suite.toString(), "--people", people().toString(),
        "--name", "q3-baselines", "--seed", "7");

    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created baseline campaign q3-baselines (seed 7): 2 tasks, 2 pieces of work"
        + " for 2 professionals; run q3-baselines.")
        .contains("  acc-pro: expenses").contains("  rn-pro: handout");
    CommandRun runs = CommandRun.of("runs", "--db", root.resolve("parity.db").toString());
    assertThat(runs.out()).contains("q3-baselines");
  }

  @Test
  void aTaskNoProfessionalCanTakeIsRefusedWithNothingStored() throws Exception {
    Path suite = TestSuites.valid(Files.createDirectories(root.resolve("suite")));

    CommandRun created = baseline("create", "--suite", suite.toString(), "--people", people().toString(),
        "--name", "c", "--per-task", "2", "--seed", "1");

    assertThat(created.exitCode()).isEqualTo(1);
    assertThat(created.err()).contains("task expenses (Accountants and Auditors): 1 professionals")
        .contains("2 needed");
    assertThat(CommandRun.of("runs", "--db", root.resolve("parity.db").toString()).out()).doesNotContain(" c ");
  }

  @Test
  void aSubmissionIsGradedWithoutItsAuthorAndExportedAsTheBaselineOfANewSuiteVersion() throws Exception {
    Path suite = campaignWithTheAccountantsSubmission();

    CommandRun graded = CommandRun.of("campaign", "create", "--db", root.resolve("parity.db").toString(), "--run", "q3",
        "--graders", people().toString(), "--per-pair", "1", "--attention-rate", "0", "--name", "q3-review",
        "--min-rationale", "10", "--seed", "3");
    assertThat(graded.exitCode()).as(graded.err()).isZero();
    assertThat(graded.out()).contains("1 pairs");
    try (Database database = Database.open(root.resolve("parity.db"))) {
      List<String> graders = database.read("graders", h -> h.list("SELECT grader_id FROM grading_assignments",
          r -> r.text(1)));
      assertThat(graders).as("acc-1 grades the accountant's task; acc-pro, who made it, does not")
          .containsExactly("acc-1");
    }

    Path packet = root.resolve("packet");
    CommandRun packed = CommandRun.of("campaign", "export-packets", "--db", root.resolve("parity.db").toString(),
        "--grader", "acc-1", "--out", packet.toString(), "--no-pages");
    assertThat(packed.exitCode()).as(packed.err()).isZero();
    List<String> form = Files.readAllLines(packet.resolve("form.csv"));
    String[] cells = form.get(1).split(",", -1);
    Files.write(packet.resolve("form.csv"), List.of(form.get(0), cells[0] + "," + cells[1] + "," + cells[2]
        + ",tie,\"Both give the total with its sources\",,,,12,,"));
    CommandRun imported = CommandRun.of("campaign", "import-grades", "--db", root.resolve("parity.db").toString(),
        packet.resolve("form.csv").toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    CommandRun report = CommandRun.of("report", "--db", root.resolve("parity.db").toString(), "--run", "q3",
        "--campaign", "q3-review", "--bootstrap", "500", "--out", root.resolve("report").toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(root.resolve("report/report.json")).content().contains("\"professionals\"");

    Path next = root.resolve("suite-2");
    CommandRun exported = baseline("export", "--campaign", "q3", "--to", next.toString(), "--choose", "expenses=acc-pro");

    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(exported.out()).contains("Wrote suite cli-test 2.0+q3").contains("expenses: human:acc-pro");
    Suite written = Suites.loader().load(next);
    Baseline made = written.task("expenses").orElseThrow().baseline();
    assertThat(made.files()).containsExactly("baseline/summary.md");
    assertThat(made.minutes().value()).isEqualTo(45.0);
    assertThat(made.minutes().source()).isEqualTo(ValueSource.MEASURED);
    assertThat(made.hourlyWageUsd().value()).isEqualTo(48.0);
    assertThat(made.author()).isEqualTo("acc-pro");
    assertThat(next.resolve("tasks/expenses/baseline/summary.md")).content().contains("1,200");
    assertThat(written.task("handout").orElseThrow().baseline().minutes().value()).as("not chosen: unchanged")
        .isEqualTo(30.0);
    assertThat(Suites.loader().load(suite).task("expenses").orElseThrow().baseline().author())
        .as("the run's suite is never edited").isNull();
  }

  @Test
  void aSubmissionIsJudgedBlindByAModelJudgeAndReportedWithItsMeasuredAndReportedMinutes() throws Exception {
    campaignWithTheAccountantsSubmission();
    List<String> judged = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          judged.add(request.getBody().utf8());
          return new MockResponse.Builder().setHeader("Content-Type", "application/json").body("""
              {"id": "c1", "object": "chat.completion", "created": 0, "model": "j",
               "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant",
                 "content": "{\\"verdict\\": \\"A\\", \\"rationale\\": \\"A gives the total with its sources.\\"}"}}],
               "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}}
              """).build();
        }
      });
      server.start();
      Path models = Files.writeString(root.resolve("models.yaml"), """
          models:
            - name: judge
              provider: openai-compatible
              model: j
              base_url: %s
              price: {input_per_million: 1, output_per_million: 2}
          """.formatted(server.url("/v1")));

      CommandRun graded = CommandRun.of("grade", "--run", "q3", "--judge", "judge", "--models", models.toString(),
          "--pairwise", "--db", root.resolve("parity.db").toString());

      assertThat(graded.exitCode()).as(graded.err() + graded.out()).isZero();
    }
    assertThat(judged).as("the submitted attempt, against the baseline, in both orders").hasSize(2)
        .allSatisfy(body -> assertThat(body).contains("1,200").doesNotContain("acc-pro").doesNotContain("human:"));

    CommandRun report = CommandRun.of("report", "--db", root.resolve("parity.db").toString(), "--run", "q3",
        "--bootstrap", "200", "--out", root.resolve("report").toString());

    assertThat(report.exitCode()).as(report.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(root.resolve("report/report.json").toFile());
    JsonNode professionals = null;
    for (JsonNode e : json.get("economics")) {
      if (e.get("level").asText().equals("overall") && e.get("model").asText().equals("professionals")) {
        professionals = e;
      }
    }
    assertThat(professionals).as(json.get("economics").toString()).isNotNull();
    assertThat(professionals.get("model_minutes").asDouble()).as("measured on the server").isEqualTo(45.0);
    assertThat(professionals.get("model_reported_minutes").asDouble()).as("plus 5 stated outside").isEqualTo(50.0);
    assertThat(professionals.get("model_cost_usd").asDouble()).as("45 min at $48 an hour").isEqualTo(36.0);
    assertThat(json.at("/groups/0/model").asText()).isEqualTo("professionals");
    assertThat(json.at("/groups/0/n_judgments").asInt()).as("both orders make one judgment").isEqualTo(1);
    assertThat(json.at("/groups/0/ties").asInt()).as("a judge answering A in both orders contradicts itself: a tie")
        .isEqualTo(1);
  }
}

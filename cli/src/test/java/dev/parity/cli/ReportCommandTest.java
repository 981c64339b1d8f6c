package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  static final Path SAMPLE = Path.of("..", "suites", "sample");
  static final Path ANSWERS = Path.of("..", "suites", "sample-answers", "example-model");
  static final Path EXAMPLE_JUDGMENTS = Path.of("..", "suites", "sample-answers", "judgments.example.csv");
  @TempDir Path folder;

  @Test
  void aJudgmentsFileAloneMakesAReportAndExampleDataIsSaidToBeSo() throws Exception {
    CommandRun run = CommandRun.of("report", "--judgments", EXAMPLE_JUDGMENTS.toString(), "--suite", SAMPLE.toString(),
        "--out", folder.resolve("out").toString(), "--bootstrap", "500");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("EXAMPLE DATA:")
        .contains("example-model: score 34.6% (95% interval ")
        .contains("13 tasks, 39 judgments): too few tasks to tell; GDPval's win-or-tie rate 53.8%")
        .contains("wrote report.html, report.md, report.json, judgments.csv, attempts.csv");
    for (String name : List.of("report.html", "report.md", "report.json", "judgments.csv", "attempts.csv")) {
      assertThat(folder.resolve("out").resolve(name)).isNotEmptyFile();
    }
    JsonNode report = new ObjectMapper().readTree(folder.resolve("out/report.json").toFile());
    assertThat(report.get("provenance").get("example_data").asBoolean()).isTrue();
    assertThat(report.get("provenance").get("bootstrap_resamples").asInt()).isEqualTo(500);
    assertThat(Files.readString(folder.resolve("out/report.html"))).contains("id=\"example-data\"");
  }

  @Test
  void aRunInTheStoreAndJudgmentsFromAFileMakeOneReport() throws Exception {
    Path db = folder.resolve("parity.db");
    Path models = Files.writeString(folder.resolve("models.json"), new ObjectMapper().writeValueAsString(
        Map.of("models", List.of(Map.of("name", "example-model", "provider", "replay",
            "model", ANSWERS.toAbsolutePath().toString())))));
    CommandRun ran = CommandRun.of("run", "--suite", SAMPLE.toString(), "--models", models.toString(),
        "--db", db.toString(), "--run-id", "demo", "--tasks", "card-dispute-reply,travel-expense-summary");
    assertThat(ran.exitCode()).as(ran.err() + ran.out()).isZero();

    CommandRun report = CommandRun.of("report", "--run", "demo", "--db", db.toString(), "--judgments",
        EXAMPLE_JUDGMENTS.toString(), "--out", folder.resolve("out").toString(), "--bootstrap", "500");

    assertThat(report.exitCode()).as(report.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(folder.resolve("out/report.json").toFile());
    assertThat(json.get("provenance").get("run_ids").get(0).asText()).isEqualTo("demo");
    assertThat(json.get("provenance").get("suite_name").asText()).as("the run's suite, found by itself").isEqualTo("sample");
    assertThat(json.get("notes").toString()).contains("No speed and cost figures for example-model: it replays recorded answers");
    assertThat(Files.readAllLines(folder.resolve("out/attempts.csv"))).hasSize(3);
    assertThat(Files.readString(folder.resolve("out/attempts.csv"))).contains("demo,example-model,replay");
  }

  @Test
  void aCampaignsSubmittedVerdictsMakeAReport() throws Exception {
    Path suite = TestSuites.valid(Files.createDirectories(folder.resolve("suite")));
    for (String task : List.of("expenses", "handout")) {
      Path answer = Files.createDirectories(folder.resolve("out/model-x").resolve(task));
      Files.writeString(answer.resolve("answer.md"), "# Answer of " + task + "\n\nAll figures are in.\n");
    }
    Files.writeString(folder.resolve("graders.csv"), """
        id,display_name,email,occupations,role
        rn-1,Cy,cy@example.org,Registered Nurses; Accountants and Auditors,grader
        """);
    String db = folder.resolve("parity.db").toString();
    assertThat(CommandRun.of("campaign", "create", "--db", db, "--suite", suite.toString(), "--deliverables",
        folder.resolve("out").toString(), "--graders", folder.resolve("graders.csv").toString(), "--per-pair", "1",
        "--attention-rate", "0", "--name", "q3", "--seed", "5").exitCode()).isZero();
    Path packet = folder.resolve("packet");
    assertThat(CommandRun.of("campaign", "export-packets", "--db", db, "--grader", "rn-1", "--out",
        packet.toString()).exitCode()).isZero();
    List<String> form = Files.readAllLines(packet.resolve("form.csv"));
    List<String> filled = new java.util.ArrayList<>(List.of(form.get(0)));
    for (String row : form.subList(1, form.size())) {
      String[] cells = row.split(",", -1);
      filled.add(cells[0] + "," + cells[1] + "," + cells[2] + ",tie,\"Both give every figure and cite the same sources\",,,,12,,");
    }
    Files.write(packet.resolve("form.csv"), filled);
    CommandRun imported = CommandRun.of("campaign", "import-grades", "--db", db, packet.resolve("form.csv").toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    CommandRun report = CommandRun.of("report", "--campaign", "q3", "--db", db, "--suite", suite.toString(),
        "--out", folder.resolve("report").toString(), "--bootstrap", "200");

    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out()).contains("model-x: score 50.0% (95% interval 9.5–90.5%, 2 tasks, 2 judgments): too few tasks "
        + "to tell; GDPval's win-or-tie rate 100.0%");
    JsonNode json = new ObjectMapper().readTree(folder.resolve("report/report.json").toFile());
    assertThat(json.at("/provenance/sources/0/kind").asText()).isEqualTo("campaign");
    assertThat(json.at("/provenance/human_graders").asInt()).isEqualTo(1);
    assertThat(CommandRun.of("report", "--campaign", "nope", "--db", db, "--out", folder.toString()).err())
        .contains("no such campaign");
  }

  /**
   * A report only reads its suite, so it loads it through the load cache in the user's cache folder
   * (the tests' {@code XDG_CACHE_HOME}): the second report, from the cache, is the first one, suite
   * hash included, and a task edited since is read again.
   */
  @Test
  void aSecondReportFromTheSuiteLoadCacheIsTheSameAndAnEditedTaskIsReadAgain() throws Exception {
    Path suite = copy(SAMPLE, folder.resolve("suite"));
    Path caches = Path.of(System.getenv("XDG_CACHE_HOME"), "parity", "suites");
    String[] args = {"report", "--judgments", EXAMPLE_JUDGMENTS.toString(), "--suite", suite.toString(),
        "--bootstrap", "200", "--out", ""};

    JsonNode cold = report(args, folder.resolve("cold"));
    assertThat(cacheOf(caches, suite)).as("the suite's load cache, in the user's cache folder").isPresent();
    JsonNode warm = report(args, folder.resolve("warm"));

    ((com.fasterxml.jackson.databind.node.ObjectNode) cold.get("provenance")).remove("generated_at");
    ((com.fasterxml.jackson.databind.node.ObjectNode) warm.get("provenance")).remove("generated_at");
    assertThat(warm).isEqualTo(cold);
    assertThat(suite.resolve(".cache")).doesNotExist();

    Path task = suite.resolve("tasks/card-dispute-reply/task.json");
    Files.writeString(task, Files.readString(task).replace("Reply to a member's credit-card dispute",
        "Answer a member's credit-card dispute"));
    Files.setLastModifiedTime(task, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(task).toMillis() + 2_000));
    JsonNode edited = report(args, folder.resolve("edited"));

    assertThat(edited.get("provenance").get("suite_hash")).isNotEqualTo(cold.get("provenance").get("suite_hash"));
    assertThat(edited.get("tasks").toString()).contains("Answer a member's credit-card dispute")
        .doesNotContain("Reply to a member's credit-card dispute");
  }

  private static JsonNode report(String[] args, Path out) throws Exception {
    String[] to = args.clone();
    to[to.length - 1] = out.toString();
    CommandRun run = CommandRun.of(to);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  /** The load cache file of {@code suite} in {@code caches}: the one that names the suite's path. */
  private static java.util.Optional<Path> cacheOf(Path caches, Path suite) throws Exception {
    byte[] name = suite.toRealPath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (var files = Files.list(caches)) {
      return files.filter(f -> contains(read(f), name)).findFirst();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      return new byte[0];
    }
  }

  private static boolean contains(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return true;
      }
    }
    return false;
  }

  static Path copy(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return to;
  }

  @Test
  void withNoSourceTheCommandSaysWhatIsMissing() {
    CommandRun run = CommandRun.of("report", "--out", folder.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nothing to report: give --run ID, --campaign ID or --judgments FILE.csv");
  }

  @Test
  void anUnknownRunOrABadFileFailsWithAMessageNamingIt() throws Exception {
    Path db = folder.resolve("parity.db");
    dev.parity.harness.store.Store.open(db).close();
    CommandRun noRun = CommandRun.of("report", "--run", "nope", "--db", db.toString(), "--out", folder.resolve("out").toString());
    assertThat(noRun.exitCode()).isEqualTo(1);
    assertThat(noRun.err()).contains("no run \"nope\"");

    CommandRun noStore = CommandRun.of("report", "--run", "nope", "--db", folder.resolve("missing.db").toString(),
        "--out", folder.resolve("out").toString());
    assertThat(noStore.exitCode()).isEqualTo(1);
    assertThat(noStore.err()).contains("no store at");

    Path bad = Files.writeString(folder.resolve("bad.csv"), "task_id,model,grader,outcome\nt1,m,g,maybe\n");
    CommandRun badFile = CommandRun.of("report", "--judgments", bad.toString(), "--out", folder.resolve("out").toString());
    assertThat(badFile.exitCode()).isEqualTo(1);
    assertThat(badFile.err()).contains("line 2").contains("maybe");
  }

  @Test
  void aReportThatCannotBeComputedLeavesNoFolderAndNoFileBehind() throws Exception {
    Path twice = Files.writeString(folder.resolve("twice.csv"),
        "task_id,model,grader,outcome,occupation,sector\nt1,m,g,win,Nurses,Health\nt1,m,g,loss,Nurses,Health\n");
    Path earlier = Files.createDirectories(folder.resolve("earlier"));
    Files.writeString(earlier.resolve("judgments.csv"), "an earlier report's\n");

    CommandRun intoNew = CommandRun.of("report", "--judgments", twice.toString(), "--out", folder.resolve("new/out").toString());
    CommandRun intoEarlier = CommandRun.of("report", "--judgments", twice.toString(), "--out", earlier.toString());

    assertThat(intoNew.exitCode()).isEqualTo(1);
    assertThat(intoNew.err()).contains("judged m against baseline on task 't1' (sample 0) twice, win and loss");
    assertThat(folder.resolve("new")).doesNotExist();
    assertThat(intoEarlier.exitCode()).isEqualTo(1);
    try (var left = Files.list(earlier)) {
      assertThat(left).containsExactly(earlier.resolve("judgments.csv"));
    }
    assertThat(earlier.resolve("judgments.csv")).hasContent("an earlier report's");
  }

  @Test
  void aSuiteThatCannotBeLoadedIsReportedBeforeABadJudgmentsFileReadMeanwhile() throws Exception {
    Path bad = Files.writeString(folder.resolve("bad.csv"), "task_id,model,grader,outcome\nt1,m,g,maybe\n");
    Path missing = folder.resolve("no-such-suite");

    CommandRun run = CommandRun.of("report", "--judgments", bad.toString(), "--suite", missing.toString(),
        "--out", folder.resolve("out").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no-such-suite").doesNotContain("maybe");
  }

  @Test
  void aFileNamedExampleIsExampleData() {
    assertThat(ReportCommand.isExample(Path.of("x/judgments.example.csv"))).isTrue();
    assertThat(ReportCommand.isExample(Path.of("x/JUDGMENTS.EXAMPLE.CSV"))).isTrue();
    assertThat(ReportCommand.isExample(Path.of("x/judgments.csv"))).isFalse();
  }
}

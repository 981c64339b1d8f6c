package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.graders.baseline.BaselineCampaigns;
import dev.parity.graders.baseline.WorkFiles;
import dev.parity.graders.baseline.Workbench;
import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.Grader;
import dev.parity.graders.campaign.Role;
import dev.parity.tasks.Baseline;
import dev.parity.tasks.DeliverableSpec;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import dev.parity.tasks.TaskRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work pages over HTTP: who may see what, CSRF, and how files are sent back. */
class WorkPagesTest {
  @TempDir Path folder;
  CampaignFixture store;
  GradingServer server;
  Workbench bench;

  @BeforeEach
  void start() {
    store = new CampaignFixture(folder.resolve("store"));
    Task task = new Task("memo", "Write the memo", CampaignFixture.ACCOUNTANTS, "Finance",
        new TaskRequest("CFO", "Please write the memo."), List.of(),
        new DeliverableSpec(List.of(FileFormat.MD), "A memo"),
        new Baseline(List.of("baseline/memo.md"), 60, 50, "someone", 12.0), List.of(), null, List.of(), null);
    Suite suite = new Suite("sample", "1.0", "test", "CC-BY-4.0", folder, List.of(task), "sha256:test");
    new BaselineCampaigns(store.database, store.clock).create("c", suite, List.of(task), List.of(
        pro("pro"), pro("other"), new Grader("boss", "Boss", "boss@example.org", List.of(), Role.ADMIN)), 2, 5);
    server = GradingServer.builder(store.database, store.blobs).clock(store.clock).listen("127.0.0.1", 0)
        .bcryptStrength(4).start();
    bench = new Workbench(store.database, store.clock);
  }

  private static Grader pro(String id) {
    return new Grader(id, "Pro " + id, id + "@example.org", List.of("Accountants and Auditors"),
        EnumSet.of(Role.PROFESSIONAL), 40.0);
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private Client signedIn(String id) {
    Client client = new Client(server.url());
    String token = store.accounts.invite(id, Duration.ofDays(1));
    HttpResponse<String> form = client.get("/invite/" + token);
    client.post("/invite/" + token, Map.of("_csrf", Client.formToken(form.body()), "password", AppFixture.PASSWORD,
        "confirm", AppFixture.PASSWORD));
    return client;
  }

  @Test
  void aProfessionalSeesOnlyTheirOwnWork() {
    String mine = bench.list("pro").get(0).id();
    String theirs = bench.list("other").get(0).id();
    Client pro = signedIn("pro");

    assertThat(pro.get("/queue").body()).as("signing in leads to the queue, which points to the tasks")
        .contains("id=\"my-tasks\"");
    HttpResponse<String> list = pro.get("/work");
    assertThat(list.body()).contains("/w/" + mine).doesNotContain(theirs);
    assertThat(pro.get("/w/" + mine).statusCode()).isEqualTo(200);
    assertThat(pro.get("/w/" + theirs).statusCode()).isEqualTo(403);
    String csrf = Client.csrf(pro.get("/w/" + mine).body());
    assertThat(pro.post("/w/" + theirs + "/start", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
    assertThat(pro.get("/w/" + theirs + "/files/U/1").statusCode()).isEqualTo(403);
    assertThat(new Client(server.url()).get("/w/" + mine).statusCode()).as("signed out: to the sign-in page")
        .isEqualTo(302);
  }

  @Test
  void theClockChangesOnlyWithTheSessionsCsrfToken() {
    String mine = bench.list("pro").get(0).id();
    Client pro = signedIn("pro");

    assertThat(pro.post("/w/" + mine + "/start", Map.of()).statusCode()).isEqualTo(403);
    assertThat(bench.open("pro", mine).item().status().id()).isEqualTo("open");
    String csrf = Client.csrf(pro.get("/w/" + mine).body());
    assertThat(pro.post("/w/" + mine + "/start", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
    assertThat(bench.open("pro", mine).item().status().id()).isEqualTo("running");
  }

  @Test
  void anUploadIsSentBackAsAnAttachmentWithoutActiveContent() {
    String mine = bench.list("pro").get(0).id();
    bench.start("pro", mine);
    bench.upload("pro", mine, "memo.md", "# Memo\n\n<script>alert(1)</script>\n".getBytes(StandardCharsets.UTF_8));
    Client pro = signedIn("pro");

    HttpResponse<byte[]> download = pro.bytes("/w/" + mine + "/files/U/1");

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"memo.md\"");
    assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
    assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
  }

  @Test
  void anUploadFromTheFormIsKeptAndOneOverTheLimitIsRefusedWithNothingKept() {
    String mine = bench.list("pro").get(0).id();
    bench.start("pro", mine);
    Client pro = signedIn("pro");
    String csrf = Client.csrf(pro.get("/w/" + mine).body());

    HttpResponse<String> kept = pro.postFile("/w/" + mine + "/files", Map.of("_csrf", csrf), "files", "memo.md",
        "# Memo\n\nDone.\n".getBytes(StandardCharsets.UTF_8));
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(302);
    assertThat(bench.open("pro", mine).uploads()).extracting(u -> u.name()).containsExactly("memo.md");

    byte[] justOver = new byte[WorkFiles.MAX_FILE_BYTES + 1];
    HttpResponse<String> checked = pro.postFile("/w/" + mine + "/files", Map.of("_csrf", csrf), "files", "big.md",
        justOver);
    byte[] farOver = new byte[WorkFiles.MAX_FILE_BYTES + 4 * 1024 * 1024];
    HttpResponse<String> refused = pro.postFile("/w/" + mine + "/files", Map.of("_csrf", csrf), "files", "huge.md",
        farOver);

    assertThat(checked.statusCode()).as("the checks refuse it with what is wrong").isEqualTo(422);
    assertThat(checked.body()).contains("big.md");
    assertThat(refused.statusCode()).as("the server refuses it before reading it whole").isEqualTo(413);
    assertThat(refused.body()).contains("A file is larger than the 20 MB a file may have")
        .contains("nothing of this upload was kept");
    assertThat(bench.open("pro", mine).uploads()).as("nothing of either was kept").extracting(u -> u.name())
        .containsExactly("memo.md");
  }

  @Test
  void submittingAsksForWhatIsMissingBeforeTheConfirmation() {
    String mine = bench.list("pro").get(0).id();
    bench.start("pro", mine);
    Client pro = signedIn("pro");
    String csrf = Client.csrf(pro.get("/w/" + mine).body());

    HttpResponse<String> incomplete = pro.post("/w/" + mine + "/submit", Map.of("_csrf", csrf, "notes", "n"));
    assertThat(incomplete.statusCode()).isEqualTo(422);
    assertThat(incomplete.body()).contains("say whether you used AI tools");

    HttpResponse<String> confirm = pro.post("/w/" + mine + "/submit", Map.of("_csrf", csrf, "ai_used", "yes",
        "ai_tools", "Copilot", "outside_minutes", "3"));
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("handing-in").contains("Copilot").contains("You are handing in no file.");
    assertThat(bench.open("pro", mine).item().status().id()).as("nothing handed in before confirming")
        .isEqualTo("running");

    assertThat(pro.post("/w/" + mine + "/submit", Map.of("_csrf", csrf, "confirm", "yes")).statusCode()).isEqualTo(302);
    assertThat(pro.post("/w/" + mine + "/submit", Map.of("_csrf", csrf, "confirm", "yes")).statusCode())
        .as("a second submit changes nothing").isEqualTo(302);
    assertThat(bench.open("pro", mine).item().status().id()).isEqualTo("submitted");
  }

  @Test
  void anAdminFollowsProgressChoosesTheNewBaselineAndExportsTheTimes() {
    String mine = bench.list("pro").get(0).id();
    bench.start("pro", mine);
    store.clock.advance(Duration.ofMinutes(30));
    bench.upload("pro", mine, "memo.md", "# Memo\n\nDone.\n".getBytes(StandardCharsets.UTF_8));
    bench.save("pro", mine, "", "", 0.0);
    bench.submit("pro", mine);
    assertThat(signedIn("pro").get("/admin/baselines").statusCode()).isEqualTo(403);
    Client boss = signedIn("boss");
    String campaignId = new BaselineCampaigns(store.database, store.clock).find("c").orElseThrow().id();

    HttpResponse<String> page = boss.get("/admin/baselines/" + campaignId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("handed in").contains("0:30:00").contains("not started").contains("Choose");
    HttpResponse<String> chosen = boss.post("/admin/baselines/" + campaignId + "/choose",
        Map.of("_csrf", Client.csrf(page.body()), "task", "memo", "person", "pro"));
    assertThat(chosen.statusCode()).isEqualTo(302);
    HttpResponse<String> csv = boss.get("/admin/baselines/" + campaignId + "/work.csv");
    assertThat(csv.body().lines()).contains("person_id,task_id,status,measured_minutes,outside_minutes,pauses,"
        + "started_at,submitted_at,chosen").anyMatch(l -> l.startsWith("pro,memo,submitted,30.00,0.0,0,")
        && l.endsWith(",true")).anyMatch(l -> l.startsWith("other,memo,open,0.00,,0,,,false"));
  }
}

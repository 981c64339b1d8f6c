package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.graders.campaign.DeliverableView;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {
  static final String RATIONALE = "Deliverable A covers every figure that was asked for.";
  @TempDir Path folder;
  AppFixture app;

  @BeforeEach
  void start() {
    app = new AppFixture(folder, 4, DeliverableView.plain(), false);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  String firstAssignment(String grader) {
    return app.store.assignments.nextOpen(grader).orElseThrow();
  }

  @Test
  void anotherGradersAssignmentIsForbiddenOnEveryRoute() {
    Client acc1 = app.signedIn("acc1");
    String csrf = Client.csrf(acc1.get("/queue").body());
    String theirs = firstAssignment("acc2");

    assertThat(acc1.get("/a/" + theirs).statusCode()).isEqualTo(403);
    assertThat(acc1.bytes("/a/" + theirs + "/files/A/1").statusCode()).isEqualTo(403);
    assertThat(acc1.postJson("/a/" + theirs + "/draft", "{\"rationale\":\"mine now\"}", csrf).statusCode()).isEqualTo(403);
    assertThat(acc1.post("/a/" + theirs + "/submit", Map.of("_csrf", csrf, "verdict", "A", "rationale", RATIONALE,
        "version", "0")).statusCode()).isEqualTo(403);
    assertThat(acc1.get("/a/" + "f".repeat(32)).statusCode()).isEqualTo(404);
    assertThat(acc1.get("/a/..%2Fadmin").statusCode()).isEqualTo(404);
    assertThat(app.store.assignments.open("acc2", theirs).draft()).isNull();
    assertThat(app.store.assignments.open("acc2", theirs).version()).isZero();
  }

  @Test
  void adminPagesAreForbiddenToGraders() {
    Client acc1 = app.signedIn("acc1");
    String csrf = Client.csrf(acc1.get("/queue").body());
    String id = app.campaign.id();

    for (String path : List.of("/admin", "/admin/campaigns/" + id, "/admin/campaigns/" + id + "/judgments.csv",
        "/admin/campaigns/" + id + "/rubric-scores.csv")) {
      assertThat(acc1.get(path).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(acc1.post("/admin/graders/acc2/invite", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
    Client boss = app.signedIn("boss");
    assertThat(boss.get("/admin/campaigns/" + id).statusCode()).isEqualTo(200);
    assertThat(boss.get("/admin/campaigns/" + id + "/judgments.csv").body()).startsWith("task_id,contestant,opponent");
  }

  @Test
  void signedOutVisitorsAreSentToSignInAndCannotPost() {
    Client anonymous = new Client(app.server.url());
    String id = firstAssignment("acc1");
    assertThat(anonymous.get("/queue").headers().firstValue("Location")).hasValue("/sign-in");
    assertThat(anonymous.get("/a/" + id).headers().firstValue("Location")).hasValue("/sign-in");
    assertThat(anonymous.get("/admin").headers().firstValue("Location")).hasValue("/sign-in");
    assertThat(anonymous.bytes("/a/" + id + "/files/A/1").statusCode()).isEqualTo(302);
    assertThat(anonymous.postJson("/a/" + id + "/draft", "{}", "guess").statusCode()).isEqualTo(403);
  }

  @Test
  void stateChangesWithoutTheRightCsrfTokenAreRejectedAndChangeNothing() {
    Client acc1 = app.signedIn("acc1");
    String id = firstAssignment("acc1");
    String csrf = Client.csrf(acc1.get("/a/" + id).body());
    Map<String, String> submission = Map.of("verdict", "A", "rationale", RATIONALE, "version", "0");

    assertThat(acc1.post("/a/" + id + "/submit", submission).statusCode()).isEqualTo(403);
    assertThat(acc1.post("/a/" + id + "/submit", with(submission, "_csrf", "x" + csrf)).statusCode()).isEqualTo(403);
    assertThat(acc1.postJson("/a/" + id + "/draft", "{\"rationale\":\"draft\"}", null).statusCode()).isEqualTo(403);
    assertThat(acc1.postJson("/a/" + id + "/draft", "{\"rationale\":\"draft\"}", "wrong").statusCode()).isEqualTo(403);
    assertThat(acc1.post("/sign-out", Map.of()).statusCode()).isEqualTo(403);
    assertThat(app.store.assignments.open("acc1", id).version()).isZero();
    assertThat(app.store.assignments.open("acc1", id).draft()).isNull();
    assertThat(acc1.get("/queue").statusCode()).isEqualTo(200);

    assertThat(acc1.post("/a/" + id + "/submit", with(submission, "_csrf", csrf)).statusCode()).isEqualTo(302);
    assertThat(app.store.assignments.open("acc1", id).version()).isEqualTo(1);
  }

  @Test
  void signInNeedsTheFormsOwnTokenAndIsRateLimitedAfterFailures() {
    app.signedIn("acc1");
    Client client = new Client(app.server.url());
    assertThat(client.post("/sign-in", Map.of("login", "acc1", "password", AppFixture.PASSWORD)).statusCode())
        .isEqualTo(403);
    String token = Client.formToken(client.get("/sign-in").body());
    for (int i = 0; i < 5; i++) {
      assertThat(client.post("/sign-in", Map.of("_csrf", token, "login", "acc1", "password", "wrong password " + i))
          .statusCode()).isEqualTo(401);
    }
    HttpResponse<String> limited = client.post("/sign-in",
        Map.of("_csrf", token, "login", "acc1", "password", AppFixture.PASSWORD));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("Too many failed sign-ins");
    assertThat(client.cookies).doesNotContainKey(Guard.SESSION_COOKIE);

    app.store.clock.advance(java.time.Duration.ofMinutes(16));
    assertThat(client.post("/sign-in", Map.of("_csrf", token, "login", "ACC1@example.org",
        "password", AppFixture.PASSWORD)).statusCode()).isEqualTo(302);
    assertThat(client.get("/queue").statusCode()).isEqualTo(200);
  }

  @Test
  void anInviteWorksOnceAndSessionCookiesAreHttpOnlyAndStrict() {
    Client client = new Client(app.server.url());
    String token = app.store.accounts.invite("acc1", java.time.Duration.ofDays(1));
    String formToken = Client.formToken(client.get("/invite/" + token).body());
    HttpResponse<String> accepted = client.post("/invite/" + token,
        Map.of("_csrf", formToken, "password", AppFixture.PASSWORD, "confirm", AppFixture.PASSWORD));
    assertThat(accepted.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith(Guard.SESSION_COOKIE))
        .singleElement().satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Strict", "Path=/"));
    assertThat(client.get("/invite/" + token).statusCode()).isEqualTo(410);

    String csrf = Client.csrf(client.get("/queue").body());
    assertThat(client.post("/sign-out", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
    assertThat(client.get("/queue").statusCode()).isEqualTo(302);
  }

  @Test
  void theStoreKeepsNeitherASessionsTokenNorItsCsrfToken() {
    Client acc1 = app.signedIn("acc1");
    String cookie = acc1.cookies.get(Guard.SESSION_COOKIE);
    String csrf = Client.csrf(acc1.get("/queue").body());
    // Every column of every row, whatever columns the table grows.
    List<String> stored = app.store.database.read("read sessions", h -> {
      List<String> rows = new java.util.ArrayList<>();
      try (java.sql.ResultSet r = h.connection().createStatement().executeQuery("SELECT * FROM grading_sessions")) {
        while (r.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
            row.append(r.getString(i)).append(' ');
          }
          rows.add(row.toString());
        }
      }
      return rows;
    });

    assertThat(stored).singleElement().satisfies(row -> assertThat(row).doesNotContain(cookie).doesNotContain(csrf));
    assertThat(csrf).isNotEqualTo(cookie);
  }

  @Test
  void everyResponseForbidsInlineScriptsAndOutsideLoads() {
    Client acc1 = app.signedIn("acc1");
    for (String path : List.of("/queue", "/a/" + firstAssignment("acc1"), "/static/app.js", "/sign-in", "/nowhere")) {
      HttpResponse<String> response = acc1.get(path);
      String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(policy).as(path).contains("default-src 'none'", "script-src 'self'").doesNotContain("unsafe-inline");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      if (response.statusCode() / 100 != 3) {
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path).contains("charset=utf-8");
      }
      assertThat(response.body()).doesNotContain("<script>", "style=\"");
    }
  }

  static Map<String, String> with(Map<String, String> form, String name, String value) {
    Map<String, String> copy = new java.util.HashMap<>(form);
    copy.put(name, value);
    return copy;
  }
}

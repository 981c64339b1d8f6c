package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.store.Database;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two grading servers on one store, each with its own connections, as two replicas behind a load
 * balancer would be: whatever one knows of a grader (session, CSRF token, draft, failed sign-ins)
 * the other knows too. Real HTTP on both; on SQLite (two connection pools on one file) and on
 * PostgreSQL (where the files are in the database too, so the servers share nothing else).
 */
@ParameterizedClass
@EnumSource(Engine.class)
class ReplicasTest {
  @Parameter Engine engine;
  @RegisterExtension final TestStores stores = new TestStores();
  AppFixture app;
  Database replicaDatabase;
  GradingServer replica;

  @BeforeEach
  void start() {
    String location = stores.location(engine);
    app = new AppFixture(new CampaignFixture(stores.open(location)), 4, DeliverableView.plain(), false, null);
    replicaDatabase = stores.open(location);
    replica = GradingServer.builder(replicaDatabase, replicaDatabase.blobs()).clock(app.store.clock)
        .listen("127.0.0.1", 0).bcryptStrength(4).start();
  }

  @AfterEach
  void stop() {
    replica.close();
    replicaDatabase.close();
    app.close();
  }

  private String onReplica(String path) {
    return replica.url() + path;
  }

  private Client signedInWithPassword(String graderId) {
    app.signedIn(graderId);
    Client client = new Client(app.server.url());
    String formToken = Client.formToken(client.get("/sign-in").body());
    HttpResponse<String> signIn = client.post("/sign-in", Map.of("_csrf", formToken, "login", graderId,
        "password", AppFixture.PASSWORD));
    assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
    return client;
  }

  @Test
  void aGraderSignsInOnOneReplicaAndSavesAndSubmitsOnTheOther() {
    Client grader = signedInWithPassword("acc1");
    String id = app.store.assignments.nextOpen("acc1").orElseThrow();
    String csrf = Client.csrf(grader.get("/a/" + id).body());

    assertThat(grader.postJson(onReplica("/a/" + id + "/draft"), "{\"rationale\":\"Half written on the replica\"}",
        csrf).statusCode()).isEqualTo(200);
    assertThat(grader.get("/a/" + id).body()).contains("Half written on the replica");

    HttpResponse<String> submitted = grader.post(onReplica("/a/" + id + "/submit"), Map.of("_csrf", csrf,
        "verdict", "A", "rationale", SecurityTest.RATIONALE, "version", "0"));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
    assertThat(app.store.assignments.open("acc1", id).version()).isEqualTo(1);
    assertThat(app.store.assignments.open("acc1", id).draft()).isNull();
  }

  @Test
  void aSessionSignedOutOnOneReplicaIsRefusedByTheOther() {
    Client grader = signedInWithPassword("acc1");
    String cookie = grader.cookies.get(Guard.SESSION_COOKIE);
    String id = app.store.assignments.nextOpen("acc1").orElseThrow();
    String csrf = Client.csrf(grader.get(onReplica("/queue")).body());

    assertThat(grader.post(onReplica("/sign-out"), Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);

    // Someone who kept the cookie and the token gets nothing from the first server.
    Client stolen = new Client(app.server.url());
    stolen.cookies.put(Guard.SESSION_COOKIE, cookie);
    assertThat(stolen.get("/queue").headers().firstValue("Location")).hasValue("/sign-in");
    assertThat(stolen.postJson("/a/" + id + "/draft", "{\"rationale\":\"after sign-out\"}", csrf).statusCode())
        .isEqualTo(403);
    assertThat(app.store.assignments.open("acc1", id).draft()).isNull();
  }

  @Test
  void failedSignInsOnOneReplicaCountOnTheOther() {
    app.signedIn("acc1");
    Client client = new Client(app.server.url());
    String formToken = Client.formToken(client.get("/sign-in").body());
    for (int i = 0; i < 5; i++) {
      String server = i % 2 == 0 ? "/sign-in" : onReplica("/sign-in");
      assertThat(client.post(server, Map.of("_csrf", formToken, "login", "acc1", "password", "wrong " + i))
          .statusCode()).isEqualTo(401);
    }
    HttpResponse<String> limited = client.post(onReplica("/sign-in"), Map.of("_csrf", formToken, "login",
        "ACC1@example.org", "password", AppFixture.PASSWORD));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("Try again in a minute");
  }
}

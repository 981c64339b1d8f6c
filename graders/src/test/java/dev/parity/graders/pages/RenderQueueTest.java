package dev.parity.graders.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.documents.PageOptions;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.DeliverableView;
import dev.parity.graders.testing.FakePageRenderers;
import dev.parity.store.BlobStore;
import dev.parity.store.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Engine.class)
class RenderQueueTest {
  @Parameter Engine engine;
  @RegisterExtension final TestStores stores = new TestStores();
  static final PageOptions SMALL = new PageOptions(2, 200);
  Database database;
  BlobStore blobs;
  PageCache cache;

  @BeforeEach
  void open() {
    database = stores.open(engine);
    blobs = database.blobs();
    cache = new PageCache(database, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aFileIsDrawnOnceAndThenServedFromTheCacheEvenByAnotherProcess() {
    String sha = blobs.put(FakePageRenderers.pdf("one", "two", "three"));
    FakePageRenderers.Held renderer = new FakePageRenderers.Held(false, "test 1");
    try (RenderQueue queue = queue(renderer)) {
      PageRender render = queue.render(sha, FileFormat.PDF).join();
      assertThat(render.status()).isEqualTo(RenderStatus.DONE);
      assertThat(render.pageCount()).isEqualTo(3);
      assertThat(render.pages()).extracting(PageRef::number).containsExactly(1, 2);
      assertThat(render.truncated()).isTrue();
      assertThat(render.pages().get(0).height()).as("the long edge, give or take PDFBox's rounding").isBetween(199, 200);
      assertThat(queue.png(sha, FileFormat.PDF, 2)).get().satisfies(png -> assertThat(png).startsWith(0x89, 'P', 'N', 'G'));
      assertThat(queue.png(sha, FileFormat.PDF, 3)).isEmpty();
      assertThat(queue.request(sha, FileFormat.PDF).status()).isEqualTo(RenderStatus.DONE);
      assertThat(queue.render(sha, FileFormat.PDF).join().pages()).hasSize(2);
    }
    assertThat(renderer.drawn).hasSize(1);

    FakePageRenderers.Held again = new FakePageRenderers.Held(false, "test 1");
    try (RenderQueue queue = queue(again)) {
      assertThat(queue.request(sha, FileFormat.PDF).status()).isEqualTo(RenderStatus.DONE);
    }
    assertThat(again.drawn).as("a hit in the store: nothing drawn").isEmpty();

    FakePageRenderers.Held newer = new FakePageRenderers.Held(false, "test 2");
    try (RenderQueue queue = queue(newer)) {
      assertThat(queue.render(sha, FileFormat.PDF).join().status()).isEqualTo(RenderStatus.DONE);
    }
    assertThat(newer.drawn).as("another renderer version misses").hasSize(1);
  }

  @Test
  void onlyTheStrippedCopyIsDrawn() {
    byte[] original = FakePageRenderers.pdf("with metadata");
    byte[] stripped = FakePageRenderers.pdf("stripped");
    DeliverableView stripping = new DeliverableView() {
      @Override
      public byte[] strip(String name, byte[] bytes) {
        assertThat(name).endsWith(".pdf");
        return stripped;
      }

      @Override
      public Shown render(String name, byte[] bytes) {
        throw new AssertionError("not used");
      }

      @Override
      public String stylesheet() {
        return "";
      }
    };
    FakePageRenderers.Held renderer = new FakePageRenderers.Held(false, "test 1");
    try (RenderQueue queue = new RenderQueue(cache, blobs, stripping, renderer, SMALL, 1)) {
      queue.render(blobs.put(original), FileFormat.PDF).join();
    }
    assertThat(renderer.drawn).containsExactly(stripped);
  }

  @Test
  void aFileThatCannotBeDrawnIsRecordedWithItsReasonAndTheNextOneIsDrawn() {
    String broken = blobs.put("not a PDF at all".getBytes(StandardCharsets.UTF_8));
    String good = blobs.put(FakePageRenderers.pdf("fine"));
    try (RenderQueue queue = queue(new FakePageRenderers.Held(false, "test 1"))) {
      PageRender failed = queue.render(broken, FileFormat.PDF).join();
      assertThat(failed.status()).isEqualTo(RenderStatus.FAILED);
      assertThat(failed.reason()).contains("cannot be drawn as pages");
      assertThat(queue.render(good, FileFormat.PDF).join().status()).isEqualTo(RenderStatus.DONE);
      assertThat(cache.find(queue.key(broken, FileFormat.PDF)).orElseThrow().reason()).isEqualTo(failed.reason());
    }
    try (RenderQueue queue = new RenderQueue(cache, blobs, DeliverableView.plain(),
        FakePageRenderers.failing("the converter timed out after 60 s"), SMALL, 1)) {
      PageRender failed = queue.render(good, FileFormat.PDF).join();
      assertThat(failed.reason()).isEqualTo("the converter timed out after 60 s");
      assertThat(queue.request(good, FileFormat.PDF).status()).as("failures are cached too").isEqualTo(RenderStatus.FAILED);
    }
  }

  @Test
  void aFileAGraderIsLookingAtIsDrawnBeforeTheFilesQueuedForACampaign() throws Exception {
    List<CampaignFile> files = List.of(file("first"), file("second"), file("third"));
    FakePageRenderers.Held renderer = new FakePageRenderers.Held(true, "test 1");
    try (RenderQueue queue = queue(renderer)) {
      assertThat(queue.queue(files)).isEqualTo(3);
      renderer.started.await();
      assertThat(queue.request(files.get(2).sha256(), FileFormat.PDF).status()).isEqualTo(RenderStatus.QUEUED);
      assertThat(queue.request(files.get(0).sha256(), FileFormat.PDF).status()).isEqualTo(RenderStatus.RENDERING);
      assertThat(cache.find(queue.key(files.get(1).sha256(), FileFormat.PDF)).orElseThrow().status())
          .isEqualTo(RenderStatus.QUEUED);
      renderer.release();
      files.forEach(f -> assertThat(queue.render(f.sha256(), FileFormat.PDF).join().status()).isEqualTo(RenderStatus.DONE));
      assertThat(queue.queue(files)).as("nothing left to draw").isZero();
    }
    assertThat(renderer.drawn).containsExactly(bytes(files.get(0)), bytes(files.get(2)), bytes(files.get(1)));
  }

  @Test
  void rendersQueuedByAnotherProcessAreDrawnWhenTheQueueResumes() {
    CampaignFile file = file("queued by campaign create");
    CampaignFile text = CampaignFile.put(blobs, "notes.md", "# not drawn".getBytes(StandardCharsets.UTF_8), null);
    FakePageRenderers.Held renderer = new FakePageRenderers.Held(false, "test 1");
    // What parity campaign create does: the rows only, no worker.
    assertThat(cache.queue(RenderKey.drawable(List.of(file, text), renderer, SMALL))).hasSize(1);
    try (RenderQueue serving = queue(renderer)) {
      assertThat(serving.resume()).isEqualTo(1);
      assertThat(serving.render(file.sha256(), FileFormat.PDF).join().status()).isEqualTo(RenderStatus.DONE);
      assertThat(serving.resume()).isZero();
    }
    assertThat(renderer.drawn).hasSize(1);
    assertThat(cache.unfinished()).isEmpty();
  }

  /**
   * The worker may finish a render between the queue's look at the store and its own entry for the
   * file: it must not be drawn again. The window is narrow, so it is crossed many times; with the
   * store read only before the entry, about one round in 400 drew a file twice under load (this
   * class's test above failed so in one pass of `mvn -B verify` in five under stress-ng).
   */
  @Test
  void aRenderFinishedWhileItIsAskedForIsNotDrawnAgain() {
    int drawnTwice = 0;
    for (int round = 0; round < 200; round++) {
      CampaignFile file = file("round " + round);
      FakePageRenderers.Held renderer = new FakePageRenderers.Held(false, "test 1");
      cache.queue(RenderKey.drawable(List.of(file), renderer, SMALL));
      try (RenderQueue serving = queue(renderer)) {
        serving.resume();
        assertThat(serving.render(file.sha256(), FileFormat.PDF).join().status()).isEqualTo(RenderStatus.DONE);
      }
      drawnTwice += renderer.drawn.size() > 1 ? 1 : 0;
    }
    assertThat(drawnTwice).as("rounds in which the file was drawn twice").isZero();
  }

  private RenderQueue queue(FakePageRenderers.Held renderer) {
    return new RenderQueue(cache, blobs, DeliverableView.plain(), renderer, SMALL, 1);
  }

  private CampaignFile file(String text) {
    return CampaignFile.put(blobs, text + ".pdf", FakePageRenderers.pdf(text), null);
  }

  private byte[] bytes(CampaignFile file) {
    return blobs.get(file.sha256());
  }
}

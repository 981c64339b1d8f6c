package dev.parity.graders.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.PageOptions;
import dev.parity.documents.PageRenderer;
import dev.parity.graders.campaign.CampaignFile;
import dev.parity.graders.campaign.CampaignFixture;
import dev.parity.graders.campaign.Candidate;
import dev.parity.graders.campaign.Packets;
import dev.parity.graders.campaign.RenderedView;
import dev.parity.graders.testing.FakePageRenderers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacketPageImagesTest {
  @TempDir Path folder;

  @Test
  void aPacketHoldsThePagesOfBothDeliverablesAndAPageShowingThemSideBySide() throws Exception {
    Path packet = export(new FakePageRenderers.Held(false, "test 1"));
    Path item = packet.resolve("item-01");
    assertThat(item.resolve("pages/deliverable-A")).isDirectoryContaining("glob:**/page-01.png")
        .isDirectoryContaining("glob:**/page-03.png");
    assertThat(item.resolve("pages/deliverable-B")).isDirectoryContaining("glob:**/page-03.png");
    assertThat(Files.readAllBytes(item.resolve("pages/deliverable-B/page-03.png"))).startsWith(0x89, 'P', 'N', 'G');
    assertThat(item.resolve("pages/reference-1/page-01.png")).exists();
    assertThat(item.resolve("pages/reference-2")).as("text files are not drawn").doesNotExist();
    String html = Files.readString(item.resolve("side-by-side.html"));
    assertThat(html).contains("<img src=\"pages/deliverable-A/page-03.png\"", "<img src=\"pages/deliverable-B/page-03.png\"")
        .doesNotContain("<script");
    String request = Files.readString(item.resolve("request.md"));
    assertThat(request).contains("## Pages", "side-by-side.html shows A and B page by page");
    assertThat(packet.resolve("README.txt")).content().contains("side-by-side.html");
  }

  @Test
  void aFileThatCouldNotBeDrawnIsNamedWithTheReasonAndTheFilesAreStillThere() throws Exception {
    Path packet = export(FakePageRenderers.failing("the converter crashed"));
    Path item = packet.resolve("item-01");
    assertThat(item.resolve("deliverable-A.pdf")).exists();
    assertThat(item.resolve("pages")).doesNotExist();
    assertThat(Files.readString(item.resolve("request.md")))
        .contains("deliverable-A.pdf could not be drawn as pages: the converter crashed");
    assertThat(Files.readString(item.resolve("side-by-side.html"))).contains("Could not be drawn: the converter crashed");
  }

  private Path export(PageRenderer renderer) {
    Path packet = folder.resolve("packet");
    try (CampaignFixture store = new CampaignFixture(folder.resolve("store"));
        RenderQueue queue = new RenderQueue(new PageCache(store.database, store.clock), store.blobs, new RenderedView(),
            renderer, new PageOptions(5, 200), 1)) {
      Candidate candidate = new Candidate(CampaignFixture.task("t1", CampaignFixture.ACCOUNTANTS), "model-x", 0, "a",
          List.of(CampaignFile.put(store.blobs, "answer.pdf", FakePageRenderers.pdf("A one", "A two", "A three"), null)),
          List.of(CampaignFile.put(store.blobs, "baseline.pdf", FakePageRenderers.pdf("B one", "B two", "B three"), null)),
          List.of(CampaignFile.put(store.blobs, "figures.pdf", FakePageRenderers.pdf("figures"), null),
              CampaignFile.put(store.blobs, "notes.md", "# Notes".getBytes(StandardCharsets.UTF_8), null)));
      store.campaigns.create(CampaignFixture.settings("packets", 1, 0), CampaignFixture.graders(1,
          CampaignFixture.ACCOUNTANTS, "acc"), List.of(candidate), "run-1");
      int items = new Packets(store.assignments, store.blobs, new RenderedView(), store.clock,
          new PacketPageImages(queue)).export("acc1", null, packet);
      assertThat(items).isEqualTo(1);
    }
    return packet;
  }
}

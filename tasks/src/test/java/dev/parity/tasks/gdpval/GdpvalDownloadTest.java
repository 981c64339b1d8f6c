package dev.parity.tasks.gdpval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads only against a local MockWebServer: never the internet. */
class GdpvalDownloadTest {
  static final String PATH = "reference_files/bb22/Population (4).xlsx";

  @TempDir Path root;
  private final MockWebServer server = new MockWebServer();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> progress = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GdpvalDownload download() {
    return new GdpvalDownload(client, URI.create(server.url("/datasets/openai/gdpval/resolve/").toString()), "abc123");
  }

  @Test
  void filesComeFromTheRevisionsPercentEncodedPathWithTheAnnouncedSize() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("workbook bytes").build());

    GdpvalDownload.Outcome outcome = download().fetch(List.of(PATH), root, progress::add);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/datasets/openai/gdpval/resolve/abc123/reference_files/bb22/Population%20%284%29.xlsx");
    assertThat(root.resolve(PATH)).hasContent("workbook bytes");
    assertThat(outcome.downloaded()).isEqualTo(1);
    assertThat(outcome.bytes()).isEqualTo(14);
    assertThat(root.resolve(PATH + ".part")).doesNotExist();
  }

  @Test
  void anInterruptedDownloadResumesFromWhereItStopped() throws Exception {
    Files.createDirectories(root.resolve(PATH).getParent());
    Files.writeString(root.resolve(PATH + ".part"), "workbook");
    server.enqueue(new MockResponse.Builder().code(206).setHeader("Content-Range", "bytes 8-13/14")
        .body(" bytes").build());

    GdpvalDownload.Outcome outcome = download().fetch(List.of(PATH), root, progress::add);

    assertThat(server.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=8-");
    assertThat(root.resolve(PATH)).hasContent("workbook bytes");
    assertThat(outcome.downloaded()).isEqualTo(1);
  }

  @Test
  void aFileShorterThanAnnouncedIsKeptToResumeAndReported() throws Exception {
    Files.createDirectories(root.resolve(PATH).getParent());
    Files.writeString(root.resolve(PATH + ".part"), "work");
    server.enqueue(new MockResponse.Builder().code(206).setHeader("Content-Range", "bytes 4-99/100")
        .body("book").build());

    GdpvalDownload.Outcome outcome = download().fetch(List.of(PATH), root, progress::add);

    assertThat(outcome.failed()).singleElement().asString()
        .contains("got 8 bytes, the server announced 100; run again to resume");
    assertThat(root.resolve(PATH)).doesNotExist();
    assertThat(root.resolve(PATH + ".part")).hasContent("workbook");
  }

  @Test
  void aFailedFileIsReportedAndTheOthersGoOn() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).body("not found").build());
    server.enqueue(new MockResponse.Builder().code(200).body("pdf").build());

    GdpvalDownload.Outcome outcome = download().fetch(List.of(PATH, "reference_files/cc/b.pdf"), root, progress::add);

    assertThat(outcome.failed()).singleElement().asString().startsWith(PATH + ": HTTP 404");
    assertThat(outcome.downloaded()).isEqualTo(1);
    assertThat(root.resolve("reference_files/cc/b.pdf")).hasContent("pdf");
  }

  @Test
  void aFileAlreadyThereIsNotFetchedAgain() throws Exception {
    Files.createDirectories(root.resolve(PATH).getParent());
    Files.writeString(root.resolve(PATH), "have it");

    GdpvalDownload.Outcome outcome = download().fetch(List.of(PATH), root, progress::add);

    assertThat(outcome.present()).isEqualTo(1);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aDownloadNeedsAPinnedRevision() {
    assertThatThrownBy(() -> new GdpvalDownload(client, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--revision");
  }
}

package dev.parity.harness.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parity.documents.FileFormat;
import dev.parity.documents.testing.TestDocuments;
import dev.parity.harness.client.Attachment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptsTest {
  @TempDir Path folder;

  @Test
  void largeBase64AndDataUrlsBecomeTheDigestOfTheBytesTheyEncode() throws Exception {
    Path pdf = TestDocuments.pdf(folder);
    Attachment attachment = Attachment.of(pdf, FileFormat.PDF);
    String base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(pdf));
    JsonNode body = Json.object()
        .put("data", base64)
        .put("url", "data:application/pdf;base64," + base64)
        .put("text", "short text stays");

    JsonNode transcript = new ObjectMapper().readTree(Transcripts.of(body, List.of()));

    String digest = "<sha256:" + attachment.sha256() + " " + Files.size(pdf) + " bytes>";
    assertThat(transcript.get("data").asText()).isEqualTo(digest);
    assertThat(transcript.get("url").asText()).isEqualTo("data:application/pdf;base64," + digest);
    assertThat(transcript.get("text").asText()).isEqualTo("short text stays");
  }

  @Test
  void longProseIsNotMistakenForBase64() {
    String prose = "The quarter closed above plan. ".repeat(100);

    assertThat(Transcripts.of(Json.object().put("text", prose), List.of())).contains(prose);
  }

  @Test
  void secretsAreRedactedEvenInsideBodiesThatAreNotJson() {
    String key = "sk-test-secret-value";

    assertThat(Transcripts.of(Json.object().put("echo", "key " + key), List.of(key)))
        .isEqualTo("{\"echo\":\"key [redacted]\"}");
    assertThat(Transcripts.ofRaw("<html>bad gateway " + key + "</html>", List.of(key)))
        .isEqualTo("<html>bad gateway [redacted]</html>");
  }

  @Test
  void aBodyWrittenOnceGivesTheSameTranscriptAsWritingItAgain() throws Exception {
    String base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(TestDocuments.pdf(folder)));
    String prose = "The quarter closed above plan. ".repeat(100);
    JsonNode withFile = Json.object().put("model", "m").put("system", prose);
    ((ObjectNode) withFile).putArray("content")
        .add("before").add("data:application/pdf;base64," + base64).add("after");
    ((ObjectNode) withFile).put("last", 1);
    JsonNode plain = Json.object().put("model", "m").put("system", prose).put("key", "sk-1");

    for (JsonNode body : List.of(withFile, plain)) {
      String written = new ObjectMapper().writeValueAsString(body);
      assertThat(Transcripts.of(body, written, List.of("sk-1"))).isEqualTo(Transcripts.of(body, List.of("sk-1")));
    }
    // Condensing copies what changes and leaves the body that is sent as it was.
    assertThat(withFile.get("content").get(1).asText()).endsWith(base64);
    assertThat(new ObjectMapper().readTree(Transcripts.of(withFile, "unused", List.of())).get("content").get(1)
        .asText()).startsWith("data:application/pdf;base64,<sha256:");
    assertThat(Transcripts.of(plain, "{\"written\":\"sk-1\"}", List.of("sk-1")))
        .isEqualTo("{\"written\":\"[redacted]\"}");
  }
}

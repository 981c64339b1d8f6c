package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps the planted vetting corpus (src/test/resources/vetting-corpus, see its README) frozen and its
 * manifest consistent: a detector's recall means something only against the files the manifest
 * describes, unchanged since they were planted.
 */
class VettingCorpusTest {
  private static final Set<String> KINDS = Set.of("email", "phone", "us_ssn", "us_itin", "uk_nino",
      "iban", "payment_card", "date_of_birth", "street_address", "gps_location", "api_key",
      "private_key", "password", "jwt", "confidentiality_marker", "author", "company", "user_name",
      "file_path");

  private final JsonNode manifest = read("manifest.json");

  @Test
  void everyFileIsAsPlanted() throws IOException {
    Iterator<Map.Entry<String, JsonNode>> files = manifest.get("files").fields();
    int count = 0;
    while (files.hasNext()) {
      Map.Entry<String, JsonNode> file = files.next();
      assertThat(sha256(file.getKey())).as(file.getKey()).isEqualTo(file.getValue().asText());
      count++;
    }
    assertThat(count).isEqualTo(8);
  }

  @Test
  void everyItemNamesAListedFileAndAKnownKind() {
    Set<String> ids = new HashSet<>();
    for (JsonNode item : manifest.get("planted")) {
      assertThat(manifest.get("files").has(item.get("file").asText())).as(item.toString()).isTrue();
      assertThat(KINDS).as(item.toString()).contains(item.get("kind").asText());
      assertThat(ids.add(item.get("id").asText())).as("duplicate id " + item.get("id")).isTrue();
    }
    for (JsonNode item : manifest.get("lookalikes")) {
      assertThat(manifest.get("files").has(item.get("file").asText())).as(item.toString()).isTrue();
      assertThat(KINDS).as(item.toString()).contains(item.get("looks_like").asText());
      assertThat(ids.add(item.get("id").asText())).as("duplicate id " + item.get("id")).isTrue();
    }
    assertThat(manifest.get("planted")).hasSize(86);
    assertThat(manifest.get("lookalikes")).hasSize(24);
  }

  private static JsonNode read(String name) {
    try (InputStream in = open(name)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the corpus manifest", e);
    }
  }

  private static String sha256(String name) throws IOException {
    try (InputStream in = open(name)) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = VettingCorpusTest.class.getResourceAsStream("/vetting-corpus/" + name);
    assertThat(in).as("corpus file " + name).isNotNull();
    return in;
  }
}

package dev.parity.documents.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task.json's values read decoded, as JSON escapes them, and redacted by writing them back escaped. */
class JsonValuesTest {
  private static final String TASK = """
      {
        "id": "memo",
        "contact": "dana.whitlock\\u0040harborline-legal.com",
        "request": {"text": "Use the key \\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\\" and open C:\\\\Users\\\\dwhitlock\\\\Desktop\\\\memo.docx"},
        "deploy": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oJlrCcM4i6kUoAoGCCqGSM49\\nAwEHoUQDQgAE1zP8lYxyuNdQ5vd0SPMYj9HnvJqxFv8vmNe3rJkqkfs0n7Tm2Ll8\\n-----END EC PRIVATE KEY-----",
        "budget": 12
      }
      """;

  @TempDir Path folder;

  @Test
  void escapedValuesAreFoundDecodedAtTheirLineAndPointer() {
    List<Finding> findings = Vetter.vet("tasks/memo/task.json", TASK.getBytes(StandardCharsets.UTF_8));

    assertThat(findings).extracting(Finding::place, Finding::kind, Finding::match).containsExactly(
        tuple("line 3 /contact", Kinds.EMAIL, "dana.whitlock@harborline-legal.com"),
        tuple("line 4 /request/text", Kinds.API_KEY, "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
        tuple("line 4 /request/text", Kinds.FILE_PATH, "C:\\Users\\dwhitlock\\Desktop\\memo.docx"),
        tuple("line 5 /deploy", Kinds.PRIVATE_KEY, """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oJlrCcM4i6kUoAoGCCqGSM49
            AwEHoUQDQgAE1zP8lYxyuNdQ5vd0SPMYj9HnvJqxFv8vmNe3rJkqkfs0n7Tm2Ll8
            -----END EC PRIVATE KEY-----"""));
  }

  @Test
  void redactionWritesTheValuesBackEscapedAndLeavesTheRestOfTheFileAsItWas() throws IOException {
    Path suite = Files.createDirectories(folder.resolve("suite/tasks/memo"));
    Files.writeString(suite.resolve("task.json"), TASK);
    List<Finding> findings = Vetter.vet(suite.resolve("task.json"), "tasks/memo/task.json");

    List<Redactor.Change> changes = Redactor.redact(folder.resolve("suite"), folder.resolve("copy"), findings);

    String copy = Files.readString(folder.resolve("copy/tasks/memo/task.json"));
    JsonNode task = new ObjectMapper().readTree(copy);
    assertThat(task.get("contact").asText()).isEqualTo("[EMAIL-1]");
    assertThat(task.at("/request/text").asText()).isEqualTo("Use the key \"[API_KEY-1]\" and open [FILE_PATH-1]");
    assertThat(task.get("deploy").asText()).isEqualTo("[PRIVATE_KEY-1]");
    assertThat(copy).startsWith("{\n  \"id\": \"memo\",\n  \"contact\": \"[EMAIL-1]\",\n")
        .endsWith("\"deploy\": \"[PRIVATE_KEY-1]\",\n  \"budget\": 12\n}\n")
        .doesNotContain("harborline", "dwhitlock", "sk_live", "MHcCAQEE");
    assertThat(changes).extracting(c -> c.change().place() + " " + c.change().placeholder()).containsExactly(
        "line 3 /contact [EMAIL-1]", "line 4 /request/text [API_KEY-1]", "line 4 /request/text [FILE_PATH-1]",
        "line 5 /deploy [PRIVATE_KEY-1]");
    assertThat(Vetter.vet(folder.resolve("copy/tasks/memo/task.json"), "task.json")).isEmpty();
  }

  @Test
  void aFileThatIsNotValidJsonIsStillReadLineByLine() {
    List<Finding> findings = Vetter.vet("task.json", "{\n  \"contact\": \"ops@harborline-legal.com\",\n".getBytes(StandardCharsets.UTF_8));

    assertThat(findings).extracting(Finding::place, Finding::match)
        .containsExactly(tuple("line 2", "ops@harborline-legal.com"));
  }
}

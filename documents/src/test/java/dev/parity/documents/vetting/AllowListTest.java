package dev.parity.documents.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowListTest {
  private static Finding email(String file, String address) {
    return new Finding(file, "line 1", Category.PERSONAL, Kinds.EMAIL, Severity.MEDIUM, address, Masks.mask(Kinds.EMAIL, address));
  }

  @Test
  void anEntryAllowsAFindingOnlyWhenAllItsConditionsHold(@TempDir Path dir) throws IOException {
    AllowList list = AllowList.read(Files.writeString(dir.resolve("allow.json"), """
        {"allow": [{"value": "@EXAMPLE.org", "kind": "email", "file": "tasks/**/references/*.md", "reason": "reserved"}]}
        """));

    assertThat(list.allowing(email("tasks/a/references/notes.md", "ravi@example.org")))
        .hasValueSatisfying(entry -> assertThat(entry.reason()).isEqualTo("reserved"));
    assertThat(list.allowing(email("tasks/a/baseline/notes.md", "ravi@example.org"))).isEmpty();
    assertThat(list.allowing(email("tasks/a/references/notes.md", "ravi@harbor.com"))).isEmpty();
  }

  @Test
  void aFileThatCouldNotBeReadIsNotAllowedByAValue(@TempDir Path dir) throws IOException {
    AllowList list = AllowList.read(Files.writeString(dir.resolve("allow.json"),
        "{\"allow\": [{\"value\": \"\\u0020\", \"reason\": \"anything\"}, {\"value\": \"x\", \"reason\": \"x\"}]}"
            .replace("\\u0020", "a")));
    Finding unreadable = new Finding("a.docx", "whole file", Category.UNREAD, Kinds.UNREADABLE, Severity.HIGH, "", "not a zip");

    assertThat(list.allowing(unreadable)).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsEntryNumber(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("allow.json"),
        "{\"allow\": [{\"reason\": \"nothing to match\"}, {\"kind\": \"ssn\", \"colour\": \"red\", \"reason\": \"r\"}]}");

    assertThatThrownBy(() -> AllowList.read(file)).isInstanceOf(InvalidAllowListException.class)
        .hasMessageContaining("allow.json: allow entry 1: needs at least one of \"value\", \"kind\", \"file\"")
        .hasMessageContaining("allow entry 2: unknown field \"colour\"")
        .hasMessageContaining("allow entry 2: unknown kind \"ssn\"");
  }

  @Test
  void aFileThatIsNotJsonSaysSo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("allow.json"), "allow: everything\n");

    assertThatThrownBy(() -> AllowList.read(file)).isInstanceOf(InvalidAllowListException.class)
        .hasMessageStartingWith(file + ": not JSON");
  }
}

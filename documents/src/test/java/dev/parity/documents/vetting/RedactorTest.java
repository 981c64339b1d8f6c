package dev.parity.documents.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A redacted copy of a folder: one placeholder per value across files, the vetting record left behind. */
class RedactorTest {
  @TempDir Path folder;

  private static Finding finding(String file, String kind, String match) {
    return new Finding(file, "line 1", Category.PERSONAL, kind, Severity.HIGH, match, "***");
  }

  @Test
  void aValueFoundInOneFileIsReplacedWithTheSamePlaceholderInEveryFile() throws IOException {
    Path suite = folder.resolve("suite");
    Files.createDirectories(suite.resolve("tasks/memo"));
    Files.writeString(suite.resolve("tasks/memo/request.md"), "Write to Dana.Whitlock@harborline-legal.com\nor call +1 555 0100.\n");
    Files.writeString(suite.resolve("tasks/memo/notes.txt"), "cc dana.whitlock@harborline-legal.com and ops@harborline-legal.com\n");
    Files.writeString(suite.resolve("vetting.json"), "{}");
    Files.write(suite.resolve("tasks/memo/blob.bin"), new byte[] {1, 2, 3});

    List<Redactor.Change> changes = Redactor.redact(suite, folder.resolve("copy"), List.of(
        finding("tasks/memo/request.md", "email", "dana.whitlock@harborline-legal.com"),
        finding("tasks/memo/notes.txt", "email", "ops@harborline-legal.com"),
        finding("tasks/memo/request.md", "phone", "+1 555 0100")));

    Path copy = folder.resolve("copy");
    assertThat(Files.readString(copy.resolve("tasks/memo/request.md"))).isEqualTo("Write to [EMAIL-1]\nor call [PHONE-1].\n");
    assertThat(Files.readString(copy.resolve("tasks/memo/notes.txt"))).isEqualTo("cc [EMAIL-1] and [EMAIL-2]\n");
    assertThat(copy.resolve("tasks/memo/blob.bin")).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(copy.resolve("vetting.json")).doesNotExist();
    assertThat(changes).extracting(c -> c.file() + " " + c.change().place() + " " + c.change().placeholder()
        + " " + c.change().kind()).containsExactly(
            "tasks/memo/notes.txt line 1 [EMAIL-1] email", "tasks/memo/notes.txt line 1 [EMAIL-2] email",
            "tasks/memo/request.md line 1 [EMAIL-1] email", "tasks/memo/request.md line 2 [PHONE-1] phone");
  }

  @Test
  void aCopyIntoAFolderThatIsNotEmptyOrInsideTheSuiteIsRefused() throws IOException {
    Path suite = Files.createDirectories(folder.resolve("suite"));
    Files.writeString(suite.resolve("a.txt"), "x");

    assertThatThrownBy(() -> Redactor.redact(suite, suite.resolve("redacted"), List.of()))
        .hasMessageContaining("must not be inside the folder");
    Path full = Files.createDirectories(folder.resolve("full"));
    Files.writeString(full.resolve("b.txt"), "y");
    assertThatThrownBy(() -> Redactor.redact(suite, full, List.of())).hasMessage(full + " is not empty; give a new or empty folder");
  }
}

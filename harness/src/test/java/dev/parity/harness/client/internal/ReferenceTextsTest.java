package dev.parity.harness.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.FileFormat;
import dev.parity.documents.UnableToExtractTextException;
import dev.parity.harness.client.Attachment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference's text is extracted once per content, and is always the text of the file as it is. */
class ReferenceTextsTest {
  @TempDir Path folder;

  @Test
  void aReferenceChangedOnDiskIsSentAsItIsNowNotAsItWas() throws IOException {
    Path file = Files.writeString(folder.resolve("notes.md"), "# First version\n");
    Attachment attachment = Attachment.of(file, FileFormat.MD);
    assertThat(ReferenceTexts.of(attachment)).isEqualTo("# First version\n");

    Files.writeString(file, "# Second version\n");

    assertThat(ReferenceTexts.of(attachment)).isEqualTo("# Second version\n");
  }

  @Test
  void twoFilesWithTheSameBytesHaveTheSameText() throws IOException {
    Path one = Files.writeString(folder.resolve("a.md"), "the same notes\n");
    Path two = Files.copy(one, folder.resolve("b.md"));

    assertThat(ReferenceTexts.of(Attachment.of(two, FileFormat.MD)))
        .isEqualTo(ReferenceTexts.of(Attachment.of(one, FileFormat.MD)));
  }

  @Test
  void theSameContentIsExtractedOnceAndItsTextHandedOutAgain() throws IOException {
    Path file = Files.writeString(folder.resolve("kept.md"), "# Extracted once " + System.nanoTime() + "\n");
    Attachment attachment = Attachment.of(file, FileFormat.MD);

    String first = ReferenceTexts.of(attachment);

    assertThat(ReferenceTexts.of(attachment)).isSameAs(first);
  }

  @Test
  void aReferenceGoneSinceItsTextWasKnownIsReportedAsAnyUnreadableFile() throws IOException {
    Path file = Files.writeString(folder.resolve("gone.md"), "# Soon gone\n");
    Attachment attachment = Attachment.of(file, FileFormat.MD);
    ReferenceTexts.of(attachment);

    Files.delete(file);

    assertThatThrownBy(() -> ReferenceTexts.of(attachment)).isInstanceOf(UnableToExtractTextException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("cannot read it as md");
  }

  @Test
  void aPictureHasNoText() throws IOException {
    Path file = Files.write(folder.resolve("logo.png"), new byte[] {1, 2, 3});

    assertThatThrownBy(() -> ReferenceTexts.of(Attachment.of(file, FileFormat.PNG)))
        .isInstanceOf(UnableToExtractTextException.class).hasMessageContaining("holds no text");
  }
}

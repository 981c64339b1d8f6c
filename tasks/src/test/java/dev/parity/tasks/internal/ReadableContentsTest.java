package dev.parity.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.documents.FileFormat;
import dev.parity.documents.testing.TestDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadableContentsTest {
  private static final String READERS = "readers of this test";

  @TempDir
  Path temp;

  private Path folder;
  private Path file;
  private byte[] docx;

  @BeforeEach
  void documents() throws IOException {
    folder = temp.resolve("cache/parity/documents");
    file = TestDocuments.docx(Files.createDirectories(temp.resolve("suite")));
    docx = Files.readAllBytes(file);
  }

  /** The documents module's readers, counting what they were asked. */
  private static final class Counting implements ReadableContents.Opener {
    final List<FileFormat> parsed = new ArrayList<>();
    private final ReadableContents.Opener readers = ReadableContents.NONE::whyUnreadable;

    @Override
    public synchronized Optional<String> whyUnreadable(Path file, byte[] content, FileFormat format) {
      parsed.add(format);
      return readers.whyUnreadable(file, content, format);
    }
  }

  @Test
  void aDocumentThatOpenedIsNotParsedAgainByTheNextCommand() {
    Counting first = new Counting();
    ReadableContents before = ReadableContents.in(folder, first, READERS);
    assertThat(before.whyUnreadable(file, docx, FileFormat.DOCX)).isEmpty();
    assertThat(before.whyUnreadable(file, docx.clone(), FileFormat.DOCX)).isEmpty();
    before.save();

    Counting second = new Counting();
    ReadableContents after = ReadableContents.in(folder, second, READERS);

    assertThat(after.whyUnreadable(file, docx.clone(), FileFormat.DOCX)).isEmpty();
    assertThat(first.parsed).containsExactly(FileFormat.DOCX);
    assertThat(second.parsed).isEmpty();
  }

  @Test
  void otherBytesOrAnotherFormatAreParsed() {
    remember(docx, FileFormat.DOCX);
    Counting counting = new Counting();
    ReadableContents memory = ReadableContents.in(folder, counting, READERS);
    byte[] truncated = Arrays.copyOf(docx, 300);

    assertThat(memory.whyUnreadable(file, truncated, FileFormat.DOCX)).get().asString().isNotBlank();
    assertThat(memory.whyUnreadable(file, docx, FileFormat.XLSX)).get().asString().isNotBlank();
    assertThat(counting.parsed).containsExactly(FileFormat.DOCX, FileFormat.XLSX);
  }

  @Test
  void whatDidNotOpenIsParsedAndReportedEveryTime() {
    byte[] truncated = Arrays.copyOf(docx, 300);
    Counting first = new Counting();
    ReadableContents before = ReadableContents.in(folder, first, READERS);
    Optional<String> reason = before.whyUnreadable(file, truncated, FileFormat.DOCX);
    before.save();

    Counting second = new Counting();
    Optional<String> again = ReadableContents.in(folder, second, READERS).whyUnreadable(file, truncated, FileFormat.DOCX);

    assertThat(reason).get().asString().isNotBlank();
    assertThat(again).isEqualTo(reason);
    assertThat(second.parsed).containsExactly(FileFormat.DOCX);
    assertThat(ReadableContents.file(folder)).doesNotExist();
  }

  @Test
  void textFormatsAreDecodedEveryTimeAndNeverKept() {
    byte[] markdown = "# Memo\n".getBytes(StandardCharsets.UTF_8);
    Counting counting = new Counting();
    ReadableContents memory = ReadableContents.in(folder, counting, READERS);

    assertThat(memory.whyUnreadable(file, markdown, FileFormat.MD)).isEmpty();
    assertThat(memory.whyUnreadable(file, markdown, FileFormat.MD)).isEmpty();
    memory.save();

    assertThat(counting.parsed).containsExactly(FileFormat.MD, FileFormat.MD);
    assertThat(ReadableContents.file(folder)).doesNotExist();
  }

  @Test
  void anotherParitysReadersTrustNothingTheseWrote() {
    remember(docx, FileFormat.DOCX);
    Counting counting = new Counting();

    ReadableContents.in(folder, counting, "readers of another build").whyUnreadable(file, docx, FileFormat.DOCX);

    assertThat(counting.parsed).containsExactly(FileFormat.DOCX);
  }

  @Test
  void aDamagedTruncatedOrForeignFileIsIgnoredAndWrittenAgain() throws IOException {
    remember(docx, FileFormat.DOCX);
    Path kept = ReadableContents.file(folder);
    byte[] whole = Files.readAllBytes(kept);
    byte[] flipped = whole.clone();
    flipped[flipped.length / 2] ^= 1;
    for (byte[] damaged : List.of(flipped, Arrays.copyOf(whole, whole.length - 3), new byte[0],
        "not this format".getBytes(StandardCharsets.UTF_8))) {
      Files.write(kept, damaged);
      Counting counting = new Counting();
      ReadableContents memory = ReadableContents.in(folder, counting, READERS);

      assertThat(memory.whyUnreadable(file, docx, FileFormat.DOCX)).isEmpty();
      memory.save();

      assertThat(counting.parsed).containsExactly(FileFormat.DOCX);
      assertThat(Files.readAllBytes(kept)).isEqualTo(whole);
    }
  }

  @Test
  void twoCommandsSavingInTurnKeepWhatEachFound() throws IOException {
    byte[] other = Files.readAllBytes(TestDocuments.pptx(temp.resolve("suite")));
    ReadableContents one = ReadableContents.in(folder, new Counting(), READERS);
    ReadableContents two = ReadableContents.in(folder, new Counting(), READERS);
    one.whyUnreadable(file, docx, FileFormat.DOCX);
    two.whyUnreadable(file, other, FileFormat.PPTX);
    one.save();
    two.save();

    Counting counting = new Counting();
    ReadableContents next = ReadableContents.in(folder, counting, READERS);
    next.whyUnreadable(file, docx, FileFormat.DOCX);
    next.whyUnreadable(file, other, FileFormat.PPTX);

    assertThat(counting.parsed).isEmpty();
  }

  @Test
  void theOldestAreDroppedBeyondTheLimit() {
    ReadableContents.Opener opensAnything = (path, content, format) -> Optional.empty();
    ReadableContents memory = ReadableContents.in(folder, opensAnything, READERS);
    for (int i = 0; i <= ReadableContents.MAX_KEPT; i++) {
      memory.whyUnreadable(file, numbered(i), FileFormat.PDF);
    }
    memory.save();

    Counting counting = new Counting();
    ReadableContents next = ReadableContents.in(folder, counting, READERS);
    next.whyUnreadable(file, numbered(ReadableContents.MAX_KEPT), FileFormat.PDF);
    next.whyUnreadable(file, numbered(1), FileFormat.PDF);
    assertThat(counting.parsed).isEmpty();
    next.whyUnreadable(file, numbered(0), FileFormat.PDF);
    assertThat(counting.parsed).containsExactly(FileFormat.PDF);
  }

  @Test
  void aCacheFolderThatCannotBeWrittenCostsOnlyTheParse() throws IOException {
    Files.createDirectories(folder.getParent());
    Files.writeString(folder, "a file where the folder would be");
    Counting counting = new Counting();
    ReadableContents memory = ReadableContents.in(folder, counting, READERS);

    assertThat(memory.whyUnreadable(file, docx, FileFormat.DOCX)).isEmpty();
    memory.save();
    assertThat(memory.whyUnreadable(file, docx, FileFormat.DOCX)).isEmpty();

    assertThat(counting.parsed).containsExactly(FileFormat.DOCX);
  }

  @Test
  void theUsersCacheFolderIsBesideTheSuitesLoadCache() {
    assertThat(ReadableContents.userFolder(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u")))
        .contains(Path.of("/x/cache/parity/documents"));
    assertThat(ReadableContents.userFolder(Map.of("HOME", "/home/u"))).contains(Path.of("/home/u/.cache/parity/documents"));
    assertThat(ReadableContents.userFolder(Map.of())).isEmpty();
  }

  private void remember(byte[] content, FileFormat format) {
    ReadableContents memory = ReadableContents.in(folder, new Counting(), READERS);
    assertThat(memory.whyUnreadable(file, content, format)).isEmpty();
    memory.save();
  }

  private static byte[] numbered(int i) {
    return ("content " + i).getBytes(StandardCharsets.UTF_8);
  }
}

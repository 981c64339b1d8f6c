package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryTest {
  @TempDir Path folder;

  @Test
  void theCopyHoldsTheDriversLibraryByteForByteAndIsMadeOnce() throws Exception {
    Path copy = SqliteLibrary.cachedCopy(folder).orElseThrow();
    byte[] library;
    try (InputStream in = SqliteLibrary.class.getResourceAsStream(
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
      library = in.readAllBytes();
    }
    assertThat(copy).hasBinaryContent(library).hasParent(folder);
    FileTime made = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(copy, made);

    assertThat(SqliteLibrary.cachedCopy(folder)).contains(copy);
    assertThat(Files.getLastModifiedTime(copy)).as("the copy is not written again").isEqualTo(made);
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).as("no temporary file left behind: the copy and the record of it")
          .hasSize(2).contains(copy);
    }
  }

  @Test
  void theCopyTakenLastTimeIsTakenAgainWithoutTheDriversChoice() throws Exception {
    Path copy = SqliteLibrary.cachedCopy(folder).orElseThrow();
    // Another file of the same size under the record: only the record can lead to it.
    Path other = Files.copy(copy, folder.resolve("other-library.so"));
    Path record = recordIn(folder);
    Files.writeString(record, other.getFileName() + " " + Files.size(other) + "\n");

    assertThat(SqliteLibrary.cachedCopy(folder)).contains(other);

    Files.delete(other);
    assertThat(SqliteLibrary.cachedCopy(folder)).as("a record of a copy that is gone is made again").contains(copy);
    assertThat(record).content().startsWith(copy.getFileName() + " ");
  }

  /** The one file of the folder that is not a library copy. */
  private static Path recordIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().startsWith("chosen-")).findFirst().orElseThrow();
    }
  }

  @Test
  void aCutCopyIsMadeAgainWhole() throws Exception {
    Path copy = SqliteLibrary.cachedCopy(folder).orElseThrow();
    long size = Files.size(copy);
    try (var channel = Files.newByteChannel(copy, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(size / 2);
    }

    assertThat(SqliteLibrary.cachedCopy(folder)).contains(copy);
    assertThat(Files.size(copy)).isEqualTo(size);
  }

  @Test
  void aFolderThatCannotBeMadeLeavesTheDriverToExtractItsLibrary() throws Exception {
    Path file = Files.writeString(folder.resolve("a file"), "not a folder");

    assertThat(SqliteLibrary.cachedCopy(file.resolve("native"))).isEmpty();
  }

  @Test
  void aStoreOpensWithTheDriverPointedAtTheCopy(@TempDir Path stores) {
    try (Database database = Database.open(stores.resolve("parity.db"))) {
      List<Integer> one = database.read("select one", h -> h.list("SELECT 1 AS one", r -> r.integer("one")));
      assertThat(one).containsExactly(1);
    }
    assertThat(System.getProperty(SqliteLibrary.PATH_PROPERTY)).isNotNull();
    assertThat(Path.of(System.getProperty(SqliteLibrary.PATH_PROPERTY), System.getProperty(SqliteLibrary.NAME_PROPERTY)))
        .isRegularFile();
  }
}

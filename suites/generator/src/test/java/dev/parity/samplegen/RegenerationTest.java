package dev.parity.samplegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.tasks.Suite;
import dev.parity.tasks.SuiteLoader;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerating the suite gives exactly the committed files, so the committed suite never drifts from
 * the generator. When this fails after a deliberate change, regenerate (see the module's README).
 */
class RegenerationTest {
  @TempDir
  static Path generated;
  private static Suite suite;

  @BeforeAll
  static void regenerate() {
    suite = SampleSuiteGenerator.standard().generate(generated);
  }

  @Test
  void regeneratedTaskFilesEqualTheCommittedOnes() throws IOException {
    Path committed = CommittedSuite.root();
    assertThat(Files.readString(generated.resolve("suite.json")))
        .isEqualTo(Files.readString(committed.resolve("suite.json")));
    for (Task task : suite.tasks()) {
      Path relative = Path.of("tasks", task.id(), "task.json");
      assertThat(Files.readString(generated.resolve(relative))).as(relative.toString())
          .isEqualTo(Files.readString(committed.resolve(relative)));
    }
  }

  @Test
  void regeneratedSuiteHasTheSameFilesByteForByte() throws IOException {
    Path committed = CommittedSuite.root();
    assertThat(list(generated)).isEqualTo(list(committed));
    for (Path relative : list(generated)) {
      assertThat(Files.mismatch(generated.resolve(relative), committed.resolve(relative)))
          .as(relative + " differs from the committed file").isEqualTo(-1L);
    }
    assertThat(suite.contentHash()).isEqualTo(SuiteLoader.create().load(committed).contentHash());
  }

  private static List<Path> list(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}

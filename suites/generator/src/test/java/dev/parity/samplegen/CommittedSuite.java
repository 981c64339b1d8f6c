package dev.parity.samplegen;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the committed sample suite lives, seen from this module's folder (Surefire's working directory). */
final class CommittedSuite {
  static final Path ROOT = Path.of("..", "sample").toAbsolutePath().normalize();

  private CommittedSuite() {}

  static Path root() {
    if (!Files.isRegularFile(ROOT.resolve("suite.json"))) {
      throw new IllegalStateException("no committed sample suite at " + ROOT
          + "; generate it as suites/generator/README.md says");
    }
    return ROOT;
  }
}

package dev.parity.graders.testing;

import dev.parity.documents.FileFormat;
import dev.parity.harness.deliverable.DeliveredFile;
import dev.parity.harness.deliverable.Deliverables;
import dev.parity.harness.deliverable.DeliveryResult;
import java.util.List;

/** Files the harness builds from model-style text, for the graders' tests (other test files: {@code dev.parity.documents.testing}). */
public final class TestFiles {
  private TestFiles() {}

  /** A file of {@code format} built by the harness from model-style text, as a model's would be. */
  public static DeliveredFile built(FileFormat format, String kind, String content) {
    String answer = "<<<FILE name=\"deliverable." + format.id() + "\" content=\"" + kind + "\">>>\n"
        + content + "\n<<<END FILE>>>";
    DeliveryResult result = Deliverables.fromAnswer(answer, List.of(format));
    if (!result.isClean()) {
      throw new AssertionError("test file did not build cleanly: " + result);
    }
    return result.files().get(0);
  }
}

package dev.parity.graders.grading;

import dev.parity.documents.FileFormat;
import dev.parity.graders.rubric.DeliverableContent;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.Store;
import dev.parity.tasks.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the files of deliverables are, for judges and checks to read: the model's files in the
 * store's blobs, the professional's in the suite. How a judge is shown them is
 * {@link JudgeMaterials}'s.
 */
final class DeliverableTexts {
  private final Store store;

  DeliverableTexts(Store store) {
    this.store = store;
  }

  List<DeliverableContent.File> attemptFiles(AttemptKey key) {
    List<DeliverableContent.File> files = new ArrayList<>();
    for (AttemptFile file : store.files(key)) {
      Optional<FileFormat> format = FileFormat.ofFileName(file.name());
      format.ifPresent(f -> files.add(new DeliverableContent.File(file.name(), f, store.blobs().file(file.sha256()))));
    }
    return files;
  }

  static List<DeliverableContent.File> baselineFiles(Task task) {
    List<DeliverableContent.File> files = new ArrayList<>();
    for (String name : task.baseline().files()) {
      Path path = task.file(name);
      FileFormat.ofFileName(name).ifPresent(f -> files.add(
          new DeliverableContent.File(path.getFileName().toString(), f, path)));
    }
    return files;
  }
}

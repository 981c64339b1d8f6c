package dev.parity.graders.grading;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.graders.rubric.DeliverableContent;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.Store;
import dev.parity.tasks.Reference;
import dev.parity.tasks.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of deliverables and references as judges and checks read them: the model's files from
 * the store's blobs, the professional's and the references from the suite. Judges see files under
 * neutral labels, never their original names, and text capped so that one huge file cannot crowd
 * out the rest of the prompt.
 */
final class DeliverableTexts {
  /** The most characters of one deliverable a judge reads. */
  static final int DELIVERABLE_CAP = 60_000;
  /** The most characters of all references together a judge reads. */
  static final int REFERENCES_CAP = 30_000;

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

  /** The deliverable's text with each file under a neutral heading, capped. */
  static String forJudge(List<DeliverableContent.File> files) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < files.size(); i++) {
      DeliverableContent.File file = files.get(i);
      text.append("=== file ").append(i + 1).append(" of ").append(files.size()).append(" (")
          .append(file.format().id()).append(") ===\n").append(extract(file.path(), file.format())).append("\n\n");
    }
    if (files.isEmpty()) {
      text.append("(no file was delivered)");
    }
    return cap(text.toString(), DELIVERABLE_CAP);
  }

  static String references(Task task) {
    if (task.references().isEmpty()) {
      return "(none)";
    }
    StringBuilder text = new StringBuilder();
    for (Reference reference : task.references()) {
      Path path = task.file(reference.file());
      text.append("=== reference: ").append(path.getFileName()).append(" ===\n")
          .append(extract(path, reference.format())).append("\n\n");
    }
    return cap(text.toString(), REFERENCES_CAP);
  }

  private static String extract(Path path, FileFormat format) {
    if (!Documents.hasText(format)) {
      return "(a " + format.id() + " image: not shown to a text judge)";
    }
    try {
      return Documents.text(path, format);
    } catch (RuntimeException e) {
      return "(this file could not be read: " + e.getMessage().replace(path.toString(), "the file") + ")";
    }
  }

  private static String cap(String text, int limit) {
    return text.length() <= limit ? text
        : text.substring(0, limit) + "\n[… cut: " + (text.length() - limit) + " more characters not shown]";
  }
}

package dev.parity.harness.replay;

import dev.parity.harness.client.ModelAnswer.AnswerFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Answers in a folder: {@code <dir>/<task-id>/<sample>/answer.md} for one sample, else
 * {@code <dir>/<task-id>/answer.md} for every sample. The answer's files are the other files in the
 * same folder (not in its subfolders, which are the samples' own). A folder without
 * {@code answer.md} holds no answer.
 */
final class FolderAnswers implements Answers {
  static final String ANSWER = "answer.md";

  private final Path root;

  FolderAnswers(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<Recorded> find(String taskId, int sample) {
    for (Path folder : candidates(taskId, sample)) {
      if (Files.isRegularFile(folder.resolve(ANSWER))) {
        return Optional.of(read(folder));
      }
    }
    return Optional.empty();
  }

  @Override
  public String lookedFor(String taskId, int sample) {
    List<Path> candidates = candidates(taskId, sample);
    return candidates.isEmpty()
        ? "nothing, as the task id leads out of " + root
        : String.join(" and ", candidates.stream().map(f -> f.resolve(ANSWER).toString()).toList());
  }

  /** The sample's folder, then the task's; none for a task id that would lead out of the root. */
  private List<Path> candidates(String taskId, int sample) {
    Path task = root.resolve(taskId).normalize();
    if (!task.startsWith(root) || task.equals(root)) {
      return List.of();
    }
    return List.of(task.resolve(Integer.toString(sample)), task);
  }

  private static Recorded read(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      String text = new String(Files.readAllBytes(folder.resolve(ANSWER)), StandardCharsets.UTF_8);
      List<AnswerFile> files = new ArrayList<>();
      for (Path file : entries.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.equals(ANSWER) && !name.startsWith(".")) {
          files.add(new AnswerFile(name, Files.readAllBytes(file)));
        }
      }
      return new Recorded(text, files, folder.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recorded answer in " + folder, e);
    }
  }
}

package dev.parity.graders.campaign;

import dev.parity.store.BlobStore;
import dev.parity.tasks.Suite;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Candidates from a folder of deliverables made outside a Parity run: {@code <folder>/<model>/<task
 * id>/} holds one model's files for one task (sample 0). Every file is copied into the blobs with
 * the task's baseline and references.
 */
public final class CandidateFolder {
  private CandidateFolder() {}

  /**
   * Reads every model's deliverables in {@code folder} for tasks of {@code suite}.
   *
   * @param models the models to take; empty for every model folder
   * @throws InvalidCampaignException naming every unknown task folder, missing model or empty deliverable
   */
  public static List<Candidate> read(Suite suite, Path folder, List<String> models, BlobStore blobs) {
    List<String> problems = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    List<Path> modelFolders = folders(folder);
    if (modelFolders.isEmpty()) {
      problems.add(folder + ": no model folder (the layout is <folder>/<model>/<task id>/<files>)");
    }
    List<String> found = modelFolders.stream().map(p -> p.getFileName().toString()).toList();
    models.stream().filter(m -> !found.contains(m))
        .forEach(m -> problems.add(folder + ": no folder for model \"" + m + "\"; there are: " + found));
    for (Path modelFolder : modelFolders) {
      String model = modelFolder.getFileName().toString();
      if (!models.isEmpty() && !models.contains(model)) {
        continue;
      }
      for (Path taskFolder : folders(modelFolder)) {
        String taskId = taskFolder.getFileName().toString();
        Task task = suite.task(taskId).orElse(null);
        if (task == null) {
          problems.add(taskFolder + ": the suite has no task \"" + taskId + "\"");
          continue;
        }
        List<CampaignFile> files = new ArrayList<>();
        for (Path file : files(taskFolder)) {
          files.add(CampaignFile.put(blobs, file.getFileName().toString(), Candidate.read(file), null));
        }
        if (files.isEmpty()) {
          problems.add(taskFolder + ": no deliverable file");
          continue;
        }
        candidates.add(Candidate.of(task, model, 0, "folder:" + model + "/" + taskId, files, blobs));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException("deliverables " + folder, problems);
    }
    return candidates;
  }

  private static List<Path> folders(Path folder) {
    return list(folder).stream().filter(Files::isDirectory).toList();
  }

  private static List<Path> files(Path folder) {
    return list(folder).stream().filter(Files::isRegularFile)
        .filter(p -> !p.getFileName().toString().startsWith(".")).toList();
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}

package dev.parity.graders.campaign;

import dev.parity.store.BlobStore;
import dev.parity.tasks.Reference;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One model deliverable to be compared, blind, with its task's baseline: the input of
 * {@link Campaigns#create}. Every file is in the campaign's {@link BlobStore} already.
 *
 * @param task the task; its occupation decides who may grade the pair
 * @param model the model's name in its run
 * @param sample which sample of the model, from 0
 * @param attemptId what identifies the attempt in the store (e.g. {@code run/model/task/0}); kept
 *     on the server for the export, never shown to a grader
 * @param deliverable the model's deliverable files, at least one
 * @param baseline the baseline's files, at least one
 * @param references the files handed over with the request
 */
public record Candidate(
    Task task,
    String model,
    int sample,
    String attemptId,
    List<CampaignFile> deliverable,
    List<CampaignFile> baseline,
    List<CampaignFile> references) {

  public Candidate {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(attemptId, "attemptId");
    deliverable = List.copyOf(deliverable);
    baseline = List.copyOf(baseline);
    references = List.copyOf(references);
  }

  /**
   * A candidate whose baseline and reference files are read from the task's folder into
   * {@code blobs}.
   *
   * @throws UncheckedIOException when a baseline or reference file cannot be read
   */
  public static Candidate of(Task task, String model, int sample, String attemptId,
      List<CampaignFile> deliverable, BlobStore blobs) {
    List<CampaignFile> baseline = new ArrayList<>();
    for (String file : task.baseline().files()) {
      baseline.add(CampaignFile.put(blobs, fileName(file), read(task.file(file)), null));
    }
    List<CampaignFile> references = new ArrayList<>();
    for (Reference reference : task.references()) {
      references.add(CampaignFile.put(blobs, fileName(reference.file()), read(task.file(reference.file())),
          reference.description()));
    }
    return new Candidate(task, model, sample, attemptId, deliverable, baseline, references);
  }

  static String fileName(String path) {
    return Path.of(path).getFileName().toString();
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

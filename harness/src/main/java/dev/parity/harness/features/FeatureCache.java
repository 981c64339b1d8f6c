package dev.parity.harness.features;

import dev.parity.documents.DocumentFeatures;
import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.UnableToExtractTextException;
import dev.parity.harness.store.AttemptFile;
import dev.parity.harness.store.AttemptKey;
import dev.parity.harness.store.FileFeatures;
import dev.parity.harness.store.Store;
import dev.parity.store.BlobStore;
import dev.parity.tasks.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Deliverables' features, each file read once for its content: a file's features are recorded in
 * the store (table {@code file_features}) by the sha256 of its bytes and the format it is read as,
 * the first time they are needed, and read from there ever after.
 *
 * <p>A run records the features of each attempt's files as it records the attempt ({@link #read})
 * and those of its tasks' baselines when it starts ({@link #recordBaselines}); a report reads them
 * ({@link #ofRun}, {@link #ofBaseline}). Files recorded before features existed (older runs) are
 * read when a report first asks for them, then recorded: that is the backfill, once per content.
 *
 * <p>A deliverable has features only when each of its files opens as the format its name says;
 * one that does not is recorded with the reader's reason and leaves its deliverable without
 * features. Thread-safe, as the store is.
 */
public final class FeatureCache {
  private final Store store;

  public FeatureCache(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The features of files just made, read from their bytes, for the store to record with their
   * attempt ({@link dev.parity.harness.store.NewContent}); files of no known format have none. The
   * store is not asked first: a new deliverable's content is seldom known, and recording a
   * content's features again keeps the first.
   */
  public static List<FileFeatures> read(Map<AttemptFile, byte[]> files) {
    List<FileFeatures> read = new ArrayList<>();
    files.forEach((file, bytes) -> {
      Wanted w = new Wanted(file.name(), file.sha256(), () -> bytes);
      w.format().flatMap(format -> read(w, format)).ifPresent(read::add);
    });
    return read;
  }

  /**
   * The features of each attempt of run {@code runId} that delivered files, by attempt; an
   * attempt one of whose files does not open as its format is left out. Files never read before
   * are read from the blob store now and recorded.
   */
  public Map<AttemptKey, DeliverableFeatures> ofRun(String runId) {
    Map<AttemptKey, List<AttemptFile>> files = store.filesOfRun(runId);
    List<Wanted> wanted = new ArrayList<>();
    BlobStore blobs = store.blobs();
    files.values().forEach(list -> list.forEach(f -> wanted.add(new Wanted(f.name(), f.sha256(),
        () -> blobs.get(f.sha256())))));
    Map<List<Object>, FileFeatures> known = features(wanted);
    Map<AttemptKey, DeliverableFeatures> features = new LinkedHashMap<>();
    files.forEach((key, list) -> deliverable(list.stream().map(f -> new Wanted(f.name(), f.sha256(), null)).toList(),
        known).ifPresent(d -> features.put(key, d)));
    return features;
  }

  /**
   * The features of the professional's deliverable of {@code task}, from its files as they are
   * now (hashed; read only if their content was never read before); empty when the task has no
   * baseline files, or one of them cannot be read from disk or does not open as its format.
   */
  public Optional<DeliverableFeatures> ofBaseline(Task task) {
    return baselineFiles(task).flatMap(wanted -> deliverable(wanted, features(wanted)));
  }

  /** Records the features of these tasks' baselines whose contents were never read before. */
  public void recordBaselines(List<Task> tasks) {
    features(tasks.stream().flatMap(t -> baselineFiles(t).stream()).flatMap(List::stream).toList());
  }

  /** The task's baseline files, hashed; empty without any, or when one cannot be read (a suite changed since it was checked). */
  private static Optional<List<Wanted>> baselineFiles(Task task) {
    if (!task.hasBaseline() || task.folder() == null) {
      return Optional.empty();
    }
    List<Wanted> wanted = new ArrayList<>();
    for (String name : task.baseline().files()) {
      try {
        byte[] bytes = Files.readAllBytes(task.file(name));
        wanted.add(new Wanted(name, BlobStore.sha256(bytes), () -> bytes));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.of(wanted);
  }

  /** A file whose features are wanted; its bytes are read only if its features were never recorded. */
  private record Wanted(String name, String sha256, Supplier<byte[]> bytes) {
    Optional<FileFormat> format() {
      return FileFormat.ofFileName(name);
    }
  }

  /** The recorded features of every wanted file of a known format, reading and recording those never read. */
  private Map<List<Object>, FileFeatures> features(List<Wanted> wanted) {
    Map<List<Object>, FileFeatures> known = new HashMap<>();
    if (wanted.isEmpty()) {
      return known;
    }
    store.fileFeatures(wanted.stream().map(Wanted::sha256).distinct().toList())
        .forEach(f -> known.put(List.of(f.sha256(), f.format()), f));
    List<FileFeatures> read = new ArrayList<>();
    for (Wanted w : wanted) {
      Optional<FileFormat> format = w.format();
      if (format.isPresent() && !known.containsKey(List.of(w.sha256(), format.get()))) {
        read(w, format.get()).ifPresent(f -> {
          known.put(List.of(w.sha256(), format.get()), f);
          read.add(f);
        });
      }
    }
    store.recordFileFeatures(read);
    return known;
  }

  /**
   * The file's features, or the reader's reason when it does not open as {@code format}; empty
   * when its bytes cannot be had (a blob missing from a copied store): nothing is recorded then,
   * and its deliverable has no features in this report.
   */
  private static Optional<FileFeatures> read(Wanted w, FileFormat format) {
    byte[] bytes;
    try {
      bytes = w.bytes().get();
    } catch (UncheckedIOException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(new FileFeatures(w.sha256(), format, Documents.features(format, bytes), null));
    } catch (UnableToExtractTextException e) {
      return Optional.of(new FileFeatures(w.sha256(), format, null,
          e.getMessage() == null ? "does not open" : e.getMessage()));
    }
  }

  private static Optional<DeliverableFeatures> deliverable(List<Wanted> files, Map<List<Object>, FileFeatures> known) {
    List<DocumentFeatures> each = new ArrayList<>();
    for (Wanted w : files) {
      FileFeatures f = w.format().map(format -> known.get(List.of(w.sha256(), format))).orElse(null);
      if (f == null || f.features() == null) {
        return Optional.empty();
      }
      each.add(f.features());
    }
    return each.isEmpty() ? Optional.empty() : Optional.of(DeliverableFeatures.of(each));
  }
}

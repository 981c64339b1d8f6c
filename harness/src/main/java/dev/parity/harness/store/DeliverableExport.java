package dev.parity.harness.store;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.harness.store.ExportManifest.ExportedAttempt;
import dev.parity.harness.store.ExportManifest.ExportedFile;
import dev.parity.harness.store.ExportManifest.Named;
import dev.parity.store.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes a run's deliverable files to a folder, as {@code DIR/<contestant>/<task>/<sample>/<file>},
 * with a manifest ({@value #MANIFEST_JSON} and {@value #MANIFEST_CSV}) saying which attempt each
 * file belongs to, the attempt's status, the file's name as stored and where it was written, and
 * its hashes. Contestant names, task ids and file names are made safe as file names ({@link
 * SafeNames}: the model {@code openai/gpt-5} gets the folder {@code openai_gpt-5}, a file named
 * {@code ../x} lands inside its attempt's folder as {@code _x}) and the manifest maps them back.
 * Raw by default; {@link Mode#INERT} writes each file as {@link Documents#strip} makes it (no
 * identifying metadata, no active content) and withholds a file that cannot be made inert (of no
 * format Parity knows, or that does not open as its format), with the reason in the manifest.
 * Manifest format version {@value #FORMAT_VERSION}, documented in {@code docs/store.md}. Stateless.
 */
public final class DeliverableExport {
  /** The version of the manifest; it changes when a field changes meaning or goes away. */
  public static final int FORMAT_VERSION = 1;
  /** The manifest as one JSON document, in the export folder. */
  public static final String MANIFEST_JSON = "manifest.json";
  /** The manifest as CSV, one row per file and one per attempt without files, in the export folder. */
  public static final String MANIFEST_CSV = "manifest.csv";

  /** Whether files are written as stored or made inert. */
  public enum Mode { RAW, INERT }

  /**
   * What an export wrote.
   *
   * @param attempts attempts exported
   * @param files files written
   * @param withheld files left out because they could not be made inert
   */
  public record Summary(int attempts, int files, int withheld) {}

  private DeliverableExport() {}

  /**
   * Writes every attempt of {@code run} in {@code store} under {@code folder}, which must be absent
   * or empty: no file is ever overwritten.
   *
   * @throws IllegalArgumentException when {@code folder} holds something already
   * @throws UncheckedIOException when a file cannot be written; what was written stays
   */
  public static Summary write(Store store, Run run, Path folder, Mode mode) {
    try {
      requireEmpty(folder);
      List<Attempt> attempts = new ArrayList<>(store.attempts(run.id()));
      attempts.sort(Comparator.comparing((Attempt a) -> a.key().model())
          .thenComparing(a -> a.key().taskId()).thenComparingInt(a -> a.key().sample()));
      SafeNames contestants = new SafeNames();
      SafeNames tasks = new SafeNames();
      List<Named> contestantFolders = named(attempts, a -> a.key().model(), contestants);
      List<Named> taskFolders = named(attempts, a -> a.key().taskId(), tasks);
      List<ExportedAttempt> exported = new ArrayList<>();
      for (Attempt attempt : attempts) {
        AttemptKey key = attempt.key();
        String relative = contestants.of(key.model()) + "/" + tasks.of(key.taskId()) + "/" + key.sample();
        exported.add(new ExportedAttempt(key.model(), key.taskId(), key.sample(), attempt.status().id(), relative,
            files(store, key, folder, relative, mode)));
      }
      ExportManifest manifest = new ExportManifest(FORMAT_VERSION, run.id(), mode == Mode.INERT,
          contestantFolders, taskFolders, exported);
      manifest.writeJson(folder.resolve(MANIFEST_JSON));
      manifest.writeCsv(folder.resolve(MANIFEST_CSV));
      List<ExportedFile> files = exported.stream().flatMap(a -> a.files().stream()).toList();
      int withheld = (int) files.stream().filter(f -> f.withheld() != null).count();
      return new Summary(attempts.size(), files.size() - withheld, withheld);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export the deliverables of run " + run.id() + " to " + folder
          + ": " + e.getMessage(), e);
    }
  }

  private static void requireEmpty(Path folder) throws IOException {
    Files.createDirectories(folder);
    try (var entries = Files.list(folder)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException(folder + " is not empty; export into a new or empty folder");
      }
    }
  }

  /** Each distinct original with its safe name, given in sorted order so that a run always exports alike. */
  private static List<Named> named(List<Attempt> attempts, Function<Attempt, String> original, SafeNames names) {
    return new TreeSet<>(attempts.stream().map(original).toList()).stream()
        .map(name -> new Named(name, names.of(name))).toList();
  }

  /** Writes an attempt's files into its folder, made with the folder even when it has none. */
  private static List<ExportedFile> files(Store store, AttemptKey key, Path folder, String relative, Mode mode)
      throws IOException {
    Path attemptFolder = Files.createDirectories(inside(folder, relative));
    SafeNames names = new SafeNames();
    List<AttemptFile> stored = new ArrayList<>(store.files(key));
    stored.sort(Comparator.comparing(AttemptFile::name));
    List<ExportedFile> files = new ArrayList<>();
    for (AttemptFile file : stored) {
      byte[] bytes = store.blobs().get(file.sha256());
      String withheld = null;
      if (mode == Mode.INERT) {
        try {
          bytes = inert(file.name(), bytes);
        } catch (NotInertException e) {
          withheld = e.getMessage();
        }
      }
      if (withheld != null) {
        files.add(new ExportedFile(file.name(), null, file.sha256(), file.sizeBytes(), null, withheld));
        continue;
      }
      String name = names.of(file.name());
      Files.write(inside(attemptFolder, name), bytes, StandardOpenOption.CREATE_NEW);
      files.add(new ExportedFile(file.name(), relative + "/" + name, file.sha256(), file.sizeBytes(),
          BlobStore.sha256(bytes), null));
    }
    return files;
  }

  /** {@code folder/relative}, checked to stay inside {@code folder} whatever the names hold. */
  private static Path inside(Path folder, String relative) {
    Path base = folder.toAbsolutePath().normalize();
    Path path = base.resolve(relative).normalize();
    if (!path.startsWith(base) || path.equals(base)) {
      throw new IllegalStateException("unreachable: safe names led " + relative + " out of " + folder);
    }
    return path;
  }

  private static byte[] inert(String name, byte[] bytes) throws NotInertException {
    FileFormat format = FileFormat.ofFileName(name).orElseThrow(() -> new NotInertException(
        "not a format Parity can make inert; known: " + FileFormat.knownIds()));
    try {
      return Documents.strip(format, bytes);
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new NotInertException("does not open as " + format.id() + ": " + reason);
    }
  }

  /** Why a file cannot be made inert. */
  private static final class NotInertException extends Exception {
    NotInertException(String message) {
      super(message);
    }
  }
}

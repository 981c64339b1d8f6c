package dev.parity.reports.report;

import dev.parity.judgments.Judgment;
import dev.parity.judgments.JudgmentsCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A report's {@code judgments.csv}, written before the report is computed: it needs only the
 * judgments, and at 118,800 judgments it took as long as any statistic, alone at the end of the
 * command (benchmarks/README.md, "Sixth pass: the pipeline"). It is written to a hidden temporary
 * file in the report's folder and takes its name only when the report's other files are written,
 * so a report that fails leaves the folder as it found it.
 *
 * <p>Start it with {@link #start}, then either {@link #finish} or {@link #discard} it, once, from
 * one thread. A process killed meanwhile leaves the temporary file ({@code .judgments.csv.*.tmp}).
 */
public final class JudgmentsExport {
  private final Path folder;
  private final List<Path> madeFolders;
  private final Path temporary;
  private final Supplier<Path> written;

  private JudgmentsExport(Path folder, List<Path> madeFolders, Path temporary, Supplier<Path> written) {
    this.folder = folder;
    this.madeFolders = madeFolders;
    this.temporary = temporary;
    this.written = written;
  }

  /**
   * Starts writing {@code judgments} on {@code executor}, making {@code folder} if needed.
   *
   * @throws UncheckedIOException if the folder cannot be made
   */
  public static JudgmentsExport start(Path folder, List<Judgment> judgments, Executor executor) {
    List<Path> made = makeFolders(folder);
    Path temporary = folder.resolve(".judgments.csv." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
    Supplier<Path> written = Parallel.start(() -> {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        JudgmentsCsv.write(judgments, out);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + folder.resolve("judgments.csv") + ": " + e.getMessage(), e);
      }
      return temporary;
    }, executor);
    return new JudgmentsExport(folder, made, temporary, written);
  }

  /**
   * Waits for the file and gives it its name, replacing a judgments.csv already there.
   *
   * @throws UncheckedIOException naming judgments.csv, if it could not be written or renamed
   *     (the temporary file is removed then)
   */
  Path finish() {
    Path file = folder.resolve("judgments.csv");
    try {
      Files.move(written.get(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteTemporary();
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteTemporary();
      throw e;
    }
    return file;
  }

  /**
   * Waits for the writing to stop, removes the temporary file and the folders {@link #start} made
   * (when nothing else was put in them meanwhile). Throws nothing: it runs when something else
   * failed, which is what the caller reports.
   */
  public void discard() {
    try {
      written.get();
    } catch (RuntimeException e) {
      // The writing's own failure: the report failed first, and that is what is reported.
    }
    deleteTemporary();
    for (int i = madeFolders.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(madeFolders.get(i));
      } catch (IOException e) {
        // Not empty (someone put a file there meanwhile) or not ours to remove: left as it is.
        return;
      }
    }
  }

  private void deleteTemporary() {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // Left behind under its temporary name, which no reader of the folder takes for judgments.csv.
    }
  }

  /** Makes the folder and any missing parent; returns those it made, outermost first. */
  private static List<Path> makeFolders(Path folder) {
    List<Path> missing = new ArrayList<>();
    for (Path p = folder.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.add(0, p);
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the report folder " + folder + ": " + e.getMessage(), e);
    }
    return missing;
  }
}

package dev.parity.reports.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.parity.harness.store.AttemptExport;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Writes a report's files into a folder: {@code report.html}, {@code report.md},
 * {@code report.json}, and the data behind them, {@code judgments.csv} (the judgments interchange
 * format, docs/judgments-format.md) and {@code attempts.csv} (the store's attempt export,
 * docs/store.md). Existing files of those names are replaced; nothing else in the folder is
 * touched.
 */
public final class ReportFiles {
  /** The files written, in order. */
  public static final List<String> NAMES =
      List.of("report.html", "report.md", "report.json", "judgments.csv", "attempts.csv");
  private static final int BUFFER_BYTES = 1 << 16;

  private ReportFiles() {}

  /**
   * Writes the files, making the folder if needed.
   *
   * @param input what the report was computed from: its judgments go to judgments.csv
   * @param store the store holding the report's runs, for attempts.csv; null when the runs did
   *     not come from a store (attempts.csv then has its header only)
   * @param executor writes report.html, report.md, report.json and judgments.csv, each file on its
   *     own (pass {@code Runnable::run} to write them on the calling thread); attempts.csv, which
   *     reads the store, is written on the calling thread meanwhile
   * @return the files written, in the order of {@link #NAMES}
   * @throws UncheckedIOException naming the file that could not be written
   */
  public static List<Path> write(Path folder, Report report, ReportInput input, Store store, Executor executor) {
    return write(folder, report, input, store, executor, JudgmentsExport.start(folder, input.judgments(), executor));
  }

  /**
   * Writes the files as {@link #write(Path, Report, ReportInput, Store, Executor)} does, with
   * judgments.csv from {@code judgments}, started (on any executor) before the report was computed
   * from {@code input}'s judgments, and finished here, or discarded if another file fails.
   */
  public static List<Path> write(Path folder, Report report, ReportInput input, Store store, Executor executor,
      JudgmentsExport judgments) {
    Map<String, Content> contents = new LinkedHashMap<>();
    // Longest first: at 118,800 judgments report.json took about as long as the other two together,
    // and queued last it was written alone after them (benchmarks/README.md, "Eighth pass").
    contents.put("report.json", out -> JsonReport.write(report, out));
    contents.put("report.html", out -> out.write(HtmlReport.render(report, input.judgments()).getBytes(UTF_8)));
    contents.put("report.md", out -> out.write(MarkdownReport.render(report).getBytes(UTF_8)));
    List<Path> all;
    Path attempts;
    try {
      Supplier<List<Path>> written = Parallel.startMap(List.copyOf(contents.entrySet()),
          file -> write(folder.resolve(file.getKey()), file.getValue()), executor);
      attempts = write(folder.resolve("attempts.csv"), out -> {
        Writer text = new OutputStreamWriter(out, UTF_8);
        attempts(report, store, text);
        text.flush();
      });
      all = new ArrayList<>(written.get());
      all.sort(Comparator.comparingInt(file -> NAMES.indexOf(file.getFileName().toString())));
    } catch (RuntimeException e) {
      judgments.discard();
      throw e;
    }
    all.add(judgments.finish());
    all.add(attempts);
    return all;
  }

  /**
   * Prepares the files' writers before there is a report to write: report.json's serializers, found
   * by introspecting every record a report holds, take 0.2–0.3 s in a fresh JVM. Run on a thread of
   * its own while the statistics are computed, this fills a core's gaps instead of delaying the
   * files; {@link #write} prepares whatever was not.
   */
  public static void prepare() {
    JsonReport.prepare();
  }

  /** Every run's attempts, one header: each run's export after the first without its own. */
  private static void attempts(Report report, Store store, Writer out) throws IOException {
    List<String> ids = store == null ? List.of() : report.provenance().runIds();
    if (ids.isEmpty()) {
      out.write(String.join(",", AttemptExport.COLUMNS) + "\n");
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Run run = store.findRun(id).orElseThrow(() -> new IllegalArgumentException("no run '" + id + "' in " + store.database().name()));
      StringWriter csv = new StringWriter();
      AttemptExport.write(store, run, AttemptExport.Format.CSV, csv);
      String text = csv.toString();
      out.write(i == 0 ? text : text.substring(text.indexOf('\n') + 1));
    }
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static Path write(Path file, Content content) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES)) {
      content.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}

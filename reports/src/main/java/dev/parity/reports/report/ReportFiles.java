package dev.parity.reports.report;

import dev.parity.judgments.JudgmentsCsv;
import dev.parity.harness.store.AttemptExport;
import dev.parity.harness.store.Run;
import dev.parity.harness.store.Store;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  private ReportFiles() {}

  /**
   * Writes the files, making the folder if needed.
   *
   * @param input what the report was computed from: its judgments go to judgments.csv
   * @param store the store holding the report's runs, for attempts.csv; null when the runs did
   *     not come from a store (attempts.csv then has its header only)
   * @return the files written, in the order of {@link #NAMES}
   * @throws UncheckedIOException naming the file that could not be written
   */
  public static List<Path> write(Path folder, Report report, ReportInput input, Store store) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the report folder " + folder + ": " + e.getMessage(), e);
    }
    List<Path> written = new ArrayList<>();
    written.add(write(folder.resolve("report.html"), out -> out.write(HtmlReport.render(report, input.judgments()))));
    written.add(write(folder.resolve("report.md"), out -> out.write(MarkdownReport.render(report))));
    written.add(write(folder.resolve("report.json"), out -> JsonReport.write(report, out)));
    written.add(write(folder.resolve("judgments.csv"), out -> JudgmentsCsv.write(input.judgments(), out)));
    written.add(write(folder.resolve("attempts.csv"), out -> attempts(report, store, out)));
    return written;
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
    void writeTo(Writer out) throws IOException;
  }

  private static Path write(Path file, Content content) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      content.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}

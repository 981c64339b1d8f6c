package dev.parity.harness.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.parity.core.SpreadsheetCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest of a deliverable export, written as JSON (the whole of it) and as CSV (one row per
 * file, and one per attempt without files). Its fields are documented in {@code docs/store.md}.
 *
 * @param formatVersion {@link DeliverableExport#FORMAT_VERSION}
 * @param runId the run exported
 * @param inert whether files were made inert
 * @param contestants each contestant's name and its folder
 * @param tasks each task's id and its folder
 * @param attempts every attempt with its files
 */
record ExportManifest(int formatVersion, String runId, boolean inert, List<Named> contestants, List<Named> tasks,
    List<ExportedAttempt> attempts) {
  private static final List<String> CSV_COLUMNS = List.of("format_version", "run_id", "contestant",
      "task_id", "sample", "status", "folder", "file_name", "path", "sha256", "size_bytes", "exported_sha256",
      "withheld");

  /** A name as stored ({@code openai/gpt-5}) and the folder it became ({@code openai_gpt-5}). */
  record Named(String name, String folder) {}

  /** An attempt: whose, which task and sample, its status, its folder and its files. */
  record ExportedAttempt(String contestant, String taskId, int sample, String status, String folder,
      List<ExportedFile> files) {}

  /**
   * A file of an attempt.
   *
   * @param fileName its name as stored
   * @param path where it was written, relative to the export folder; null when withheld
   * @param sha256 the hash of its stored bytes
   * @param sizeBytes the size of its stored bytes
   * @param exportedSha256 the hash of the bytes written (differs from {@code sha256} when made
   *     inert); null when withheld
   * @param withheld why it was not written; null when it was
   */
  record ExportedFile(String fileName, String path, String sha256, long sizeBytes, String exportedSha256,
      String withheld) {}

  void writeJson(Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, this);
    }
  }

  void writeCsv(Path target) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    CSV_COLUMNS.forEach(schema::addColumn);
    try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
         var writer = new CsvMapper().writer(schema.build()).writeValues(out)) {
      for (ExportedAttempt attempt : attempts) {
        List<ExportedFile> files = attempt.files().isEmpty()
            ? Collections.singletonList(null) : attempt.files();
        for (ExportedFile file : files) {
          writer.write(row(attempt, file));
        }
      }
    }
  }

  /** One CSV row; a text a spreadsheet would take for a formula is guarded. */
  private Map<String, Object> row(ExportedAttempt attempt, ExportedFile file) {
    List<Object> values = new ArrayList<>(List.of(formatVersion, runId, attempt.contestant(), attempt.taskId(),
        attempt.sample(), attempt.status(), attempt.folder()));
    if (file == null) {
      values.addAll(Collections.nCopies(6, null));
    } else {
      values.addAll(Arrays.asList(file.fileName(), file.path(), file.sha256(), file.sizeBytes(),
          file.exportedSha256(), file.withheld()));
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < CSV_COLUMNS.size(); i++) {
      Object value = values.get(i);
      row.put(CSV_COLUMNS.get(i), value instanceof String text ? SpreadsheetCells.guard(text) : value);
    }
    return row;
  }
}

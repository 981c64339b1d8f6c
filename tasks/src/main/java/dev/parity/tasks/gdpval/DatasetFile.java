package dev.parity.tasks.gdpval;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A GDPval dataset file read and checked row by row: a JSON array of rows or JSON Lines, in
 * either revision's schema (told apart by the columns present: one row with the later schema's
 * columns makes the file the later schema, and rows without them bad rows). Each row becomes a
 * {@link GdpvalRow} or, when something is wrong with it, {@link RowProblem}s naming the row and
 * column; nothing stops at the first bad row.
 *
 * @param name the file's name, for messages and provenance
 * @param sha256 the file's digest, {@code sha256:<hex>}
 * @param schema the schema the columns say
 * @param rows the valid rows, in file order
 * @param problems every problem of the others, in row order
 * @param rowCount how many rows the file has, valid or not
 */
record DatasetFile(String name, String sha256, DatasetSchema schema, List<GdpvalRow> rows,
    List<RowProblem> problems, int rowCount) {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

  DatasetFile {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }

  /**
   * Reads {@code file}.
   *
   * @throws InvalidDatasetException when the file as a whole cannot be read (not JSON, a Parquet
   *     file, no rows)
   */
  static DatasetFile read(Path file, GdpvalOccupations occupations) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String name = file.getFileName().toString();
    List<JsonNode> records = records(name, bytes);
    if (records.isEmpty()) {
      throw new InvalidDatasetException(name + ": the file has no rows");
    }
    Set<String> columns = new LinkedHashSet<>();
    records.forEach(r -> r.fieldNames().forEachRemaining(columns::add));
    DatasetSchema schema = DatasetSchema.of(columns);
    List<GdpvalRow> rows = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      RowReader reader = new RowReader(i + 1, records.get(i), schema, occupations);
      GdpvalRow row = reader.read();
      if (row != null && !ids.add(row.taskId())) {
        reader.problems.add(new RowProblem(i + 1, "task_id", "task_id \"" + row.taskId() + "\" appears in an earlier row"));
        row = null;
      }
      if (row != null) {
        rows.add(row);
      }
      problems.addAll(reader.problems);
    }
    return new DatasetFile(name, sha256(bytes), schema, rows, problems, records.size());
  }

  /** The file's rows as JSON objects: a JSON array, or one object per non-blank line. */
  private static List<JsonNode> records(String name, byte[] bytes) {
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'A' && bytes[2] == 'R' && bytes[3] == '1') {
      throw new InvalidDatasetException(name + " is a Parquet file; Parity reads the dataset as JSON or JSONL."
          + " Convert it first, e.g.: duckdb -c \"COPY (FROM '" + name + "') TO 'gdpval.jsonl' (FORMAT json)\""
          + " (see docs/gdpval.md)");
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<JsonNode> records = new ArrayList<>();
    if (text.startsWith("[")) {
      JsonNode array = parse(name, text, 0);
      for (JsonNode element : array) {
        records.add(element);
      }
      return records;
    }
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        records.add(parse(name, lines[i], i + 1));
      }
    }
    return records;
  }

  private static JsonNode parse(String name, String text, int line) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = line > 0 ? "line " + line + (at == null ? "" : ", column " + at.getColumnNr())
          : at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidDatasetException(name + ": not JSON or JSON Lines at " + where + ": " + e.getOriginalMessage());
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Reads one row, collecting its problems instead of stopping at the first. */
  private static final class RowReader {
    private final int row;
    private final JsonNode json;
    private final DatasetSchema schema;
    private final GdpvalOccupations occupations;
    final List<RowProblem> problems = new ArrayList<>();

    RowReader(int row, JsonNode json, DatasetSchema schema, GdpvalOccupations occupations) {
      this.row = row;
      this.json = json;
      this.schema = schema;
      this.occupations = occupations;
    }

    GdpvalRow read() {
      if (!json.isObject()) {
        problems.add(new RowProblem(row, null, "a row must be a JSON object, not " + json.getNodeType()));
        return null;
      }
      List<String> missing = schema.columns().stream().filter(c -> !json.has(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(new RowProblem(row, String.join(", ", missing), "missing"
            + (schema == DatasetSchema.LAUNCH ? "" : " (other rows have the later schema's columns)")));
      }
      String taskId = text("task_id");
      if (taskId != null && !taskId.matches(ID_PATTERN)) {
        problem("task_id", "\"" + taskId + "\" cannot be a task id (letters, digits, '.', '_', '-'; at most 100)");
      }
      String sector = text("sector");
      String occupationTitle = text("occupation");
      GdpvalOccupations.Entry occupation = null;
      if (occupationTitle != null) {
        occupation = occupations.find(occupationTitle).orElse(null);
        if (occupation == null) {
          problem("occupation", occupations.unknown(occupationTitle));
        }
      }
      String prompt = text("prompt");
      List<String> references = files("reference_files", "reference_files/");
      aligned("reference_files", references, "reference_file_urls", "reference_file_hf_uris");
      List<String> deliverables = List.of();
      List<GdpvalRow.RubricItem> rubric = List.of();
      if (schema == DatasetSchema.WITH_DELIVERABLES_AND_RUBRICS) {
        deliverables = files("deliverable_files", "deliverable_files/");
        aligned("deliverable_files", deliverables, "deliverable_file_urls", "deliverable_file_hf_uris");
        rubric = new RubricJson(row, problems).items(json.get("rubric_json"));
      }
      if (!problems.isEmpty()) {
        return null;
      }
      return new GdpvalRow(row, taskId, sector, occupation, prompt, references, deliverables, rubric);
    }

    private String text(String column) {
      JsonNode value = json.get(column);
      if (value == null) {
        return null; // reported as a missing column
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        problem(column, value.isTextual() ? "empty" : "must be text, not " + describe(value));
        return null;
      }
      return value.asText();
    }

    /** A list column: a JSON array of strings, or a string holding one (as some exports write lists). */
    private List<String> list(String column) {
      JsonNode value = json.get(column);
      if (value == null || value.isNull()) {
        return List.of();
      }
      if (value.isTextual()) {
        try {
          value = MAPPER.readTree(value.asText());
        } catch (JsonProcessingException e) {
          problem(column, "must be a list of paths, not " + describe(value));
          return List.of();
        }
      }
      if (!value.isArray()) {
        problem(column, "must be a list, not " + describe(value));
        return List.of();
      }
      List<String> items = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        if (!value.get(i).isTextual()) {
          problem(column, "item " + i + " must be text, not " + describe(value.get(i)));
        } else {
          items.add(value.get(i).asText());
        }
      }
      return items;
    }

    /** Dataset paths of files: inside {@code prefix}, never leaving it. */
    private List<String> files(String column, String prefix) {
      List<String> paths = list(column);
      for (String path : paths) {
        if (!path.startsWith(prefix) || path.contains("\\") || List.of(path.split("/")).contains("..")
            || path.endsWith("/")) {
          problem(column, "\"" + path + "\" is not a file path under " + prefix);
        }
      }
      return paths;
    }

    /** The URL columns align with the paths index by index, so they must be as long. */
    private void aligned(String pathsColumn, List<String> paths, String... others) {
      for (String other : others) {
        if (json.has(other)) {
          int size = list(other).size();
          if (size != paths.size()) {
            problem(other, "has " + size + " items but " + pathsColumn + " has " + paths.size()
                + " (the lists align index by index)");
          }
        }
      }
    }

    private void problem(String column, String message) {
      problems.add(new RowProblem(row, column, message));
    }
  }

  /** The parser's message without the location details that name no position the user can see. */
  static String jsonError(JsonProcessingException e) {
    String message = e.getOriginalMessage().lines().findFirst().orElse("");
    int detail = message.indexOf(" (start marker");
    return detail < 0 ? message : message.substring(0, detail);
  }

  static String describe(JsonNode value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}

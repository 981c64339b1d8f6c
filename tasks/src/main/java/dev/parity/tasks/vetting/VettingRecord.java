package dev.parity.tasks.vetting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The record of a suite's vetting, kept in {@code vetting.json} at the suite root: the tool that
 * checked it, when, who attested it (optional), the digest of every file it checked and the
 * findings accepted with their reason. The file lies outside the suite's content hash (the hash
 * covers only suite.json, the task files and the files they list), so writing it never changes a
 * run's suite identity. Format 1; {@link #read} refuses any other.
 *
 * <p>Immutable. {@link #changes} tells whether the suite still holds exactly the files it lists.
 *
 * @param tool the program and version that vetted it ({@code parity 0.1.0})
 * @param vettedAt when
 * @param attestedBy who signed it off; null when nobody was named
 * @param files relative path (with {@code /}) → {@code sha256:<hex>}, as {@link SuiteFiles#digests}
 * @param accepted the findings left on purpose
 */
public record VettingRecord(String tool, Instant vettedAt, String attestedBy, SortedMap<String, String> files,
    List<AcceptedFinding> accepted) {
  /** The record's file name in the suite root. */
  public static final String FILE_NAME = "vetting.json";
  /** The version of the file format written and read. */
  public static final int FORMAT = 1;

  public VettingRecord {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(vettedAt, "vettedAt");
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    accepted = List.copyOf(accepted);
  }

  /** A record of the suite in {@code root} as it is now: the digests of its files are taken here. */
  public static VettingRecord of(Path root, String tool, Instant vettedAt, String attestedBy,
      List<AcceptedFinding> accepted) {
    return new VettingRecord(tool, vettedAt, attestedBy, SuiteFiles.digests(root), accepted);
  }

  /**
   * The record in {@code root}'s {@code vetting.json}, or empty when there is none.
   *
   * @throws InvalidVettingRecordException when the file is there but cannot be read as a record
   */
  public static Optional<VettingRecord> read(Path root) {
    Path file = root.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode json;
    try {
      json = Mapper.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new InvalidVettingRecordException(file + ": malformed JSON at line " + e.getLocation().getLineNr()
          + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidVettingRecordException(file + ": cannot read: " + e.getMessage(), e);
    }
    return Optional.of(parse(file, json));
  }

  /** Writes this record to {@code root}'s {@code vetting.json}, replacing any there. */
  public void write(Path root) {
    ObjectNode json = Mapper.JSON.createObjectNode();
    json.put("format", FORMAT);
    json.put("tool", tool);
    json.put("vetted_at", vettedAt.toString());
    if (attestedBy != null) {
      json.put("attested_by", attestedBy);
    }
    ObjectNode digests = json.putObject("files");
    files.forEach(digests::put);
    ArrayNode list = json.putArray("accepted");
    for (AcceptedFinding finding : accepted) {
      list.addObject().put("file", finding.file()).put("place", finding.place()).put("kind", finding.kind())
          .put("excerpt", finding.excerpt()).put("reason", finding.reason());
    }
    try {
      Files.writeString(root.resolve(FILE_NAME), Mapper.JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + root.resolve(FILE_NAME) + ": " + e.getMessage(), e);
    }
  }

  /** How the files in {@code root} now differ from those this record lists. */
  public FileChanges changes(Path root) {
    return changes(SuiteFiles.digests(root));
  }

  /** How {@code current} (path → digest) differs from the files this record lists. */
  public FileChanges changes(Map<String, String> current) {
    List<String> changed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    new TreeMap<>(current).forEach((path, digest) -> {
      String recorded = files.get(path);
      if (recorded == null) {
        added.add(path);
      } else if (!recorded.equals(digest)) {
        changed.add(path);
      }
    });
    files.keySet().stream().filter(path -> !current.containsKey(path)).forEach(removed::add);
    return new FileChanges(changed, added, removed);
  }

  private static VettingRecord parse(Path file, JsonNode json) {
    if (!json.isObject()) {
      throw invalid(file, "not a JSON object");
    }
    int format = json.path("format").asInt(-1);
    if (format != FORMAT) {
      throw invalid(file, "format " + json.path("format") + " is not one this Parity reads (it reads " + FORMAT + ")");
    }
    Instant at;
    try {
      at = Instant.parse(text(file, json, "vetted_at"));
    } catch (DateTimeParseException e) {
      throw invalid(file, "vetted_at is not an ISO instant such as 2026-12-05T17:00:00Z: " + json.get("vetted_at"));
    }
    JsonNode attested = json.get("attested_by");
    SortedMap<String, String> digests = new TreeMap<>();
    JsonNode filesNode = json.path("files");
    if (!filesNode.isObject()) {
      throw invalid(file, "files must be an object of relative path to sha256 digest");
    }
    filesNode.fields().forEachRemaining(e -> {
      if (!e.getValue().isTextual() || !e.getValue().asText().matches("sha256:[0-9a-f]{64}")) {
        throw invalid(file, "files." + e.getKey() + " is not a digest sha256:<64 hex digits>");
      }
      digests.put(e.getKey(), e.getValue().asText());
    });
    List<AcceptedFinding> accepted = new ArrayList<>();
    JsonNode list = json.path("accepted");
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      String where = "accepted[" + i + "]";
      accepted.add(new AcceptedFinding(text(file, a, "file", where), text(file, a, "place", where),
          text(file, a, "kind", where), text(file, a, "excerpt", where), text(file, a, "reason", where)));
    }
    return new VettingRecord(text(file, json, "tool"), at, attested == null || attested.isNull() ? null
        : attested.asText(), digests, accepted);
  }

  private static String text(Path file, JsonNode node, String field) {
    return text(file, node, field, null);
  }

  private static String text(Path file, JsonNode node, String field, String parent) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw invalid(file, (parent == null ? "" : parent + ".") + field + " is missing or not a string");
    }
    return value.asText();
  }

  private static InvalidVettingRecordException invalid(Path file, String message) {
    return new InvalidVettingRecordException(file + ": " + message, null);
  }

  /**
   * The mapper, made when a record is first read or written: {@code parity run} asks every suite
   * for its record, and most have none (a mapper's set-up costs a run's start tens of milliseconds).
   */
  private static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }
}

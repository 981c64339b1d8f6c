package dev.parity.documents;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats a reference, a baseline or a deliverable may have. */
public enum FileFormat {
  MD("text/markdown", false, "md", "markdown"),
  TXT("text/plain", false, "txt"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", true, "docx"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true, "xlsx"),
  PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", true, "pptx"),
  PDF("application/pdf", true, "pdf"),
  CSV("text/csv", false, "csv"),
  JSON("application/json", false, "json"),
  PNG("image/png", true, "png"),
  JPG("image/jpeg", true, "jpg", "jpeg");

  /**
   * Every extension's format, and every id's. Looked up for every file a suite, a run or a grader
   * handles (each task's files at every load): a map, not a stream over a copy of {@code values()}.
   */
  private static final Map<String, FileFormat> BY_EXTENSION = new HashMap<>();
  private static final Map<String, FileFormat> BY_ID = new HashMap<>();

  static {
    for (FileFormat format : values()) {
      format.extensions.forEach(extension -> BY_EXTENSION.put(extension, format));
      BY_ID.put(format.id(), format);
    }
  }

  private final String mediaType;
  private final boolean binary;
  private final List<String> extensions;

  FileFormat(String mediaType, boolean binary, String... extensions) {
    this.mediaType = mediaType;
    this.binary = binary;
    this.extensions = List.of(extensions);
  }

  /** The name used in task files and on the command line: {@code md}, {@code docx}, … */
  @JsonValue
  public String id() {
    return extensions.get(0);
  }

  /** The IANA media type, e.g. {@code application/pdf}. */
  public String mediaType() {
    return mediaType;
  }

  /** Whether files of this format are bytes rather than text. */
  public boolean isBinary() {
    return binary;
  }

  /** Whether this is an image format. */
  public boolean isImage() {
    return this == PNG || this == JPG;
  }

  /** The format named by {@code id} ({@code "docx"}), case-insensitively. */
  public static Optional<FileFormat> fromId(String id) {
    return Optional.ofNullable(BY_ID.get(id.toLowerCase(Locale.ROOT)));
  }

  @JsonCreator
  static FileFormat parse(String id) {
    return fromId(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown format \"" + id + "\"; known: " + knownIds()));
  }

  /** The format of a file, from its name's extension. */
  public static Optional<FileFormat> ofFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  /** Every format id, comma-separated, for error messages. */
  public static String knownIds() {
    return Arrays.stream(values()).map(FileFormat::id).collect(Collectors.joining(", "));
  }
}

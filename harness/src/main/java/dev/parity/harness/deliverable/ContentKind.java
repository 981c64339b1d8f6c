package dev.parity.harness.deliverable;

import dev.parity.documents.FileFormat;
import java.util.Locale;

/** What a model wrote between the markers of one file; the envelope's {@code content} attribute. */
enum ContentKind {
  MARKDOWN, CSV, OUTLINE, TEXT, JSON, BASE64;

  /** The kind an attribute names ({@code markdown}, {@code md}, {@code csv}, …), or null. */
  static ContentKind named(String attribute) {
    return switch (attribute.toLowerCase(Locale.ROOT).strip()) {
      case "markdown", "md", "table", "gfm" -> MARKDOWN;
      case "csv", "tsv" -> CSV;
      case "outline", "slides", "slide-outline", "slide_outline" -> OUTLINE;
      case "text", "txt", "plain", "plaintext", "utf-8", "utf8" -> TEXT;
      case "json" -> JSON;
      case "base64", "b64", "binary" -> BASE64;
      default -> null;
    };
  }

  /** What a model is asked to write for a file of this format. */
  static ContentKind defaultFor(FileFormat format) {
    return switch (format) {
      case MD, DOCX, PDF -> MARKDOWN;
      case XLSX, CSV -> CSV;
      case PPTX -> OUTLINE;
      case TXT -> TEXT;
      case JSON -> JSON;
      case PNG, JPG -> BASE64;
    };
  }

  /** The format a file of this kind has when its name does not say. */
  FileFormat naturalFormat() {
    return switch (this) {
      case MARKDOWN, OUTLINE -> FileFormat.MD;
      case CSV -> FileFormat.CSV;
      case TEXT, BASE64 -> FileFormat.TXT;
      case JSON -> FileFormat.JSON;
    };
  }
}

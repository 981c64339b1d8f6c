package dev.parity.harness.client;

import dev.parity.documents.FileFormat;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of file a model reads natively, besides text: what a models file's {@code accepts: [image,
 * pdf]} lists. A reference or a page a model does not accept goes as extracted text instead.
 */
public enum InputKind {
  /** PNG and JPEG images (and document pages drawn as PNG). */
  IMAGE("image", Set.of(FileFormat.PNG, FileFormat.JPG)),
  /** PDF files, which the provider reads as pages (text and an image of each). */
  PDF("pdf", Set.of(FileFormat.PDF));

  private final String id;
  private final Set<FileFormat> formats;

  InputKind(String id, Set<FileFormat> formats) {
    this.id = id;
    this.formats = formats;
  }

  /** The name in a models file: {@code image}, {@code pdf}. */
  public String id() {
    return id;
  }

  /** The file formats of this kind. */
  public Set<FileFormat> formats() {
    return formats;
  }

  /** The kind named {@code id} in a models file, case-insensitively. */
  public static Optional<InputKind> ofId(String id) {
    for (InputKind kind : values()) {
      if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * What a provider's API takes when a models file does not say (docs/models.md): OpenAI,
   * Anthropic and Gemini take PDFs and images; OpenAI-compatible servers (vLLM, Ollama, llama.cpp)
   * images only, as they reject {@code file} parts; a command or replay client nothing but text.
   */
  public static Set<InputKind> providerDefault(String provider) {
    return switch (provider) {
      case "openai", "anthropic", "gemini" -> EnumSet.of(IMAGE, PDF);
      case "openai-compatible" -> EnumSet.of(IMAGE);
      default -> EnumSet.noneOf(InputKind.class);
    };
  }
}

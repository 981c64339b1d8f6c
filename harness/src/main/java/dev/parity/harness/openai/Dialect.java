package dev.parity.harness.openai;

import dev.parity.documents.FileFormat;
import dev.parity.harness.client.internal.UserContent;
import java.util.Set;

/** Where Chat Completions differs between OpenAI itself and the servers that imitate it. */
enum Dialect {
  /** OpenAI: PDFs and images as parts; {@code max_completion_tokens}, which reasoning models need. */
  OPENAI(UserContent.PDF_AND_IMAGES, "max_completion_tokens"),
  /**
   * vLLM, Ollama, llama.cpp: images as data URLs (a text-only model then fails loudly rather than
   * answer without them); PDFs as text, since {@code file} parts are rejected; {@code max_tokens},
   * which they all read.
   */
  COMPATIBLE(UserContent.IMAGES, "max_tokens");

  final Set<FileFormat> natives;
  final String maxTokensField;

  Dialect(Set<FileFormat> natives, String maxTokensField) {
    this.natives = natives;
    this.maxTokensField = maxTokensField;
  }
}

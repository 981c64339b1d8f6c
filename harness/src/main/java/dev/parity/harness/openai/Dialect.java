package dev.parity.harness.openai;

/** Where Chat Completions differs between OpenAI itself and the servers that imitate it. */
enum Dialect {
  /** OpenAI: {@code max_completion_tokens}, which reasoning models need. */
  OPENAI("max_completion_tokens"),
  /**
   * vLLM, Ollama, llama.cpp: {@code max_tokens}, which they all read. What they take besides text
   * (images by default, not PDFs, as they reject {@code file} parts) is the model's
   * {@code accepts}, see {@link dev.parity.harness.client.InputKind#providerDefault}.
   */
  COMPATIBLE("max_tokens");

  final String maxTokensField;

  Dialect(String maxTokensField) {
    this.maxTokensField = maxTokensField;
  }
}

/**
 * OpenAI's Responses API (the default) and Chat Completions API, and Chat Completions against any
 * OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio, OpenRouter). Registered as the
 * providers {@code openai} and {@code openai-compatible}; the wire format stays in this package.
 */
package dev.parity.harness.openai;

/**
 * The {@code replay} provider: serves answers recorded earlier (text and files) from a folder or a
 * JSONL file, keyed by task id and sample, at zero cost. For the offline demo, for tests, and for
 * grading deliverables made elsewhere. The layouts are documented in {@code docs/models.md}.
 */
package dev.parity.harness.replay;

/**
 * Plumbing the provider packages share: one JSON-over-HTTP call with timing and typed failures,
 * the waits servers ask for, transcripts with keys redacted and base64 condensed, and reference
 * files turned into attachments or text. Public only so that the provider packages can use it;
 * not part of Parity's API, and it may change without notice.
 */
package dev.parity.harness.client.internal;

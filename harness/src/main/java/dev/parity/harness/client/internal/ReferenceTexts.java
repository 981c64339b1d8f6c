package dev.parity.harness.client.internal;

import dev.parity.documents.Documents;
import dev.parity.harness.client.Attachment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The text of each reference file sent as text, extracted once per content in a process: every
 * model and sample of a task sends the same references, and extracting a Word, Excel, PowerPoint
 * or PDF file's text costs far more than reading and hashing it (14% of the CPU of a run of 1,040
 * attempts, four samples of 260 tasks; benchmarks/README.md, sixteenth session). The file is still
 * read for every request, and its text is the text of the bytes read then, found by their SHA-256.
 * Texts are kept up to {@link #MAX_CHARS} characters in all; beyond, they are extracted each time.
 * Thread-safe.
 */
final class ReferenceTexts {
  /** About 32 MB of text at most. */
  static final long MAX_CHARS = 16L << 20;

  private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();
  private static final AtomicLong KEPT_CHARS = new AtomicLong();

  private ReferenceTexts() {}

  /**
   * The text of {@code attachment}'s file as it is now.
   *
   * @throws dev.parity.documents.UnableToExtractTextException as {@link Documents#text(Path,
   *     dev.parity.documents.FileFormat)}: the file cannot be read, its format holds no text, or it
   *     does not open as its format
   */
  static String of(Attachment attachment) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(attachment.file());
    } catch (IOException e) {
      // Asked again with the path, so that a file that cannot be read is reported as it always was.
      return Documents.text(attachment.file(), attachment.format());
    }
    String key = attachment.format().id() + ':' + Transcripts.sha256(bytes);
    String known = TEXTS.get(key);
    if (known != null) {
      return known;
    }
    String text = Documents.text(attachment.file(), bytes, attachment.format());
    // Counted first, so that threads adding at once never keep more than the limit between them.
    if (KEPT_CHARS.addAndGet(text.length()) > MAX_CHARS || TEXTS.putIfAbsent(key, text) != null) {
      KEPT_CHARS.addAndGet(-text.length());
    }
    return text;
  }
}

package dev.parity.harness.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a process's stream to its end on its own thread, keeping the first bytes up to a limit and
 * draining the rest, so an endless printer neither blocks on a full pipe nor fills the memory.
 */
final class OutputCapture {
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final Thread reader;
  private final int limitChars;
  private volatile boolean cut;

  OutputCapture(InputStream stream, int limitChars, String name) {
    this.limitChars = limitChars;
    // Up to 4 bytes a character in UTF-8: enough bytes to fill the character limit.
    long limitBytes = 4L * limitChars;
    reader = new Thread(() -> drain(stream, limitBytes), name);
    reader.setDaemon(true);
    reader.start();
  }

  private void drain(InputStream stream, long limitBytes) {
    byte[] buffer = new byte[8192];
    try (stream) {
      int read;
      while ((read = stream.read(buffer)) >= 0) {
        synchronized (kept) {
          int room = (int) Math.max(0, limitBytes - kept.size());
          kept.write(buffer, 0, Math.min(room, read));
          if (read > room) {
            cut = true;
          }
        }
      }
    } catch (IOException e) {
      // The process was killed and its pipe closed: what was read is what there is.
    }
  }

  /** Waits (at most {@code millis}) for the stream's end, then returns the text kept. */
  Text finish(long millis) throws InterruptedException {
    reader.join(millis);
    String text;
    synchronized (kept) {
      text = kept.toString(StandardCharsets.UTF_8);
    }
    boolean truncated = cut || reader.isAlive();
    if (text.length() > limitChars) {
      text = text.substring(0, limitChars);
      truncated = true;
    }
    return new Text(text, truncated);
  }

  record Text(String text, boolean truncated) {}
}

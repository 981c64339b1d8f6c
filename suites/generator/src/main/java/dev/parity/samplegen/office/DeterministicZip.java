package dev.parity.samplegen.office;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an Office Open XML package (a zip) with every entry stamped with one fixed time, in
 * the original order, so that generating a document twice gives the same bytes. POI stamps
 * entries with the time of writing.
 */
final class DeterministicZip {
  private static final LocalDateTime STAMP = LocalDateTime.of(2026, 1, 1, 0, 0);

  private DeterministicZip() {}

  static byte[] normalize(byte[] zip) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(STAMP);
        out.putNextEntry(copy);
        in.transferTo(out);
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite an in-memory zip", e);
    }
    return bytes.toByteArray();
  }
}

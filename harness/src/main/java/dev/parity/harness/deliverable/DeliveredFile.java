package dev.parity.harness.deliverable;

import dev.parity.documents.FileFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a deliverable: its name, its format and its bytes. Immutable: the bytes are
 * copied in and out, so a caller can neither change a delivered file nor be changed by it.
 *
 * @param name the file's name, without folders, e.g. {@code summary.docx}
 * @param format the file's format, which agrees with the name's extension
 * @param bytes the file's content
 */
public record DeliveredFile(String name, FileFormat format, byte[] bytes) {
  public DeliveredFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    bytes = bytes.clone();
  }

  /** A text file (Markdown, CSV, …) stored as UTF-8. */
  public static DeliveredFile ofText(String name, FileFormat format, String text) {
    return new DeliveredFile(name, format, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes, without copying them. */
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeliveredFile that && name.equals(that.name) && format == that.format
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, format, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return name + " (" + format.id() + ", " + bytes.length + " bytes)";
  }
}

package dev.parity.harness.client;

import dev.parity.documents.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A reference file handed over with a request.
 *
 * @param name the file's name as the model should see it, e.g. {@code q3-actuals.xlsx}
 * @param format the file's format
 * @param file where the bytes are
 * @param sha256 the hex sha256 of the bytes, which identifies the file in cache keys and
 *     transcripts instead of the bytes themselves
 */
public record Attachment(String name, FileFormat format, Path file, String sha256) {
  public Attachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** The attachment for {@code file}, named by its file name, its digest computed now. */
  public static Attachment of(Path file, FileFormat format) {
    return new Attachment(file.getFileName().toString(), format, file, digest(file));
  }

  /** The file's bytes, read now. */
  public byte[] bytes() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read attachment " + file, e);
    }
  }

  private static String digest(Path file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read attachment " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

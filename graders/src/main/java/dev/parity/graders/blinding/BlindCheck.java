package dev.parity.graders.blinding;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.TextPiece;
import dev.parity.documents.UnableToStripMetadataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists what in a file could tell a grader who made it: identifying metadata
 * ({@link Tell.Kind#METADATA}: authors, company, application, timestamps, comment and
 * tracked-change authors, image EXIF), active content that could call out to its maker when
 * opened ({@link Tell.Kind#ACTIVE_CONTENT}: scripts, actions, macros, external links and
 * fields) and words in its text ({@link Tell.Kind#TEXT}: "As an
 * AI language model", model and provider names, chat-assistant phrases), each with its place.
 * After {@link Blinder#strip} a file has no metadata or active-content tell; text tells are for a person to judge.
 * Stateless and thread-safe.
 */
public final class BlindCheck {
  private BlindCheck() {}

  /**
   * The tells in the file at {@code path}, its format taken from its extension.
   *
   * @throws UnableToBlindException if the file cannot be read, or does not open as its format
   */
  public static List<Tell> check(Path path) {
    try {
      return check(path.getFileName().toString(), Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UnableToBlindException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The tells in a file given by name and bytes. A file of no known format has none.
   *
   * @throws UnableToBlindException if the file does not open as its format
   */
  public static List<Tell> check(String name, byte[] bytes) {
    Optional<FileFormat> format = FileFormat.ofFileName(name);
    if (format.isEmpty()) {
      return List.of();
    }
    List<Tell> tells = new ArrayList<>(metadata(name, format.get(), bytes));
    try {
      for (TextPiece piece : Documents.pieces(format.get(), bytes)) {
        for (String what : TextTells.find(piece.text())) {
          tells.add(new Tell(name, Tell.Kind.TEXT, piece.where(), what));
        }
      }
    } catch (RuntimeException e) {
      throw new UnableToBlindException(name + " does not open as " + format.get().id() + ": " + e.getMessage(), e);
    }
    return tells;
  }

  private static List<Tell> metadata(String name, FileFormat format, byte[] bytes) {
    try {
      List<Tell> tells = new ArrayList<>();
      Documents.metadata(format, bytes).forEach(entry ->
          tells.add(new Tell(name, Tell.Kind.METADATA, entry.where(), entry.what())));
      Documents.activeContent(format, bytes).forEach(entry ->
          tells.add(new Tell(name, Tell.Kind.ACTIVE_CONTENT, entry.where(), entry.what())));
      return tells;
    } catch (UnableToStripMetadataException e) {
      throw new UnableToBlindException(name + " does not open as " + format.id() + ": " + e.getMessage(), e);
    }
  }
}

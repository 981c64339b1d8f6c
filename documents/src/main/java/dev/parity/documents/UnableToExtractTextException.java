package dev.parity.documents;

import dev.parity.core.ParityException;

/**
 * A file's text or structure (pages, headings, cells) could not be read: a format with no text
 * (an image), or a file that does not open as its format.
 */
public final class UnableToExtractTextException extends ParityException {
  private static final long serialVersionUID = 1L;

  UnableToExtractTextException(String message, Throwable cause) {
    super(message, cause);
  }
}

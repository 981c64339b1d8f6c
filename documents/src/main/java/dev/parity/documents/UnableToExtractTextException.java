package dev.parity.documents;

import dev.parity.core.ParityException;

/** A file's text could not be extracted: a format with no text (an image) or an unreadable file. */
public final class UnableToExtractTextException extends ParityException {
  private static final long serialVersionUID = 1L;

  UnableToExtractTextException(String message, Throwable cause) {
    super(message, cause);
  }
}

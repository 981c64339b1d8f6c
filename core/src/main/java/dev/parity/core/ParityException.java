package dev.parity.core;

/**
 * The root of every exception Parity throws on purpose. Subclasses name what failed
 * ({@code InvalidSuiteException}, …); messages name the input and what was wrong with it.
 */
public class ParityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ParityException(String message) {
    super(message);
  }

  public ParityException(String message, Throwable cause) {
    super(message, cause);
  }
}

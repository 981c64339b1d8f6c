package dev.parity.graders.web;

/** Ends a request with an HTTP status and a message safe to show (it names nothing secret). */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }
}

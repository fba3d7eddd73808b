package io.costwise.serve;

/**
 * A request the server refuses, with the HTTP status that says why and a message for the client.
 * The HTTP adapter maps it in one place; anything else becomes a 500 with a request id.
 */
public final class ServingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  private ServingException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** 400: the body cannot be read as rows of the model's features. */
  public static ServingException badRequest(String message) {
    return new ServingException(400, message);
  }

  /** 406: none of the accepted response types is supported. */
  public static ServingException notAcceptable(String message) {
    return new ServingException(406, message);
  }

  /** 408: the body stopped arriving before its end. */
  public static ServingException requestTimeout(String message) {
    return new ServingException(408, message);
  }

  /** A request the HTTP parser refused, with its status (400 for a bad chunk size). */
  public static ServingException malformed(int status, String message) {
    return new ServingException(status, message);
  }

  /** 431: too many request headers. */
  public static ServingException headersTooLarge(String message) {
    return new ServingException(431, message);
  }

  /** 413: the body is larger than the payload limit. */
  public static ServingException payloadTooLarge(String message) {
    return new ServingException(413, message);
  }

  /** 415: the request's content type is not supported. */
  public static ServingException unsupportedMediaType(String message) {
    return new ServingException(415, message);
  }

  /** 503: the model is not loaded yet (or the server is stopping). */
  public static ServingException unavailable(String message) {
    return new ServingException(503, message);
  }

  /** 404 or 405: no such endpoint or method. */
  public static ServingException notFound(int status, String message) {
    return new ServingException(status, message);
  }
}

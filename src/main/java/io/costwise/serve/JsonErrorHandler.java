package io.costwise.serve;

import io.costwise.sagemaker.ContentTypes;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, before or around {@link HttpEndpoints} — 431 for a head over the
 * size limit, 414 for a request line over it, 400 for a malformed head or chunk size — in the same
 * JSON as every other error, {@code {"error": ..., "status": ...}}, whatever the client's {@code
 * Accept} (Jetty's own would be HTML or nothing).
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  public boolean errorPageForMethod(String method) {
    // A refused head may have no method at all; HEAD's body is dropped by Jetty.
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int jettyCode,
      String message,
      Throwable cause,
      Callback done) {
    // 505 for HTTP/0.9 or an unknown version: the client's mistake, and no 5xx is the client's.
    int code = jettyCode == 505 ? 400 : jettyCode;
    response.setStatus(code);
    String sentence = sentence(code, message);
    request.setAttribute(HttpEndpoints.ERROR_ATTRIBUTE, sentence);
    byte[] body = HttpEndpoints.errorJson(code, sentence);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ContentTypes.JSON);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    // Jetty's own error responses do not show as committed to its request log: record the
    // status once it is sent, so that the access log tells a sent 431 from a closed connection.
    response.write(
        true,
        ByteBuffer.wrap(body),
        Callback.from(
            () -> {
              request.setAttribute(HttpEndpoints.SENT_STATUS_ATTRIBUTE, code);
              done.succeeded();
            },
            done::failed));
  }

  /** Jetty's reason ("Request Header Fields Too Large"), with what to do about it. */
  private static String sentence(int code, String message) {
    String limit = " (the limit is " + InferenceServer.MAX_HEAD_BYTES / 1024 + " KiB).";
    return switch (code) {
      case 431 -> "The request's headers are too large" + limit;
      case 414 -> "The request line (method, path and query) is too long" + limit;
      default ->
          "The request is not valid HTTP/1.1"
              + (message == null ? "." : ": " + Echo.clip(message) + ".");
    };
  }
}

package io.costwise.serve;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * One {@code POST /invocations}, as plain data. The body is a stream so that a batch body is
 * decoded as it arrives rather than held whole; the service reads it once, to its end (or to the
 * first error).
 *
 * @param contentType the Content-Type header, or null
 * @param accept the Accept header, or null
 * @param body the request body
 * @param declaredLength the body's declared length (Content-Length), or −1 when unknown (chunked)
 * @param customAttributes the {@code X-Amzn-SageMaker-Custom-Attributes} header, or null
 */
public record InvocationRequest(
    String contentType,
    String accept,
    InputStream body,
    long declaredLength,
    String customAttributes) {

  /**
   * A request whose body is already in memory (tests, the start-up self-check), e.g. {@code
   * InvocationRequest.of("text/csv", null, bytes, null)}.
   */
  public static InvocationRequest of(
      String contentType, String accept, byte[] body, String customAttributes) {
    return new InvocationRequest(
        contentType, accept, new ByteArrayInputStream(body), body.length, customAttributes);
  }
}

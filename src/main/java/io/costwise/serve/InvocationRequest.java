package io.costwise.serve;

/**
 * One {@code POST /invocations}, as plain data.
 *
 * @param contentType the Content-Type header, or null
 * @param accept the Accept header, or null
 * @param body the request body; only the first {@code length} bytes count
 * @param length the body's length
 * @param customAttributes the {@code X-Amzn-SageMaker-Custom-Attributes} header, or null
 */
public record InvocationRequest(
    String contentType, String accept, byte[] body, int length, String customAttributes) {}

package io.costwise.serve;

/**
 * The answer to one invocation.
 *
 * @param contentType the response's media type
 * @param body the encoded predictions
 * @param customAttributes echoed to the client as {@code X-Amzn-SageMaker-Custom-Attributes}
 */
public record InvocationResponse(String contentType, byte[] body, String customAttributes) {}

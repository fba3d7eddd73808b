package io.costwise.serve;

/** What answers {@code /invocations}: the {@link InferenceService}, or a stand-in in tests. */
@FunctionalInterface
public interface Invoker {
  /**
   * @throws ServingException for requests refused with a status; anything else is a 500
   */
  InvocationResponse invoke(InvocationRequest request);
}

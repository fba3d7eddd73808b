package io.costwise.error;

/**
 * The user's data, configuration or request is wrong, and the user can fix it.
 *
 * <p>The message is one complete sentence that names what is wrong (the file, line and column, or
 * the key and value) and says how to fix it. It is written as-is to SageMaker's failure file, whose
 * first 1,024 characters become the training job's {@code FailureReason}, so it never holds a stack
 * trace. Anything that is not the user's fault is a bug and must not be reported with this type.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.costwise.s3;

import io.costwise.error.InvalidInputException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns what the SDK throws into one sentence that names the S3 address, the option it came from
 * and what to do. The SDK has already retried what is worth retrying (throttling, 5xx, dropped
 * connections) by the time an exception gets here.
 */
final class S3Errors {
  private S3Errors() {}

  static InvalidInputException explain(Throwable thrown, S3Location where, String option) {
    Throwable cause = unwrap(thrown);
    String prefix = option + " (" + where + "): ";
    if (cause instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      return new InvalidInputException(prefix + serviceError(s3.statusCode(), code, where), s3);
    }
    if (hasCause(cause, ConnectException.class) || hasCause(cause, UnknownHostException.class)) {
      return new InvalidInputException(
          prefix
              + "cannot connect to the S3 endpoint ("
              + rootMessage(cause)
              + "); check --s3-endpoint or AWS_ENDPOINT_URL_S3 and the network.",
          cause);
    }
    if (cause instanceof SdkClientException
        && String.valueOf(cause.getMessage()).contains("credentials")) {
      return noCredentials(cause);
    }
    return new InvalidInputException(
        prefix + "the transfer failed (" + rootMessage(cause) + ").", cause);
  }

  static InvalidInputException noCredentials(Throwable cause) {
    return new InvalidInputException(
        "No AWS credentials were found for S3; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
            + " or AWS_PROFILE, or run with an IAM role (task, instance or container role).",
        cause);
  }

  private static String serviceError(int status, String code, S3Location where) {
    if ("NoSuchBucket".equals(code)) {
      return "the bucket '" + where.bucket() + "' does not exist; check the bucket name.";
    }
    if ("NoSuchKey".equals(code) || status == 404) {
      return "there is no such object; check the key.";
    }
    if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
      return "S3 rejected the credentials ("
          + code
          + "); check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the profile.";
    }
    if ("AccessDenied".equals(code) || status == 403) {
      return "access was denied ("
          + (code == null ? "403" : code)
          + "); the credentials need s3:ListBucket and s3:GetObject to read, s3:PutObject to"
          + " write.";
    }
    return "S3 answered "
        + status
        + (code == null ? "" : " " + code)
        + " (after the SDK's retries); try again, or check the address.";
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable t = thrown;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    // The transfer manager wraps service errors in an SdkClientException; prefer the S3 error.
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof S3Exception) {
        return c;
      }
    }
    return t;
  }

  private static boolean hasCause(Throwable thrown, Class<? extends Throwable> type) {
    for (Throwable c = thrown; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}

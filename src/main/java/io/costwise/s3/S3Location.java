package io.costwise.s3;

import io.costwise.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/key} address: an object, or a prefix when the key is empty or ends in
 * {@code /}.
 *
 * @param bucket the bucket name
 * @param key the object key or prefix, without a leading {@code /}; may be empty
 */
public record S3Location(String bucket, String key) {
  // S3's bucket naming rules, loosely: S3-compatible stores allow a little more (e.g. '_').
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]");

  /**
   * Parses {@code uri}; {@code option} (e.g. {@code --s3-train}) names where it came from in the
   * error.
   */
  public static S3Location parse(String uri, String option) {
    if (uri == null || !uri.startsWith("s3://")) {
      throw new InvalidInputException(
          option + " is '" + uri + "', which is not an S3 URI; write it as s3://bucket/prefix/.");
    }
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (!BUCKET.matcher(bucket).matches()) {
      throw new InvalidInputException(
          option
              + " names the bucket '"
              + bucket
              + "', which is not a valid bucket name (3-63 lower-case letters, digits, '.', '-');"
              + " write it as s3://bucket/prefix/.");
    }
    return new S3Location(bucket, key);
  }

  /** This prefix with {@code /} appended unless the key is empty or already ends in one. */
  public S3Location asPrefix() {
    return key.isEmpty() || key.endsWith("/") ? this : new S3Location(bucket, key + "/");
  }

  /** The object or prefix {@code relative} below this prefix. */
  public S3Location resolve(String relative) {
    return new S3Location(bucket, asPrefix().key + relative);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}

package io.costwise.s3;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach S3. Credentials and region come from the SDK's default chains (environment, profile,
 * container or instance role); these settings only add what an S3-compatible store needs.
 *
 * @param endpoint an endpoint to use instead of AWS's (MinIO, Ceph, S3Proxy, LocalStack…); the SDK
 *     also reads {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL} by itself
 * @param pathStyle address buckets as {@code endpoint/bucket/key} instead of {@code
 *     bucket.endpoint/key}, which most S3-compatible stores need
 */
public record S3Settings(Optional<URI> endpoint, boolean pathStyle) {
  /** AWS's S3, found through the default chains. */
  public static S3Settings defaults() {
    return new S3Settings(Optional.empty(), false);
  }
}

package io.costwise.cli;

import io.costwise.s3.S3Settings;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How to reach S3 (or an S3-compatible store), shared by {@code train} and {@code serve}. */
final class S3Options {
  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description =
          "An S3-compatible endpoint (e.g. http://127.0.0.1:9000) instead of AWS's; the SDK also"
              + " reads $AWS_ENDPOINT_URL_S3 and $AWS_ENDPOINT_URL.")
  URI endpoint;

  @Option(
      names = "--s3-path-style",
      defaultValue = "${env:COSTWISE_S3_PATH_STYLE:-false}",
      description =
          "Address buckets as <endpoint>/<bucket>/<key>, as most S3-compatible stores need"
              + " (default: $COSTWISE_S3_PATH_STYLE, else false).")
  boolean pathStyle;

  S3Settings settings() {
    return new S3Settings(Optional.ofNullable(endpoint), pathStyle);
  }
}

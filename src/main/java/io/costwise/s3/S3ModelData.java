package io.costwise.s3;

import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model archive in S3 to fetch before serving, as SageMaker does with {@code ModelDataUrl}. The
 * address is checked when this is made; the download happens later, into a folder the caller owns
 * and deletes (the server's scratch folder).
 */
public final class S3ModelData {
  private static final String OPTION = "--model-data";

  private final S3Location object;
  private final S3Settings settings;

  private S3ModelData(S3Location object, S3Settings settings) {
    this.object = object;
    this.settings = settings;
  }

  /**
   * Checks {@code uri} (an S3 address of a {@code .tar.gz}) without connecting.
   *
   * @throws InvalidInputException naming the option and the address
   */
  public static S3ModelData of(String uri, S3Settings settings) {
    S3Location object = S3Location.parse(uri, OPTION);
    if (!object.key().endsWith(".tar.gz")) {
      throw new InvalidInputException(
          OPTION
              + " is "
              + object
              + ", which is not a .tar.gz; give the model.tar.gz that costwise train (or"
              + " SageMaker) wrote.");
    }
    return new S3ModelData(object, settings);
  }

  /** Downloads the archive into {@code folder} (which must exist) and returns its path. */
  public Path downloadInto(Path folder) throws IOException {
    Path file = folder.resolve("model.tar.gz");
    try (S3Storage storage = S3Storage.connect(settings)) {
      storage.downloadFile(object, file, OPTION);
    }
    return file;
  }

  /** The address, {@code s3://bucket/key}. */
  @Override
  public String toString() {
    return object.toString();
  }
}

package io.costwise.s3;

import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fetches a model archive from S3 before serving, as SageMaker does with {@code ModelDataUrl}. */
public final class S3ModelData {
  private static final String OPTION = "--model-data";

  private S3ModelData() {}

  /** Downloads {@code uri} to a fresh temporary folder and returns the archive's path. */
  public static Path download(String uri, S3Settings settings) {
    S3Location object = S3Location.parse(uri, OPTION);
    if (!object.key().endsWith(".tar.gz")) {
      throw new InvalidInputException(
          OPTION
              + " is "
              + object
              + ", which is not a .tar.gz; give the model.tar.gz that costwise train (or"
              + " SageMaker) wrote.");
    }
    try (S3Storage storage = S3Storage.connect(settings)) {
      Path file = Files.createTempDirectory("costwise-model-data").resolve("model.tar.gz");
      storage.downloadFile(object, file, OPTION);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

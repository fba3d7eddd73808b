package io.costwise.serve;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@code model.tar.gz} that {@code serve} fetches before loading it (SageMaker's {@code
 * ModelDataUrl}, given as {@code --model-data}). It is fetched into the server's scratch folder, so
 * the one clean-up that removes the unpacked model (on failure, and on SIGTERM) removes the
 * download too.
 *
 * @param source how messages name the archive, e.g. its S3 address
 * @param fetch fetches the archive into an existing, empty folder and returns the archive's path
 */
public record ModelDownload(String source, Fetch fetch) {
  /** Fetches the archive into {@code folder}. */
  @FunctionalInterface
  public interface Fetch {
    Path into(Path folder) throws IOException;
  }
}

package io.costwise.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where checkpoints go, if anywhere.
 *
 * <p>SageMaker writes {@code checkpointconfig.json} ({@code LocalPath}, {@code S3Uri}) when a job
 * sets {@code checkpoint_s3_uri}, and syncs the local folder with S3 both ways. Checkpointing is
 * also on when the default folder exists, so a local run can opt in by creating it.
 */
public final class CheckpointConfig {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckpointConfig() {}

  /** The checkpoint folder, or empty when checkpointing is off. */
  public static Optional<Path> checkpointDir(SageMakerEnvironment environment) {
    Path config = environment.checkpointConfigFile();
    if (Files.exists(config)) {
      try {
        JsonNode localPath = JSON.readTree(config.toFile()).path("LocalPath");
        return Optional.of(
            localPath.isTextual()
                ? environment.rebase(localPath.asText())
                : environment.defaultCheckpointDir());
      } catch (IOException e) {
        throw new InvalidInputException(
            "Cannot read "
                + config.getFileName()
                + " as JSON ("
                + e.getMessage()
                + "); it is written by SageMaker and should not be edited.",
            e);
      }
    }
    Path defaultDir = environment.defaultCheckpointDir();
    return Files.isDirectory(defaultDir) ? Optional.of(defaultDir) : Optional.empty();
  }
}

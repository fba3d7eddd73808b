package io.costwise.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointConfigTest {
  @Test
  void offWithoutConfigOrFolder(@TempDir Path base) {
    SageMakerEnvironment env = SageMakerEnvironment.of(Map.of(), Optional.of(base));
    assertEquals(Optional.empty(), CheckpointConfig.checkpointDir(env));
  }

  @Test
  void onWhenTheDefaultFolderExists(@TempDir Path base) throws Exception {
    Files.createDirectories(base.resolve("checkpoints"));
    SageMakerEnvironment env = SageMakerEnvironment.of(Map.of(), Optional.of(base));
    assertEquals(Optional.of(base.resolve("checkpoints")), CheckpointConfig.checkpointDir(env));
  }

  @Test
  void theConfiguredLocalPathIsRebased(@TempDir Path base) throws Exception {
    Files.createDirectories(base.resolve("input/config"));
    Files.writeString(
        base.resolve("input/config/checkpointconfig.json"),
        "{\"LocalPath\": \"/opt/ml/checkpoints/run\", \"S3Uri\": \"s3://b/c\"}");
    SageMakerEnvironment env = SageMakerEnvironment.of(Map.of(), Optional.of(base));
    assertEquals(Optional.of(base.resolve("checkpoints/run")), CheckpointConfig.checkpointDir(env));
  }
}

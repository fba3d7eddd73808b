package io.costwise.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SageMakerEnvironmentTest {
  @Test
  void defaultsToOptMl() {
    SageMakerEnvironment env = SageMakerEnvironment.of(Map.of(), Optional.empty());
    assertEquals(Path.of("/opt/ml"), env.base());
    assertEquals(Path.of("/opt/ml/input/config/hyperparameters.json"), env.hyperparametersFile());
    assertEquals(Path.of("/opt/ml/input/data/train"), env.channelDir("train"));
    assertEquals(Path.of("/opt/ml/input/data/train_0"), env.channelPipe("train", 0));
    assertEquals(Path.of("/opt/ml/model"), env.modelDir());
    assertEquals(Path.of("/opt/ml/output/failure"), env.failureFile());
    assertEquals(Path.of("/opt/ml/output/data"), env.outputDataDir());
    assertEquals(Path.of("/opt/ml/checkpoints"), env.defaultCheckpointDir());
  }

  @Test
  void theVariableRelocatesAndTheFlagWins() {
    Map<String, String> variables = Map.of("SAGEMAKER_BASE_DIR", "/tmp/a");
    assertEquals(
        Path.of("/tmp/a/model"), SageMakerEnvironment.of(variables, Optional.empty()).modelDir());
    assertEquals(
        Path.of("/tmp/b/model"),
        SageMakerEnvironment.of(variables, Optional.of(Path.of("/tmp/b"))).modelDir());
  }

  @Test
  void rebasesSageMakerPathsIntoARelocatedRoot() {
    SageMakerEnvironment env = SageMakerEnvironment.of(Map.of(), Optional.of(Path.of("/tmp/x")));
    assertEquals(Path.of("/tmp/x/checkpoints"), env.rebase("/opt/ml/checkpoints"));
    assertEquals(Path.of("/data/ckpt"), env.rebase("/data/ckpt"));
  }

  @Test
  void readsVariablesTrimmedAndIgnoresBlank() {
    SageMakerEnvironment env =
        SageMakerEnvironment.of(Map.of("TRAINING_JOB_NAME", " job-1 ", "X", " "), Optional.empty());
    assertEquals(Optional.of("job-1"), env.trainingJobName());
    assertEquals(Optional.empty(), env.variable("X"));
  }
}

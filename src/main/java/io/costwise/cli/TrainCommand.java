package io.costwise.cli;

import io.costwise.sagemaker.SageMakerEnvironment;
import io.costwise.train.TrainingJob;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code costwise train}: SageMaker's training mode. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a SageMaker training job on <base-dir> (default /opt/ml): read"
          + " input/config/hyperparameters.json and the train (and validation) channels under"
          + " input/data/, write the model to model/ and the outcome to output/success or"
          + " output/failure.",
      "Exit code 0 on success, 1 on failure, 143 when stopped by SIGTERM."
    })
final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description = "The /opt/ml-shaped root; default: $SAGEMAKER_BASE_DIR, else /opt/ml.")
  Path baseDir;

  @Override
  public Integer call() {
    return new TrainingJob(SageMakerEnvironment.fromProcess(Optional.ofNullable(baseDir))).run();
  }
}

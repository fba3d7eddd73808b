package io.costwise.cli;

import io.costwise.error.InvalidInputException;
import io.costwise.s3.S3Location;
import io.costwise.sagemaker.SageMakerEnvironment;
import io.costwise.train.S3TrainingJob;
import io.costwise.train.TrainingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code costwise train}: SageMaker's training mode, on SageMaker or with S3 outside it. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run a SageMaker training job on <base-dir> (default /opt/ml): read"
          + " input/config/hyperparameters.json and the train (and validation) channels under"
          + " input/data/, write the model to model/ and the outcome to output/success or"
          + " output/failure.",
      "Outside SageMaker, --s3-train and --s3-output do SageMaker's part too: download the"
          + " channels into <base-dir> first, and upload model.tar.gz and output.tar.gz (or the"
          + " failure) to <s3-output>/<job-name>/output/ afterwards.",
      "Exit code 0 on success, 1 on failure, 143 when stopped by SIGTERM."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--base-dir",
      paramLabel = "DIR",
      description = "The /opt/ml-shaped root; default: $SAGEMAKER_BASE_DIR, else /opt/ml.")
  Path baseDir;

  @Option(
      names = "--s3-train",
      paramLabel = "S3_URI",
      description = "Stage every object under this prefix into input/data/train/.")
  String s3Train;

  @Option(
      names = "--s3-validation",
      paramLabel = "S3_URI",
      description = "Stage every object under this prefix into input/data/validation/.")
  String s3Validation;

  @Option(
      names = "--s3-output",
      paramLabel = "S3_URI",
      description = "Upload the results to <S3_URI>/<job-name>/output/ (SageMaker's output_path).")
  String s3Output;

  @Option(
      names = "--hyperparameters",
      paramLabel = "FILE",
      description = "A hyperparameters.json to stage into input/config/ (S3 jobs).")
  Path hyperparameters;

  @Option(
      names = "--job-name",
      paramLabel = "NAME",
      description =
          "The job's name (S3 jobs); default: $TRAINING_JOB_NAME, else"
              + " costwise-<yyyy-MM-dd-HH-mm-ss-SSS>.")
  String jobName;

  @Mixin S3Options s3;

  @Override
  public Integer call() {
    SageMakerEnvironment environment =
        SageMakerEnvironment.fromProcess(Optional.ofNullable(baseDir));
    if (s3Train == null && s3Output == null) {
      if (s3Validation != null || hyperparameters != null || jobName != null) {
        throw usage(
            "--s3-validation, --hyperparameters and --job-name need --s3-train and --s3-output");
      }
      if (!Files.isDirectory(environment.base())) {
        // Outside SageMaker a bare `train` would create /opt/ml (or fail writing there) only to
        // report that it holds no data.
        throw usage(
            environment.base()
                + " does not exist, so there is no job to run; give --base-dir DIR, a folder laid"
                + " out as SageMaker's /opt/ml (input/config/hyperparameters.json,"
                + " input/data/train/), or set "
                + SageMakerEnvironment.BASE_DIR_VARIABLE
                + ".");
      }
      return new TrainingJob(environment).run();
    }
    if (s3Train == null || s3Output == null) {
      throw usage("--s3-train and --s3-output go together");
    }
    S3TrainingJob.Plan plan;
    try {
      plan =
          new S3TrainingJob.Plan(
              S3Location.parse(s3Train, "--s3-train"),
              Optional.ofNullable(s3Validation).map(v -> S3Location.parse(v, "--s3-validation")),
              S3Location.parse(s3Output, "--s3-output"),
              Optional.ofNullable(hyperparameters),
              Optional.ofNullable(jobName)
                  .or(environment::trainingJobName)
                  .orElseGet(() -> S3TrainingJob.Plan.defaultJobName(Clock.systemUTC())));
    } catch (InvalidInputException e) {
      throw usage(e.getMessage());
    }
    return new S3TrainingJob(environment, s3.settings(), plan).run();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

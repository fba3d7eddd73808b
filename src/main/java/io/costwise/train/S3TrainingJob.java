package io.costwise.train;

import io.costwise.error.InvalidInputException;
import io.costwise.s3.S3Location;
import io.costwise.s3.S3Settings;
import io.costwise.s3.S3Storage;
import io.costwise.s3.TarGz;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A training job outside SageMaker with SageMaker's semantics: stage the S3 channels (and the
 * hyperparameters) into the local {@code /opt/ml} tree, run the ordinary {@link TrainingJob}, then
 * upload {@code model.tar.gz} and {@code output.tar.gz} to {@code <output>/<job-name>/output/}, or,
 * when the job failed, the {@code failure} file and whatever evaluation output there is.
 */
public final class S3TrainingJob {
  /** A SageMaker training job name: letters, digits and single or repeated hyphens. */
  private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

  private static final DateTimeFormatter JOB_SUFFIX =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss-SSS").withZone(ZoneOffset.UTC);
  private static final Logger LOG = LoggerFactory.getLogger(S3TrainingJob.class);

  /**
   * What to stage and where to put the results.
   *
   * @param train the train channel's prefix ({@code --s3-train})
   * @param validation the validation channel's prefix ({@code --s3-validation})
   * @param output where job folders go ({@code --s3-output}), as SageMaker's {@code output_path}
   * @param hyperparameters a local {@code hyperparameters.json} to stage
   * @param jobName the job's name: the folder under {@code output}
   */
  public record Plan(
      S3Location train,
      Optional<S3Location> validation,
      S3Location output,
      Optional<Path> hyperparameters,
      String jobName) {
    public Plan {
      if (!JOB_NAME.matcher(jobName).matches()) {
        throw new InvalidInputException(
            "The job name '"
                + jobName
                + "' is not a SageMaker job name; use 1-63 letters, digits and hyphens, starting"
                + " with a letter or digit.");
      }
    }

    /** SageMaker SDK's naming: {@code costwise-2026-11-22-15-04-05-123}. */
    public static String defaultJobName(Clock clock) {
      return "costwise-" + JOB_SUFFIX.format(clock.instant());
    }

    S3Location jobOutput() {
      return output.resolve(jobName + "/output/");
    }
  }

  private final SageMakerEnvironment environment;
  private final S3Settings settings;
  private final Plan plan;

  public S3TrainingJob(SageMakerEnvironment environment, S3Settings settings, Plan plan) {
    this.environment = environment.withTrainingJobName(plan.jobName());
    this.settings = settings;
    this.plan = plan;
  }

  /** Stages, trains, uploads; returns the process exit code. */
  public int run() {
    OutcomeFiles outcome = new OutcomeFiles(environment.successFile(), environment.failureFile());
    outcome
        .removeEarlierOutcome()
        .forEach(
            file -> LOG.warn("Removed {}, the outcome of an earlier run in this folder", file));
    S3Storage storage;
    try {
      storage = S3Storage.connect(settings);
    } catch (InvalidInputException e) {
      LOG.error("Training failed: {}", e.getMessage());
      outcome.writeFailure(e.getMessage());
      return TrainingJob.FAILED;
    }
    try (storage) {
      try {
        stage(storage);
      } catch (InvalidInputException | IOException e) {
        String reason = e instanceof InvalidInputException ? e.getMessage() : e.toString();
        LOG.error("Staging failed: {}", reason);
        outcome.writeFailure(reason);
        uploadOutcome(storage, false);
        return TrainingJob.FAILED;
      }
      int code = new TrainingJob(environment).run();
      return uploadOutcome(storage, code == 0) ? code : TrainingJob.FAILED;
    }
  }

  private void stage(S3Storage storage) throws IOException {
    LOG.info("Job {}: staging the channels into {}", plan.jobName(), environment.base());
    if (plan.hyperparameters().isPresent()) {
      Path file = plan.hyperparameters().get();
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException(
            "--hyperparameters " + file + " is not a file; give the path of a JSON object.");
      }
      Files.createDirectories(environment.inputConfigDir());
      Files.copy(file, environment.hyperparametersFile(), StandardCopyOption.REPLACE_EXISTING);
    }
    stageChannel(storage, "train", plan.train(), "--s3-train");
    if (plan.validation().isPresent()) {
      stageChannel(storage, "validation", plan.validation().get(), "--s3-validation");
    }
  }

  private void stageChannel(S3Storage storage, String channel, S3Location prefix, String option)
      throws IOException {
    Path dir = environment.channelDir(channel);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> existing = Files.list(dir)) {
        if (existing.findAny().isPresent()) {
          throw new InvalidInputException(
              option
                  + ": the channel folder "
                  + dir
                  + " already holds files, which would be mixed with "
                  + prefix
                  + "; use an empty --base-dir.");
        }
      }
    }
    storage.downloadPrefix(prefix, dir, option);
  }

  /** Uploads what SageMaker would; returns false (and records why) if an upload failed. */
  private boolean uploadOutcome(S3Storage storage, boolean succeeded) {
    S3Location target = plan.jobOutput();
    try {
      Path work = Files.createTempDirectory("costwise-upload");
      if (succeeded) {
        upload(storage, environment.modelDir(), work.resolve("model.tar.gz"), target);
      }
      if (hasFiles(environment.outputDataDir())) {
        upload(storage, environment.outputDataDir(), work.resolve("output.tar.gz"), target);
      }
      if (!succeeded && Files.exists(environment.failureFile())) {
        storage.putText(
            Files.readString(environment.failureFile(), StandardCharsets.UTF_8),
            target.resolve("failure"),
            "--s3-output");
      }
      LOG.info("Job {}: results in {}", plan.jobName(), target);
      return true;
    } catch (InvalidInputException | IOException e) {
      String reason =
          "The job's results could not be uploaded to "
              + target
              + ": "
              + (e instanceof InvalidInputException ? e.getMessage() : e.toString());
      LOG.error(reason);
      try {
        Files.deleteIfExists(environment.successFile());
      } catch (IOException ignored) {
        // The failure file below is what counts.
      }
      new OutcomeFiles(environment.successFile(), environment.failureFile()).writeFailure(reason);
      return false;
    }
  }

  private static void upload(S3Storage storage, Path folder, Path archive, S3Location target)
      throws IOException {
    TarGz.pack(folder, archive);
    storage.uploadFile(archive, target.resolve(archive.getFileName().toString()), "--s3-output");
  }

  private static boolean hasFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(Files::isRegularFile);
    }
  }
}

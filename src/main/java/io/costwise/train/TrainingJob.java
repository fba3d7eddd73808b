package io.costwise.train;

import io.costwise.BuildInfo;
import io.costwise.artifact.Calibration;
import io.costwise.artifact.ModelFolder;
import io.costwise.calibration.CalibrationMethod;
import io.costwise.config.EngineType;
import io.costwise.config.EvaluationConfig;
import io.costwise.config.Hyperparameter;
import io.costwise.config.Hyperparameters;
import io.costwise.config.TrainingConfig;
import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import io.costwise.evaluation.ChosenThreshold;
import io.costwise.evaluation.Evaluation;
import io.costwise.learn.CheckpointStore;
import io.costwise.learn.EpochReport;
import io.costwise.learn.Trainer;
import io.costwise.learn.TrainingResult;
import io.costwise.learn.TrainingStoppedException;
import io.costwise.report.ChartWarmup;
import io.costwise.sagemaker.CheckpointConfig;
import io.costwise.sagemaker.HyperparameterFile;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SageMaker's training job: hyperparameters and channels in, model and outcome file out.
 *
 * <p>One try/catch that always ends in {@code success} or {@code failure} and an exit code: a
 * user's mistake becomes its one-sentence message, anything else a sentence that points at the
 * stack trace in the log.
 */
public final class TrainingJob {
  /** Exit code of a failed job; any non-zero code marks the SageMaker job Failed. */
  public static final int FAILED = 1;

  /** Exit code after SIGTERM, as the JVM itself reports it (128 + 15). */
  public static final int STOPPED = 143;

  private static final Logger LOG = LoggerFactory.getLogger(TrainingJob.class);

  private final SageMakerEnvironment environment;

  public TrainingJob(SageMakerEnvironment environment) {
    this.environment = environment;
  }

  /** Runs the job and returns the process exit code. */
  public int run() {
    OutcomeFiles outcome = new OutcomeFiles(environment.successFile(), environment.failureFile());
    outcome
        .removeEarlierOutcome()
        .forEach(
            file -> LOG.warn("Removed {}, the outcome of an earlier run in this folder", file));
    try (StopSignal stop =
        StopSignal.install(
            () -> {
              String reason = Failures.stoppedWhileReading();
              LOG.warn(reason);
              outcome.writeFailure(reason);
            })) {
      int code = runJob(stop, outcome);
      stop.ended(code);
      return code;
    }
  }

  private int runJob(StopSignal stop, OutcomeFiles outcome) {
    Optional<Path> checkpointDir = Optional.empty();
    try {
      checkpointDir = CheckpointConfig.checkpointDir(environment);
      train(stop, checkpointDir);
      outcome.writeSuccess();
      LOG.info("Training succeeded; the model is in {}", environment.modelDir());
      return 0;
    } catch (TrainingStoppedException e) {
      String reason = Failures.stopped(e.epochsDone(), checkpointDir);
      LOG.warn(reason);
      outcome.writeFailure(reason);
      return STOPPED;
    } catch (InvalidInputException e) {
      // The user's mistake: its sentence is the whole story, a stack trace would only bury it.
      LOG.error("Training failed: {}", e.getMessage());
      outcome.writeFailure(e.getMessage());
      return FAILED;
    } catch (OutOfMemoryError e) {
      outcome.writeFailure(Failures.outOfMemory(e));
      LOG.error("Training ran out of memory", e);
      return FAILED;
    } catch (RuntimeException | IOException | Error e) {
      LOG.error("Training failed with an internal error", e);
      outcome.writeFailure(Failures.internal(e));
      return FAILED;
    }
  }

  private void train(StopSignal stop, Optional<Path> checkpointDir) throws IOException {
    Trainer.warmUp();
    Hyperparameters hyperparameters =
        Hyperparameters.parse(HyperparameterFile.read(environment.hyperparametersFile()));
    TrainingConfig config = hyperparameters.trainingConfig();
    EvaluationConfig evaluation = hyperparameters.evaluationConfig();
    LOG.info("Hyperparameters: {}", hyperparameters.asMap());

    CostModel costModel = evaluation.costs();
    ChannelLoader channels = new ChannelLoader(environment, costModel);
    Dataset train = channels.train();
    ConstantFeatures.check(ChannelLoader.TRAIN, train).ifPresent(LOG::warn);
    Optional<Dataset> validation = channels.validation(train);
    validation.ifPresent(v -> requireSameFeatureNames(train, v));
    if (config.earlyStoppingPatience().isPresent() && validation.isEmpty()) {
      throw new InvalidInputException(
          "Hyperparameter early_stopping_patience is set, which watches the loss on the"
              + " validation channel, but there is none; add a 'validation' channel or set"
              + " early_stopping_patience to off.");
    }
    CalibrationMethod calibrationMethod =
        CalibrationMethod.of(hyperparameters.text(Hyperparameter.CALIBRATION));

    Optional<CheckpointStore> checkpoints =
        checkpointDir.map(
            dir ->
                new CheckpointStore(
                    dir,
                    Fingerprint.of(hyperparameters, Hyperparameter.EPOCHS, train, validation)));
    checkpoints.ifPresent(c -> LOG.info("Checkpoints: {}", c.dir()));

    stop.training();
    // The report is drawn at the end; its first-use cost overlaps training on another core.
    ChartWarmup.start();
    long start = System.nanoTime();
    LOG.info(
        "Engine: {} ({}), network {}",
        Trainer.engine(config).value(),
        config.engine() == EngineType.AUTO
            ? "auto: the fast engine supports every setting"
            : "as the hyperparameter engine asks",
        config.hiddenLayers().isEmpty()
            ? "one logistic unit"
            : "hidden ReLU layers " + config.hiddenLayers());
    TrainingResult result =
        CostTraining.train(
            new Trainer(config, TrainingJob::logEpoch, stop::requested),
            config,
            costModel,
            train,
            validation,
            checkpoints);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (result.resumedAfterEpochs() > 0) {
      LOG.info("Resumed from the checkpoint after epoch {}", result.resumedAfterEpochs());
    }
    result
        .bestEpoch()
        .ifPresent(
            best ->
                LOG.info(
                    "Early stopping: kept epoch {} of {} (lowest validation loss)",
                    best,
                    result.epochsRun()));

    CaseCosts trainCosts = train.caseCosts(costModel);
    DecisionFit decision =
        DecisionFit.of(
            calibrationMethod,
            evaluation.thresholdRule(),
            () ->
                HeldOutScores.of(
                    result.network().scorer(),
                    train,
                    validation,
                    costModel,
                    subset ->
                        CostTraining.train(
                                new Trainer(config, report -> {}, stop::requested),
                                config,
                                costModel,
                                subset,
                                Optional.empty(),
                                Optional.empty())
                            .network()
                            .scorer(),
                    config.seed()),
            trainCosts,
            LOG::info);
    Calibration calibration = decision.calibration();
    // Every model is trained (the calibration's held-out fits included): a stop now lets the job
    // complete rather than throw a whole model away.
    stop.finishing();
    Optional<CaseCosts> validationCosts = validation.map(v -> v.caseCosts(costModel));
    ScoredChannels scored =
        ScoredChannels.of(
            result.network().scorer(), calibration, train, trainCosts, validation, validationCosts);
    List<String> warnings =
        CostWarnings.of(config, evaluation, trainCosts.meanValues(), !calibration.isNone());
    warnings.forEach(warning -> LOG.warn("Costs: {}", warning));
    ChosenThreshold threshold = decision.threshold();
    LOG.info(
        "Decision threshold {} ({}): {}", threshold.value(), threshold.rule(), threshold.reason());
    ModelFolder.writeDescription(
        environment.modelDir(),
        Descriptions.of(
            hyperparameters,
            config,
            train,
            validation,
            result,
            seconds,
            threshold,
            calibration,
            trainCosts,
            BuildInfo.load()));
    // DL4J writes model.zip (after its native backend, warming since the start, is ready) on one
    // core while the evaluation and report are computed on the other.
    Path modelZip = environment.modelDir().resolve(ModelFolder.MODEL_FILE);
    FutureTask<Void> saving =
        new FutureTask<>(
            () -> {
              long began = System.nanoTime();
              result.network().writeModelZip(modelZip);
              LOG.info(
                  "Saved the DL4J network as {} in {} ms",
                  ModelFolder.MODEL_FILE,
                  (System.nanoTime() - began) / 1_000_000);
              return null;
            });
    new Thread(saving, "costwise-save-model").start();
    Map<String, Evaluation> evaluations = scored.evaluate(threshold, evaluation);
    evaluations.forEach(
        (split, e) -> LOG.info("evaluation {}: {}", split, EvaluationMetrics.line(split, e)));
    TrainingReport.write(
        environment.outputDataDir(),
        environment.trainingJobName(),
        config,
        threshold,
        evaluation,
        scored,
        evaluations,
        warnings,
        calibration);
    awaitSaved(saving);
  }

  private static void awaitSaved(FutureTask<Void> saving) throws IOException {
    try {
      saving.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while saving the model", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  private static void logEpoch(EpochReport report) {
    MetricLine metrics = new MetricLine().add("train:loss", report.trainLoss(), 6);
    report.validationLoss().ifPresent(loss -> metrics.add("validation:loss", loss, 6));
    LOG.info("epoch {}/{}: {} ({} ms)", report.epoch(), report.epochs(), metrics, report.millis());
  }

  /** Headers that name the columns differently usually mean the columns are in another order. */
  private static void requireSameFeatureNames(Dataset train, Dataset validation) {
    if (isNamed(train) && isNamed(validation)) {
      for (int c = 0; c < train.columns(); c++) {
        if (!train.featureNames().get(c).equals(validation.featureNames().get(c))) {
          throw new InvalidInputException(
              "Channel 'validation' names feature column "
                  + (c + 2)
                  + " '"
                  + validation.featureNames().get(c)
                  + "' where 'train' has '"
                  + train.featureNames().get(c)
                  + "'; both channels must give the same features in the same order.");
        }
      }
    }
  }

  private static boolean isNamed(Dataset data) {
    return !data.featureNames().equals(Dataset.defaultFeatureNames(data.columns()));
  }
}

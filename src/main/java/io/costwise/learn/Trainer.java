package io.costwise.learn;

import io.costwise.artifact.NetworkScorer;
import io.costwise.artifact.NetworkShape;
import io.costwise.config.EngineType;
import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains the network with minibatch gradient descent, one epoch at a time, on either engine: the
 * shuffle, minibatches, early stopping and checkpoints are the same; only the step differs.
 *
 * <p>Each epoch visits the rows in a fresh order drawn from {@code (seed, epoch)} alone, and a
 * checkpoint holds everything the steps depend on (parameters, optimiser moments, step count, the
 * scaler, the best epoch so far), so a run resumed after epoch k takes exactly the steps an
 * uninterrupted run would: the same data, settings and seed give the same parameters bit for bit,
 * interrupted or not, on any number of cores.
 */
public final class Trainer {
  private final TrainingConfig config;
  private final Consumer<EpochReport> onEpoch;
  private final BooleanSupplier stopRequested;

  /**
   * @param config the settings
   * @param onEpoch told after every epoch (log lines, metrics)
   * @param stopRequested polled between steps; when true, training stops with {@link
   *     TrainingStoppedException}
   */
  public Trainer(
      TrainingConfig config, Consumer<EpochReport> onEpoch, BooleanSupplier stopRequested) {
    this.config = config;
    this.onEpoch = onEpoch;
    this.stopRequested = stopRequested;
  }

  /**
   * Starts loading DL4J's native backend in the background, for the model zip written at the end
   * (and the dl4j engine): call early, e.g. before reading data.
   */
  public static void warmUp() {
    Dl4jNetworks.startBackend();
  }

  /** The engine these settings train with: {@code auto} is the fast engine. */
  public static EngineType engine(TrainingConfig config) {
    return config.engine() == EngineType.DL4J ? EngineType.DL4J : EngineType.FAST;
  }

  /**
   * Trains on {@code train}, reporting the loss on {@code validation} after each epoch, resuming
   * from and saving to {@code checkpoints} when given; for the losses that do not weigh rows.
   *
   * @throws IllegalArgumentException if the loss weighs rows ({@code expected_cost}, {@code
   *     weighted_builtin}): those need {@link #train(Dataset, Optional, RowWeights, Optional)}
   */
  public TrainingResult train(
      Dataset train, Optional<Dataset> validation, Optional<CheckpointStore> checkpoints) {
    return run(train, validation, Optional.empty(), checkpoints);
  }

  /**
   * Trains as {@link #train(Dataset, Optional, Optional)} with row i's loss and gradient multiplied
   * by its weight; the per-epoch training and validation losses, early stopping and the final
   * losses are weighted the same way. For the losses that weigh rows by their decision costs
   * ({@link io.costwise.config.LossFunctionType#usesDecisionCosts()}).
   *
   * <p>The weights are data: a checkpoint records none of them, so the caller's checkpoint
   * fingerprint must cover what they are computed from (the cost columns and costs).
   *
   * @throws IllegalArgumentException if the loss does not weigh rows, or the weights do not match
   *     the data sets (one per row; validation weights exactly when there is a validation set)
   */
  public TrainingResult train(
      Dataset train,
      Optional<Dataset> validation,
      RowWeights weights,
      Optional<CheckpointStore> checkpoints) {
    return run(train, validation, Optional.of(weights), checkpoints);
  }

  private TrainingResult run(
      Dataset train,
      Optional<Dataset> validation,
      Optional<RowWeights> weights,
      Optional<CheckpointStore> checkpoints) {
    checkWeights(train, validation, weights);
    double[] trainWeights = weights.map(RowWeights::train).orElse(null);
    double[] validationWeights = weights.flatMap(RowWeights::validation).orElse(null);
    EngineType engine = engine(config);
    NetworkShape shape = new NetworkShape(train.columns(), config.hiddenLayers());
    Optional<Checkpoint> restored = checkpoints.flatMap(CheckpointStore::newest);
    ScalerStats scaler =
        restored
            .map(Checkpoint::scaler)
            .orElseGet(
                () ->
                    config.standardize()
                        ? ScalerStats.fit(train)
                        : ScalerStats.identity(train.columns()));
    double[] initial = Glorot.initialParameters(shape, config.seed());
    Learner learner =
        engine == EngineType.DL4J
            ? new Dl4jLearner(config, shape, initial)
            : new FastLearner(config, shape, initial, true);
    EarlyStopping stopping = restored.map(Checkpoint::stopping).orElseGet(EarlyStopping::new);
    int epochsDone = 0;
    if (restored.isPresent()) {
      learner.restore(restored.get().learner());
      epochsDone = restored.get().epochsDone();
    }
    OutputLoss loss = OutputLoss.of(config);
    BatchGatherer batches = new BatchGatherer(train, scaler, trainWeights);
    int batchSize = Math.min(config.batchSize(), train.rows());
    double[] features = new double[batchSize * train.columns()];
    double[] labels = new double[batchSize];
    double[] batchWeights = trainWeights == null ? null : new double[batchSize];
    int epoch = epochsDone;
    while (epoch < config.epochs() && !stopping.exhausted(config.earlyStoppingPatience())) {
      long start = System.nanoTime();
      batches.start(new EpochOrder(train.rows(), config.seed(), epoch));
      double lossSum = 0;
      for (int from = 0; from < train.rows(); from += batchSize) {
        if (stopRequested.getAsBoolean()) {
          throw new TrainingStoppedException(epoch);
        }
        int rows = Math.min(batchSize, train.rows() - from);
        batches.next(rows, features, labels, batchWeights);
        lossSum += learner.step(features, labels, batchWeights, rows);
      }
      epoch++;
      double[] parameters = learner.parameters();
      OptionalDouble validationLoss =
          validation.stream()
              .mapToDouble(
                  v -> meanLoss(scorer(shape, parameters, scaler), v, validationWeights, loss))
              .findAny();
      if (config.earlyStoppingPatience().isPresent()) {
        stopping.record(epoch, validationLoss.orElseThrow(), parameters);
      }
      Checkpoint state = new Checkpoint(epoch, learner.state(), scaler, stopping);
      checkpoints.ifPresent(c -> c.save(state));
      onEpoch.accept(
          new EpochReport(
              epoch,
              config.epochs(),
              lossSum / train.rows(),
              validationLoss,
              (System.nanoTime() - start) / 1_000_000));
    }
    double[] kept =
        config.earlyStoppingPatience().isPresent()
            ? stopping.bestParameters()
            : learner.parameters();
    NetworkScorer scorer = scorer(shape, kept, scaler);
    return new TrainingResult(
        new TrainedNetwork(config, shape, kept, scaler),
        engine,
        epochsDone,
        epoch,
        config.earlyStoppingPatience().isPresent()
            ? OptionalInt.of(stopping.bestEpoch())
            : OptionalInt.empty(),
        meanLoss(scorer, train, trainWeights, loss),
        validation.stream()
            .mapToDouble(v -> meanLoss(scorer, v, validationWeights, loss))
            .findAny());
  }

  /** Weights exactly for the losses that weigh rows, one per row of each data set. */
  private void checkWeights(
      Dataset train, Optional<Dataset> validation, Optional<RowWeights> weights) {
    boolean weighted = config.lossFunction().usesDecisionCosts();
    if (weighted != weights.isPresent()) {
      throw new IllegalArgumentException(
          "loss_function_type "
              + config.lossFunction().value()
              + (weighted
                  ? " weighs rows: train with RowWeights"
                  : " does not weigh rows, but row weights were given"));
    }
    if (weights.isEmpty()) {
      return;
    }
    RowWeights w = weights.get();
    if (w.train().length != train.rows()) {
      throw new IllegalArgumentException(
          w.train().length + " training row weights for " + train.rows() + " rows");
    }
    if (validation.isPresent() != w.validation().isPresent()) {
      throw new IllegalArgumentException(
          validation.isPresent()
              ? "validation rows without row weights"
              : "validation row weights without a validation set");
    }
    if (validation.isPresent() && w.validation().get().length != validation.get().rows()) {
      throw new IllegalArgumentException(
          w.validation().get().length
              + " validation row weights for "
              + validation.get().rows()
              + " rows");
    }
  }

  private static NetworkScorer scorer(NetworkShape shape, double[] parameters, ScalerStats scaler) {
    return new NetworkScorer(shape, parameters, scaler.mean(), scaler.std());
  }

  /**
   * The mean loss of the network over a whole data set, without L2: with row weights, the mean of
   * w_i·L_i over the rows (DL4J's score with a labels mask divides by the rows, not the weights).
   *
   * @param weights one per row, or null
   */
  static double meanLoss(NetworkScorer scorer, Dataset data, double[] weights, OutputLoss loss) {
    double[] scores = scorer.scores(data);
    double sum = 0;
    for (int r = 0; r < scores.length; r++) {
      double value = loss.value(scores[r], data.label(r));
      sum += weights == null ? value : value * weights[r];
    }
    return sum / scores.length;
  }
}

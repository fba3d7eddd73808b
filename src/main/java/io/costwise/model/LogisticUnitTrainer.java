package io.costwise.model;

import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the logistic unit with minibatch gradient descent, one epoch at a time.
 *
 * <p>Each epoch visits the rows in a fresh order drawn from {@code (seed, epoch)} alone, so a run
 * resumed from the checkpoint after epoch k takes exactly the steps an uninterrupted run would: the
 * same data, settings and seed give the same parameters bit for bit, interrupted or not.
 */
public final class LogisticUnitTrainer {
  private final TrainingConfig config;
  private final Consumer<EpochReport> onEpoch;
  private final BooleanSupplier stopRequested;

  /**
   * @param config the settings
   * @param onEpoch told after every epoch (log lines, metrics)
   * @param stopRequested polled between steps; when true, training stops with {@link
   *     TrainingStoppedException}
   */
  public LogisticUnitTrainer(
      TrainingConfig config, Consumer<EpochReport> onEpoch, BooleanSupplier stopRequested) {
    this.config = config;
    this.onEpoch = onEpoch;
    this.stopRequested = stopRequested;
  }

  /** Starts loading the native backend in the background: call early, e.g. before reading data. */
  public static void warmUp() {
    LogisticUnit.startBackend();
  }

  /**
   * Trains on {@code train}, reporting the loss on {@code validation} after each epoch, resuming
   * from and saving to {@code checkpoints} when given.
   */
  public TrainingResult train(
      Dataset train, Optional<Dataset> validation, Optional<CheckpointStore> checkpoints) {
    DataSet trainSet = toDataSet(train);
    Optional<CheckpointStore.Restored> restored = checkpoints.flatMap(CheckpointStore::newest);
    MultiLayerNetwork network;
    Optional<NormalizerStandardize> scaler;
    int epochsDone;
    if (restored.isPresent()) {
      network = restored.get().network();
      scaler = restored.get().scaler();
      epochsDone = restored.get().epochsDone();
    } else {
      network = LogisticUnit.create(config, train.columns());
      scaler = config.standardize() ? Optional.of(fitScaler(trainSet)) : Optional.empty();
      epochsDone = 0;
    }
    scaler.ifPresent(s -> s.preProcess(trainSet));
    Optional<DataSet> validationSet = validation.map(LogisticUnitTrainer::toDataSet);
    validationSet.ifPresent(v -> scaler.ifPresent(s -> s.preProcess(v)));

    // Minibatches are cut from plain arrays: INDArray.getRows costs ~0.7 ms a call, more than
    // the gradient step itself, while copying 32 rows in Java and wrapping them costs ~0.03 ms.
    Batches batches =
        new Batches(
            trainSet.getFeatures().ravel().toDoubleVector(),
            trainSet.getLabels().ravel().toDoubleVector(),
            train.columns());
    double trainLoss = network.score(trainSet);
    OptionalDouble validationLoss = validationSet.stream().mapToDouble(network::score).findAny();
    for (int epoch = epochsDone; epoch < config.epochs(); epoch++) {
      long start = System.nanoTime();
      runEpoch(network, batches, epoch);
      trainLoss = network.score(trainSet);
      validationLoss = validationSet.stream().mapToDouble(network::score).findAny();
      int done = epoch + 1;
      checkpoints.ifPresent(c -> c.save(done, network, scaler));
      onEpoch.accept(
          new EpochReport(
              done,
              config.epochs(),
              trainLoss,
              validationLoss,
              (System.nanoTime() - start) / 1_000_000));
    }
    return new TrainingResult(
        new TrainedModel(network, scaler), epochsDone, trainLoss, validationLoss);
  }

  private void runEpoch(MultiLayerNetwork network, Batches batches, int epoch) {
    int[] order = shuffledOrder(batches.rows(), config.seed(), epoch);
    EpochIterator steps = new EpochIterator(batches, order, config.batchSize(), stopRequested);
    network.fit(steps);
    if (steps.stopped()) {
      throw new TrainingStoppedException(epoch);
    }
  }

  /** A Fisher–Yates shuffle seeded by the run's seed and the epoch number only. */
  static int[] shuffledOrder(int rows, long seed, int epoch) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  private static NormalizerStandardize fitScaler(DataSet trainSet) {
    NormalizerStandardize scaler = new NormalizerStandardize();
    scaler.fit(trainSet);
    return scaler;
  }

  static DataSet toDataSet(Dataset data) {
    INDArray features =
        Nd4j.create(
            data.featuresRowMajor(),
            new long[] {data.rows(), data.columns()},
            LogisticUnit.DATA_TYPE);
    int[] labelValues = data.labels();
    double[] labels = new double[labelValues.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = labelValues[i];
    }
    return new DataSet(
        features, Nd4j.create(labels, new long[] {labels.length, 1}, LogisticUnit.DATA_TYPE));
  }
}

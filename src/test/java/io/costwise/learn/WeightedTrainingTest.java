package io.costwise.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.NetworkScorer;
import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training with a weight per row ({@link RowWeights}) through {@link Trainer}. */
class WeightedTrainingTest {
  private static final Dataset TRAIN = TestData.linear(300, 6, 1);
  private static final Dataset VALIDATION = TestData.linear(100, 6, 2);

  private static TrainingConfig config(String loss, String optimizer, String engine, int epochs) {
    return Configs.of(
        "loss_function_type", loss,
        "optimizer", optimizer,
        "engine", engine,
        "epochs", Integer.toString(epochs),
        "learning_rate", "0.05");
  }

  /** Log-uniform over [1e−2, 1e2] for training and validation rows, normalised. */
  private static RowWeights spread(Dataset train, Dataset validation, long seed) {
    return RowWeights.normalised(
        AsymmetricCostLossTest.logUniformWeights(train.rows(), seed),
        Optional.of(AsymmetricCostLossTest.logUniformWeights(validation.rows(), seed + 1)));
  }

  private static RowWeights ones(Dataset train, Optional<Dataset> validation) {
    return new RowWeights(filled(train.rows(), 1.0), validation.map(v -> filled(v.rows(), 1.0)));
  }

  private static double[] filled(int n, double value) {
    double[] values = new double[n];
    Arrays.fill(values, value);
    return values;
  }

  private static TrainingResult train(TrainingConfig config, RowWeights weights) {
    return new Trainer(config, r -> {}, () -> false)
        .train(TRAIN, Optional.of(VALIDATION), weights, Optional.empty());
  }

  @Test
  void weightsOfOneGiveTheUnweightedModelBitForBit() {
    // Weighted cross-entropy with every weight 1 is cross-entropy: the same parameters and the
    // same reported losses, to the bit, in both engines.
    for (String engine : List.of("fast", "dl4j")) {
      List<EpochReport> plainReports = new ArrayList<>();
      List<EpochReport> weightedReports = new ArrayList<>();
      TrainingResult plain =
          new Trainer(config("builtin", "adam", engine, 4), plainReports::add, () -> false)
              .train(TRAIN, Optional.of(VALIDATION), Optional.empty());
      TrainingResult weighted =
          new Trainer(
                  config("weighted_builtin", "adam", engine, 4), weightedReports::add, () -> false)
              .train(
                  TRAIN,
                  Optional.of(VALIDATION),
                  ones(TRAIN, Optional.of(VALIDATION)),
                  Optional.empty());
      assertArrayEquals(plain.network().parameters(), weighted.network().parameters(), 0.0, engine);
      for (int e = 0; e < 4; e++) {
        assertEquals(plainReports.get(e).trainLoss(), weightedReports.get(e).trainLoss(), engine);
        assertEquals(plainReports.get(e).validationLoss(), weightedReports.get(e).validationLoss());
      }
      assertEquals(plain.finalTrainLoss(), weighted.finalTrainLoss(), engine);
    }
  }

  @Test
  void expectedCostWithClassCostsAsWeightsIsTheCustomLoss() {
    // Weights fn for positives and fp for negatives, divided by their mean, make the expected cost
    // the custom loss with costs fn/mean and fp/mean: the same parameters bit for bit.
    double fn = 5;
    double fp = 1;
    double[] raw = new double[TRAIN.rows()];
    double sum = 0;
    for (int r = 0; r < raw.length; r++) {
      raw[r] = TRAIN.label(r) == 1 ? fn : fp;
      sum += raw[r];
    }
    double mean = sum / raw.length;
    double[] validationRaw = new double[VALIDATION.rows()];
    for (int r = 0; r < validationRaw.length; r++) {
      validationRaw[r] = VALIDATION.label(r) == 1 ? fn : fp;
    }
    RowWeights weights = RowWeights.normalised(raw, Optional.of(validationRaw));
    for (String engine : List.of("fast", "dl4j")) {
      for (String optimizer : List.of("sgd", "adam")) {
        TrainingConfig custom =
            Configs.of(
                "loss_function_type",
                "custom",
                "fn_cost",
                Double.toString(fn / mean),
                "fp_cost",
                Double.toString(fp / mean),
                "optimizer",
                optimizer,
                "engine",
                engine,
                "epochs",
                "4",
                "learning_rate",
                "0.05");
        TrainingResult reference =
            new Trainer(custom, r -> {}, () -> false)
                .train(TRAIN, Optional.of(VALIDATION), Optional.empty());
        TrainingResult expected = train(config("expected_cost", optimizer, engine, 4), weights);
        String what = engine + ", " + optimizer;
        assertArrayEquals(
            reference.network().parameters(), expected.network().parameters(), 0.0, what);
        assertEquals(reference.finalTrainLoss(), expected.finalTrainLoss(), what);
        assertEquals(reference.finalValidationLoss(), expected.finalValidationLoss(), what);
      }
    }
  }

  @Test
  void weightsChangeTheModelTowardsTheHeavyRows() {
    // Positives weighing 20 times the negatives push every score up.
    double[] raw = new double[TRAIN.rows()];
    for (int r = 0; r < raw.length; r++) {
      raw[r] = TRAIN.label(r) == 1 ? 20 : 1;
    }
    RowWeights heavyPositives = RowWeights.normalised(raw, Optional.of(filled(100, 1.0)));
    for (String loss : List.of("weighted_builtin", "expected_cost")) {
      NetworkScorer weighted =
          train(config(loss, "adam", "fast", 10), heavyPositives).network().scorer();
      NetworkScorer even =
          train(config(loss, "adam", "fast", 10), ones(TRAIN, Optional.of(VALIDATION)))
              .network()
              .scorer();
      double raised = meanScore(weighted) - meanScore(even);
      assertTrue(raised > 0.05, loss + ": the mean score rose by " + raised);
    }
  }

  private static double meanScore(NetworkScorer scorer) {
    return Arrays.stream(scorer.scores(VALIDATION)).average().orElseThrow();
  }

  @Test
  void theValidationLossIsTheMeanOfTheWeightedRowLosses() {
    RowWeights weights = spread(TRAIN, VALIDATION, 4);
    for (String loss : List.of("weighted_builtin", "expected_cost")) {
      TrainingConfig config = config(loss, "sgd", "fast", 3);
      TrainingResult result = train(config, weights);
      double[] scores = result.network().scorer().scores(VALIDATION);
      double[] w = weights.validation().orElseThrow();
      OutputLoss rowLoss = OutputLoss.of(config);
      double sum = 0;
      for (int r = 0; r < scores.length; r++) {
        sum += w[r] * rowLoss.value(scores[r], VALIDATION.label(r));
      }
      assertEquals(sum / scores.length, result.finalValidationLoss().orElseThrow(), 1e-12, loss);
    }
  }

  @Test
  void theWeightedModelDoesNotDependOnTheNumberOfCores() throws Exception {
    // As TrainerTest's: batches of 1,000 rows cut into chunks that run in parallel given cores.
    Dataset big = TestData.linear(5000, 6, 3);
    RowWeights weights =
        new RowWeights(
            RowWeights.normalised(AsymmetricCostLossTest.logUniformWeights(5000, 6)),
            Optional.empty());
    for (String loss : List.of("weighted_builtin", "expected_cost")) {
      TrainingConfig config =
          Configs.of(
              "loss_function_type", loss,
              "batch_size", "1000",
              "epochs", "3",
              "hidden_layers", "8",
              "optimizer", "adam");
      double[] parallel = parameters(config, big, weights);
      ForkJoinPool oneCore = new ForkJoinPool(1);
      double[] sequential = oneCore.submit(() -> parameters(config, big, weights)).get();
      oneCore.shutdown();
      assertArrayEquals(parallel, sequential, 0.0, loss);
    }
  }

  private static double[] parameters(TrainingConfig config, Dataset data, RowWeights weights) {
    return new Trainer(config, r -> {}, () -> false)
        .train(data, Optional.empty(), weights, Optional.empty())
        .network()
        .parameters();
  }

  @Test
  void resumingWithWeightsGivesTheUninterruptedModel(@TempDir Path dir) {
    RowWeights weights = spread(TRAIN, VALIDATION, 9);
    for (String engine : List.of("fast", "dl4j")) {
      for (String loss : List.of("weighted_builtin", "expected_cost")) {
        // The dl4j engine is slow: Adam only there.
        for (String optimizer : engine.equals("fast") ? List.of("sgd", "adam") : List.of("adam")) {
          TrainingConfig config = config(loss, optimizer, engine, 5);
          double[] uninterrupted = train(config, weights).network().parameters();
          CheckpointStore store = new CheckpointStore(dir.resolve(engine + loss + optimizer), "fp");
          AtomicInteger steps = new AtomicInteger();
          // 300 rows / 32 = 10 steps an epoch: stop in the middle of epoch 3.
          assertThrows(
              TrainingStoppedException.class,
              () ->
                  new Trainer(config, r -> {}, () -> steps.incrementAndGet() > 25)
                      .train(TRAIN, Optional.of(VALIDATION), weights, Optional.of(store)));
          TrainingResult resumed =
              new Trainer(config, r -> {}, () -> false)
                  .train(TRAIN, Optional.of(VALIDATION), weights, Optional.of(store));
          assertEquals(2, resumed.resumedAfterEpochs());
          String what = engine + ", " + loss + ", " + optimizer;
          assertArrayEquals(uninterrupted, resumed.network().parameters(), 0.0, what);
        }
      }
    }
  }

  @Test
  void theLossDecidesWhetherWeightsAreNeeded() {
    Trainer weighted = new Trainer(config("expected_cost", "sgd", "fast", 1), r -> {}, () -> false);
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> weighted.train(TRAIN, Optional.empty(), Optional.empty()));
    assertTrue(missing.getMessage().contains("expected_cost weighs rows"), missing.getMessage());
    Trainer plain = new Trainer(config("custom", "sgd", "fast", 1), r -> {}, () -> false);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            plain.train(TRAIN, Optional.empty(), ones(TRAIN, Optional.empty()), Optional.empty()));
  }

  @Test
  void weightsMustMatchTheRows() {
    Trainer trainer =
        new Trainer(config("weighted_builtin", "sgd", "fast", 1), r -> {}, () -> false);
    RowWeights tooFew = new RowWeights(filled(299, 1), Optional.empty());
    assertThrows(
        IllegalArgumentException.class,
        () -> trainer.train(TRAIN, Optional.empty(), tooFew, Optional.empty()));
    RowWeights noValidation = ones(TRAIN, Optional.empty());
    assertThrows(
        IllegalArgumentException.class,
        () -> trainer.train(TRAIN, Optional.of(VALIDATION), noValidation, Optional.empty()));
    RowWeights validationOnly = ones(TRAIN, Optional.of(VALIDATION));
    assertThrows(
        IllegalArgumentException.class,
        () -> trainer.train(TRAIN, Optional.empty(), validationOnly, Optional.empty()));
    RowWeights wrongValidation = new RowWeights(filled(300, 1), Optional.of(filled(99, 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> trainer.train(TRAIN, Optional.of(VALIDATION), wrongValidation, Optional.empty()));
  }

  @Test
  void weightsMustBeFiniteNotNegativeWithAPositiveMean() {
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new RowWeights(new double[] {1, bad, 1}, Optional.empty()),
          "weight " + bad);
      assertThrows(
          IllegalArgumentException.class,
          () -> new RowWeights(new double[] {1}, Optional.of(new double[] {bad})),
          "validation weight " + bad);
    }
    assertThrows(
        IllegalArgumentException.class, () -> RowWeights.normalised(new double[] {0, 0, 0}));
    assertThrows(IllegalArgumentException.class, () -> RowWeights.normalised(new double[0]));
    // Each finite, the sum not.
    assertThrows(
        IllegalArgumentException.class,
        () -> RowWeights.normalised(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}));
    // A weight of 0 is allowed: that row does not count.
    assertArrayEquals(new double[] {0, 2}, RowWeights.normalised(new double[] {0, 6}), 0.0);
  }

  @Test
  void normalisingDividesBothSetsByTheTrainingMean() {
    RowWeights weights =
        RowWeights.normalised(new double[] {1, 2, 3, 6}, Optional.of(new double[] {3, 9}));
    assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0, 1, 2}, weights.train(), 0.0);
    assertArrayEquals(new double[] {1, 3}, weights.validation().orElseThrow(), 0.0);
    double[] raw = AsymmetricCostLossTest.logUniformWeights(1000, 1);
    double mean = Arrays.stream(RowWeights.normalised(raw)).average().orElseThrow();
    assertEquals(1.0, mean, 1e-12);
    assertFalse(Arrays.equals(raw, RowWeights.normalised(raw)));
  }
}

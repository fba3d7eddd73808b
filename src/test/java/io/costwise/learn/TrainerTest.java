package io.costwise.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.NetworkScorer;
import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  private static final Dataset TRAIN = TestData.linear(300, 6, 1);
  private static final Dataset VALIDATION = TestData.linear(100, 6, 2);

  static TrainingConfig config(String loss, String optimizer, int epochs) {
    return Configs.of(
        "loss_function_type",
        loss,
        "fn_cost",
        "5",
        "optimizer",
        optimizer,
        "epochs",
        Integer.toString(epochs),
        "learning_rate",
        "0.05");
  }

  private static TrainingResult train(TrainingConfig config, Optional<CheckpointStore> store) {
    return new Trainer(config, r -> {}, () -> false).train(TRAIN, Optional.of(VALIDATION), store);
  }

  @Test
  void learnsASeparableBoundaryAndReportsEveryEpoch() {
    List<EpochReport> reports = new ArrayList<>();
    TrainingResult result =
        new Trainer(config("builtin", "sgd", 20), reports::add, () -> false)
            .train(TRAIN, Optional.of(VALIDATION), Optional.empty());
    assertEquals(20, reports.size());
    assertEquals(20, reports.get(19).epoch());
    assertTrue(reports.get(19).trainLoss() < reports.get(0).trainLoss());
    assertTrue(result.finalValidationLoss().isPresent());
    double[] scores = result.network().scorer().scores(VALIDATION);
    int correct = 0;
    for (int i = 0; i < scores.length; i++) {
      correct += (scores[i] >= 0.5 ? 1 : 0) == VALIDATION.label(i) ? 1 : 0;
    }
    assertTrue(correct >= 85, "validation accuracy " + correct + "/100");
  }

  @Test
  void hiddenLayersLearnWhatOneUnitCannot() {
    // Label = 1 inside a band |x1| < 0.7: no single linear boundary separates it.
    Dataset band = TestData.band(2000, 3);
    TrainingConfig unit = Configs.of("optimizer", "adam", "epochs", "30");
    TrainingConfig hidden =
        Configs.of("optimizer", "adam", "epochs", "30", "hidden_layers", "16,8");
    assertTrue(accuracy(unit, band) < 0.75, "one unit: " + accuracy(unit, band));
    assertTrue(accuracy(hidden, band) > 0.93, "16,8: " + accuracy(hidden, band));
  }

  private static double accuracy(TrainingConfig config, Dataset data) {
    NetworkScorer scorer =
        new Trainer(config, r -> {}, () -> false)
            .train(data, Optional.empty(), Optional.empty())
            .network()
            .scorer();
    double[] scores = scorer.scores(data);
    int correct = 0;
    for (int i = 0; i < scores.length; i++) {
      correct += (scores[i] >= 0.5 ? 1 : 0) == data.label(i) ? 1 : 0;
    }
    return correct / (double) scores.length;
  }

  @Test
  void sameSeedSameParametersBitForBit() {
    for (String optimizer : List.of("sgd", "adam")) {
      TrainingConfig config = config("custom", optimizer, 5);
      double[] first = train(config, Optional.empty()).network().parameters();
      double[] second = train(config, Optional.empty()).network().parameters();
      assertArrayEquals(first, second, 0.0, optimizer);
    }
  }

  @Test
  void theModelDoesNotDependOnTheNumberOfCores() throws Exception {
    // Batches of 1,000 rows are cut into 4 chunks, which run in parallel when there are cores.
    Dataset big = TestData.linear(5000, 6, 3);
    TrainingConfig config =
        Configs.of("batch_size", "1000", "epochs", "3", "hidden_layers", "8", "optimizer", "adam");
    double[] parallel = parameters(config, big);
    ForkJoinPool oneCore = new ForkJoinPool(1);
    double[] sequential = oneCore.submit(() -> parameters(config, big)).get();
    oneCore.shutdown();
    assertArrayEquals(parallel, sequential, 0.0);
  }

  private static double[] parameters(TrainingConfig config, Dataset data) {
    return new Trainer(config, r -> {}, () -> false)
        .train(data, Optional.empty(), Optional.empty())
        .network()
        .parameters();
  }

  @Test
  void anotherSeedGivesOtherParameters() {
    TrainingConfig config = config("builtin", "sgd", 2);
    TrainingConfig other = Configs.of("epochs", "2", "learning_rate", "0.05", "seed", "7");
    assertFalse(
        Arrays.equals(
            train(config, Optional.empty()).network().parameters(),
            train(other, Optional.empty()).network().parameters()));
  }

  @Test
  void resumingFromACheckpointGivesTheUninterruptedModel(@TempDir Path dir) {
    for (String optimizer : List.of("sgd", "adam")) {
      TrainingConfig config = config("custom", optimizer, 6);
      double[] uninterrupted = train(config, Optional.empty()).network().parameters();

      CheckpointStore store = new CheckpointStore(dir.resolve(optimizer), "fp");
      AtomicInteger steps = new AtomicInteger();
      // 300 rows / 32 = 10 steps an epoch: stop in the middle of epoch 4.
      Trainer interrupted = new Trainer(config, r -> {}, () -> steps.incrementAndGet() > 35);
      TrainingStoppedException stop =
          assertThrows(
              TrainingStoppedException.class,
              () -> interrupted.train(TRAIN, Optional.of(VALIDATION), Optional.of(store)));
      assertEquals(3, stop.epochsDone());
      assertEquals(CheckpointStore.KEEP, store.list().size());

      TrainingResult resumed = train(config, Optional.of(store));
      assertEquals(3, resumed.resumedAfterEpochs());
      assertArrayEquals(uninterrupted, resumed.network().parameters(), 0.0, optimizer);
    }
  }

  @Test
  void theDl4jEngineResumesBitForBitToo(@TempDir Path dir) {
    TrainingConfig config =
        Configs.of(
            "loss_function_type", "custom",
            "fn_cost", "5",
            "optimizer", "adam",
            "epochs", "4",
            "learning_rate", "0.05",
            "engine", "dl4j");
    double[] uninterrupted = train(config, Optional.empty()).network().parameters();
    CheckpointStore store = new CheckpointStore(dir, "fp");
    AtomicInteger steps = new AtomicInteger();
    assertThrows(
        TrainingStoppedException.class,
        () ->
            new Trainer(config, r -> {}, () -> steps.incrementAndGet() > 25)
                .train(TRAIN, Optional.of(VALIDATION), Optional.of(store)));
    assertArrayEquals(uninterrupted, train(config, Optional.of(store)).network().parameters(), 0.0);
  }

  @Test
  void earlyStoppingKeepsTheBestEpochsModel() {
    // A learning rate this large makes the validation loss bounce, so the best epoch is early.
    TrainingConfig config =
        Configs.of(
            "epochs",
            "40",
            "early_stopping_patience",
            "3",
            "learning_rate",
            "3",
            "optimizer",
            "sgd");
    List<EpochReport> reports = new ArrayList<>();
    TrainingResult result =
        new Trainer(config, reports::add, () -> false)
            .train(TRAIN, Optional.of(VALIDATION), Optional.empty());
    int best = result.bestEpoch().orElseThrow();
    double bestLoss =
        reports.stream().mapToDouble(r -> r.validationLoss().orElseThrow()).min().orElseThrow();
    assertEquals(bestLoss, reports.get(best - 1).validationLoss().orElseThrow());
    assertEquals(best + 3, reports.size(), "stops 3 epochs after the best");
    assertTrue(reports.size() < 40);
    assertEquals(bestLoss, result.finalValidationLoss().orElseThrow(), 1e-12);
  }

  @Test
  void l2ShrinksTheWeights() {
    double plain = norm(parameters(Configs.of("epochs", "20"), TRAIN));
    double shrunk = norm(parameters(Configs.of("epochs", "20", "l2", "0.5"), TRAIN));
    assertTrue(shrunk < 0.8 * plain, plain + " vs " + shrunk);
  }

  private static double norm(double[] parameters) {
    double sum = 0;
    for (int i = 0; i < parameters.length - 1; i++) {
      sum += parameters[i] * parameters[i];
    }
    return Math.sqrt(sum);
  }

  @Test
  void aCheckpointOfAnotherExperimentIsRefused(@TempDir Path dir) {
    TrainingConfig config = config("custom", "sgd", 2);
    train(config, Optional.of(new CheckpointStore(dir, "experiment-a")));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> train(config, Optional.of(new CheckpointStore(dir, "experiment-b"))));
    assertTrue(e.getMessage().contains("other training data or hyperparameters"));
  }

  @Test
  void shuffleDependsOnSeedAndEpochOnlyAndVisitsEveryRowOnce() {
    for (int rows : new int[] {50, 4096, 10_000}) {
      int[] order = new EpochOrder(rows, 3, 4).all();
      assertArrayEquals(order, new EpochOrder(rows, 3, 4).all());
      assertFalse(Arrays.equals(order, new EpochOrder(rows, 3, 5).all()));
      int[] sorted = order.clone();
      Arrays.sort(sorted);
      for (int i = 0; i < rows; i++) {
        assertEquals(i, sorted[i]);
      }
    }
  }

  @Test
  void aWindowMixesRowsFromAcrossTheData() {
    // The first window of 4,096 rows of a 100,000-row set holds rows from all over it.
    int[] order = new EpochOrder(100_000, 1, 0).all();
    int[] firstWindow = Arrays.copyOf(order, EpochOrder.WINDOW_ROWS);
    assertTrue(Arrays.stream(firstWindow).min().orElseThrow() < 5_000);
    assertTrue(Arrays.stream(firstWindow).max().orElseThrow() > 95_000);
    // and consecutive rows of a batch rarely come from the same block of 16.
    int sameBlock = 0;
    for (int k = 1; k < firstWindow.length; k++) {
      sameBlock += firstWindow[k] / 16 == firstWindow[k - 1] / 16 ? 1 : 0;
    }
    assertTrue(sameBlock < 40, sameBlock + " neighbours from one block");
  }

  @Test
  void dataSpilledToDiskTrainsTheSameModelAsDataInMemory(@TempDir Path dir) throws Exception {
    Dataset source = TestData.linear(3000, 5, 11);
    StringBuilder csv = new StringBuilder();
    for (int r = 0; r < source.rows(); r++) {
      csv.append(source.label(r));
      for (int c = 0; c < source.columns(); c++) {
        csv.append(',').append(source.feature(r, c));
      }
      csv.append('\n');
    }
    Path file = dir.resolve("train.csv");
    java.nio.file.Files.writeString(file, csv);
    Dataset inMemory =
        new io.costwise.data.ChannelReader(Long.MAX_VALUE / 4, dir)
            .read("train", List.of(file), java.util.OptionalInt.empty());
    Dataset onDisk =
        new io.costwise.data.ChannelReader(0, dir)
            .read("train", List.of(file), java.util.OptionalInt.empty());
    assertTrue(inMemory.storage().startsWith("in memory"), inMemory.storage());
    assertTrue(onDisk.storage().startsWith("on local disk"), onDisk.storage());
    TrainingConfig config = Configs.of("epochs", "3", "batch_size", "64", "optimizer", "adam");
    assertArrayEquals(parameters(config, inMemory), parameters(config, onDisk), 0.0);
  }
}

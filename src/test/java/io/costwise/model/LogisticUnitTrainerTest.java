package io.costwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.config.LossFunctionType;
import io.costwise.config.MisclassificationCosts;
import io.costwise.config.OptimizerType;
import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogisticUnitTrainerTest {
  private static final Dataset TRAIN = TestData.linear(300, 6, 1);
  private static final Dataset VALIDATION = TestData.linear(100, 6, 2);

  static TrainingConfig config(LossFunctionType loss, OptimizerType optimizer, int epochs) {
    return new TrainingConfig(
        loss, MisclassificationCosts.binary(5, 1), epochs, 32, 0.05, optimizer, 42, true);
  }

  private static TrainingResult train(TrainingConfig config, Optional<CheckpointStore> store) {
    return new LogisticUnitTrainer(config, r -> {}, () -> false)
        .train(TRAIN, Optional.of(VALIDATION), store);
  }

  @Test
  void learnsASeparableBoundaryAndReportsEveryEpoch() {
    List<EpochReport> reports = new ArrayList<>();
    TrainingResult result =
        new LogisticUnitTrainer(
                config(LossFunctionType.BUILTIN, OptimizerType.SGD, 20), reports::add, () -> false)
            .train(TRAIN, Optional.of(VALIDATION), Optional.empty());
    assertEquals(20, reports.size());
    assertEquals(20, reports.get(19).epoch());
    assertTrue(reports.get(19).trainLoss() < reports.get(0).trainLoss());
    assertTrue(result.finalValidationLoss().isPresent());
    double[] scores = result.model().predict(VALIDATION.featuresRowMajor());
    int correct = 0;
    for (int i = 0; i < scores.length; i++) {
      correct += (scores[i] >= 0.5 ? 1 : 0) == VALIDATION.label(i) ? 1 : 0;
    }
    assertTrue(correct >= 85, "validation accuracy " + correct + "/100");
  }

  @Test
  void sameSeedSameParametersBitForBit() {
    for (OptimizerType optimizer : OptimizerType.values()) {
      TrainingConfig config = config(LossFunctionType.CUSTOM, optimizer, 5);
      double[] first = train(config, Optional.empty()).model().parameters();
      double[] second = train(config, Optional.empty()).model().parameters();
      assertArrayEquals(first, second, 0.0, optimizer.toString());
    }
  }

  @Test
  void anotherSeedGivesOtherParameters() {
    TrainingConfig config = config(LossFunctionType.BUILTIN, OptimizerType.SGD, 2);
    TrainingConfig other =
        new TrainingConfig(
            config.lossFunction(), config.costs(), 2, 32, 0.05, OptimizerType.SGD, 7, true);
    assertFalse(
        Arrays.equals(
            train(config, Optional.empty()).model().parameters(),
            train(other, Optional.empty()).model().parameters()));
  }

  @Test
  void resumingFromACheckpointGivesTheUninterruptedModel(@TempDir Path dir) {
    for (OptimizerType optimizer : OptimizerType.values()) {
      TrainingConfig config = config(LossFunctionType.CUSTOM, optimizer, 6);
      double[] uninterrupted = train(config, Optional.empty()).model().parameters();

      CheckpointStore store = new CheckpointStore(dir.resolve(optimizer.value()), "fp");
      AtomicInteger steps = new AtomicInteger();
      // 300 rows / 32 = 10 steps an epoch: stop in the middle of epoch 4.
      LogisticUnitTrainer interrupted =
          new LogisticUnitTrainer(config, r -> {}, () -> steps.incrementAndGet() > 35);
      TrainingStoppedException stop =
          assertThrows(
              TrainingStoppedException.class,
              () -> interrupted.train(TRAIN, Optional.of(VALIDATION), Optional.of(store)));
      assertEquals(3, stop.epochsDone());
      assertEquals(CheckpointStore.KEEP, store.list().size());

      TrainingResult resumed = train(config, Optional.of(store));
      assertEquals(3, resumed.resumedAfterEpochs());
      assertArrayEquals(uninterrupted, resumed.model().parameters(), 0.0, optimizer.toString());
    }
  }

  @Test
  void aCheckpointOfAnotherExperimentIsRefused(@TempDir Path dir) {
    TrainingConfig config = config(LossFunctionType.CUSTOM, OptimizerType.SGD, 2);
    train(config, Optional.of(new CheckpointStore(dir, "experiment-a")));
    io.costwise.error.InvalidInputException e =
        assertThrows(
            io.costwise.error.InvalidInputException.class,
            () -> train(config, Optional.of(new CheckpointStore(dir, "experiment-b"))));
    assertTrue(e.getMessage().contains("other training data or hyperparameters"));
  }

  @Test
  void shuffleDependsOnSeedAndEpochOnly() {
    assertArrayEquals(
        LogisticUnitTrainer.shuffledOrder(50, 3, 4), LogisticUnitTrainer.shuffledOrder(50, 3, 4));
    assertFalse(
        Arrays.equals(
            LogisticUnitTrainer.shuffledOrder(50, 3, 4),
            LogisticUnitTrainer.shuffledOrder(50, 3, 5)));
    int[] sorted = LogisticUnitTrainer.shuffledOrder(50, 3, 4).clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 50; i++) {
      assertEquals(i, sorted[i]);
    }
  }
}

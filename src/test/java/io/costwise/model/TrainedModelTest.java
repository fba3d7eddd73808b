package io.costwise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.config.LossFunctionType;
import io.costwise.config.MisclassificationCosts;
import io.costwise.config.OptimizerType;
import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedModelTest {
  private static final Dataset DATA = TestData.linear(200, 5, 3);

  private static TrainedModel trained(double fnCost, double fpCost, boolean standardize) {
    TrainingConfig config =
        new TrainingConfig(
            LossFunctionType.CUSTOM,
            MisclassificationCosts.binary(fnCost, fpCost),
            3,
            16,
            0.1,
            OptimizerType.ADAM,
            42,
            standardize);
    return new LogisticUnitTrainer(config, r -> {}, () -> false)
        .train(DATA, Optional.empty(), Optional.empty())
        .model();
  }

  @Test
  void saveThenRestoreKeepsLossCostsScalerAndPredictions(@TempDir Path dir) throws Exception {
    TrainedModel model = trained(9.0, 0.5, true);
    Path file = dir.resolve("model.zip");
    model.save(file);
    TrainedModel restored = TrainedModel.load(file);
    // DL4J restores unannotated loss fields as defaults without an error: check the costs came
    // back.
    assertEquals("AsymmetricCostLoss(fn=9.0, fp=0.5)", restored.lossName());
    assertTrue(restored.standardizes());
    assertArrayEquals(model.parameters(), restored.parameters(), 0.0);
    assertArrayEquals(
        model.predict(DATA.featuresRowMajor()), restored.predict(DATA.featuresRowMajor()), 0.0);
  }

  @Test
  void aModelWithoutScalerRestoresWithout(@TempDir Path dir) throws Exception {
    TrainedModel model = trained(1, 1, false);
    model.save(dir.resolve("m.zip"));
    TrainedModel restored = TrainedModel.load(dir.resolve("m.zip"));
    assertFalse(restored.standardizes());
    assertArrayEquals(
        model.predict(DATA.featuresRowMajor()), restored.predict(DATA.featuresRowMajor()), 0.0);
  }

  @Test
  void linearScorerEqualsTheNetwork() {
    for (boolean standardize : new boolean[] {true, false}) {
      TrainedModel model = trained(5, 1, standardize);
      double[] network = model.predict(DATA.featuresRowMajor());
      double[] fast = model.linearScorer().scoreAll(DATA.featuresRowMajor());
      assertArrayEquals(network, fast, 1e-12);
    }
  }

  @Test
  void scalerUsesTrainingStatistics() {
    TrainedModel model = trained(1, 1, true);
    double[] mean = model.linearScorer().mean();
    double expected = 0;
    for (int r = 0; r < DATA.rows(); r++) {
      expected += DATA.feature(r, 2);
    }
    assertEquals(expected / DATA.rows(), mean[2], 1e-9);
  }
}

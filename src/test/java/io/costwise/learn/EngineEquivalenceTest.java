package io.costwise.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.config.EngineType;
import io.costwise.config.TrainingConfig;
import io.costwise.data.BundledData;
import io.costwise.data.Dataset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast engine performs DL4J's updates: from the same initial parameters, 50 epochs (20 for two
 * cases) on all of WDBC leave both engines' parameters within 1e−9 of each other (relative to the
 * parameter, or absolutely for parameters near 0) — for both losses, both optimisers, a batch size
 * that does not divide the rows, L2, and hidden layers; and for the two losses that weigh rows,
 * with weights spread over four orders of magnitude.
 */
class EngineEquivalenceTest {
  private static final Dataset WDBC = BundledData.wdbc();

  /** Log-uniform over [1e−2, 1e2], seeded, divided by their mean, as a training job passes them. */
  private static final RowWeights WEIGHTS =
      new RowWeights(
          RowWeights.normalised(AsymmetricCostLossTest.logUniformWeights(WDBC.rows(), 17)),
          Optional.empty());

  // The weighted cases with hidden layers train 20 epochs: DL4J takes 10–30 s for 50 of them.
  @ParameterizedTest(name = "{0} loss, {1}, batch {2}, hidden {3}, l2 {4}, {5} epochs")
  @CsvSource({
    "builtin, sgd, 32, none, 0, 50",
    "builtin, adam, 32, none, 0, 50",
    "custom, sgd, 32, none, 0, 50",
    "custom, adam, 32, none, 0, 50",
    "custom, sgd, 100, none, 0, 50",
    "builtin, adam, 64, none, 0.01, 50",
    "custom, adam, 50, '16,8', 0.001, 50",
    "builtin, sgd, 32, '16,8', 0, 50",
    "weighted_builtin, sgd, 32, none, 0, 50",
    "weighted_builtin, adam, 32, none, 0, 50",
    "expected_cost, sgd, 32, none, 0, 50",
    "expected_cost, adam, 32, none, 0, 50",
    "expected_cost, adam, 50, '16,8', 0.001, 20",
    "weighted_builtin, sgd, 32, '16,8', 0, 20"
  })
  void fastEqualsDl4j(
      String loss, String optimizer, String batch, String hidden, String l2, String epochs) {
    TrainingConfig fastConfig = config(loss, optimizer, batch, hidden, l2, epochs, "fast");
    TrainingConfig config = config(loss, optimizer, batch, hidden, l2, epochs, "dl4j");
    assertEquals(EngineType.FAST, fastConfig.engine());
    assertEquals(EngineType.DL4J, config.engine());
    long start = System.nanoTime();
    double[] fast = train(fastConfig);
    long fastMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    double[] dl4j = train(config);
    long dl4jMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(dl4j.length, fast.length);
    double worst = 0;
    for (int i = 0; i < fast.length; i++) {
      double difference = Math.abs(fast[i] - dl4j[i]) / Math.max(1.0, Math.abs(dl4j[i]));
      worst = Math.max(worst, difference);
    }
    // For the table in docs/engine.md.
    System.out.printf(
        "%s, %s, batch %s, hidden %s, l2 %s, %s epochs: largest difference %.1e, fast %d ms,"
            + " dl4j %d ms%n",
        loss, optimizer, batch, hidden, l2, epochs, worst, fastMillis, dl4jMillis);
    assertTrue(worst <= 1e-9, "largest relative difference " + worst);
    // The comparison means something only if training moved the parameters.
    double[] initial =
        Glorot.initialParameters(
            new io.costwise.artifact.NetworkShape(30, config.hiddenLayers()), config.seed());
    double moved = 0;
    for (int i = 0; i < fast.length; i++) {
      moved = Math.max(moved, Math.abs(fast[i] - initial[i]));
    }
    assertTrue(moved > 0.05, "training moved the parameters by at most " + moved);
  }

  private static TrainingConfig config(
      String loss,
      String optimizer,
      String batch,
      String hidden,
      String l2,
      String epochs,
      String engine) {
    return Configs.of(
        "loss_function_type", loss,
        "fn_cost", "5",
        "optimizer", optimizer,
        "batch_size", batch,
        "hidden_layers", hidden,
        "l2", l2,
        "epochs", epochs,
        "engine", engine);
  }

  private static double[] train(TrainingConfig config) {
    Trainer trainer = new Trainer(config, r -> {}, () -> false);
    TrainingResult result =
        config.lossFunction().usesDecisionCosts()
            ? trainer.train(WDBC, Optional.empty(), WEIGHTS, Optional.empty())
            : trainer.train(WDBC, Optional.empty(), Optional.empty());
    return result.network().parameters();
  }
}

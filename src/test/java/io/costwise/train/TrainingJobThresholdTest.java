package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.ModelDescription;
import io.costwise.artifact.ModelFolder;
import io.costwise.evaluation.OutcomeValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** decision_threshold: a number, cost_optimal or tuned, stored in the model. */
class TrainingJobThresholdTest {
  @TempDir Path base;

  private ModelDescription trainWith(Map<String, String> hyperparameters) throws Exception {
    OptMlTree tree = new OptMlTree(base).wdbc().hyperparameters(hyperparameters);
    assertEquals(0, tree.train(), () -> failure(tree));
    return ModelFolder.readDescription(base.resolve("model"));
  }

  private static String failure(OptMlTree tree) {
    try {
      return tree.failure();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void aNumberIsStoredAsGiven() throws Exception {
    ModelDescription description = trainWith(Map.of("epochs", "2", "decision_threshold", "0.3"));
    assertEquals(0.3, description.decisionThreshold());
    assertEquals("fixed", description.thresholdRule());
  }

  @Test
  void costOptimalIsElkansThresholdOfTheValues() throws Exception {
    ModelDescription description =
        trainWith(Map.of("epochs", "2", "decision_threshold", "cost_optimal"));
    assertEquals(OutcomeValues.reference().costOptimalThreshold(), description.decisionThreshold());
    assertEquals("cost_optimal", description.thresholdRule());
  }

  @Test
  void customValuesMoveTheCostOptimalThreshold() throws Exception {
    ModelDescription description =
        trainWith(
            Map.of(
                "epochs",
                "2",
                "decision_threshold",
                "cost_optimal",
                "value_fp",
                "-10",
                "value_fn",
                "-30",
                "value_tp",
                "0",
                "value_unit",
                "EUR"));
    assertEquals(0.25, description.decisionThreshold(), 1e-15);
  }

  @Test
  void tunedIsChosenOnValidation() throws Exception {
    ModelDescription description = trainWith(Map.of("epochs", "5", "decision_threshold", "tuned"));
    assertTrue(description.thresholdRule().startsWith("tuned"), description.thresholdRule());
    assertTrue(description.decisionThreshold() > 0 && description.decisionThreshold() < 1);
    assertTrue(description.thresholdReason().length() > 10);
  }

  @Test
  void withoutValidationTunedIsChosenOutOfFold() throws Exception {
    OptMlTree tree = new OptMlTree(base).wdbc();
    Files.delete(base.resolve("input/data/validation/validation.csv"));
    Files.delete(base.resolve("input/data/validation"));
    tree.hyperparameters(Map.of("epochs", "3", "decision_threshold", "target_recall=0.9"));
    assertEquals(0, tree.train(), () -> failure(tree));
    ModelDescription description = ModelFolder.readDescription(base.resolve("model"));
    assertEquals("target_recall", description.thresholdRule());
    assertTrue(description.thresholdReason().contains("recall"), description.thresholdReason());
  }

  @Test
  void aDegenerateValueTableFailsNamingTheKeys() throws Exception {
    OptMlTree tree = new OptMlTree(base).wdbc().hyperparameters(Map.of("value_fp", "5"));
    assertEquals(TrainingJob.FAILED, tree.train());
    assertTrue(
        tree.failure().startsWith("The hyperparameters value_tn, value_fp, value_tp and value_fn"),
        tree.failure());
    assertTrue(tree.failure().contains("false positive"), tree.failure());
  }

  @Test
  void aThresholdOutsideZeroToOneIsRefused() throws Exception {
    OptMlTree tree =
        new OptMlTree(base).wdbc().hyperparameters(Map.of("decision_threshold", "1.5"));
    assertEquals(TrainingJob.FAILED, tree.train());
    assertTrue(
        tree.failure().contains("use a number from 0 to 1, or one of cost_optimal, tuned"),
        tree.failure());
  }
}

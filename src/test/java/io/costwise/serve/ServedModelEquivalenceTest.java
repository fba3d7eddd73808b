package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.model.ModelDescription;
import io.costwise.model.ModelFolder;
import io.costwise.model.SavedModel;
import io.costwise.model.TrainedModel;
import io.costwise.sagemaker.SageMakerEnvironment;
import io.costwise.train.TrainingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What serve computes from model.json equals what the DL4J network in model.zip computes, with the
 * same scaler and threshold, on every row of the bundled data.
 */
class ServedModelEquivalenceTest {
  @Test
  void servedProbabilitiesAndLabelsEqualTheNetworks(@TempDir Path base) throws Exception {
    Path data = Path.of("container/local_test/opt_ml/input");
    for (String channel : new String[] {"train", "validation"}) {
      Path target = base.resolve("input/data/" + channel + "/" + channel + ".csv");
      Files.createDirectories(target.getParent());
      Files.copy(data.resolve("data/" + channel + "/" + channel + ".csv"), target);
    }
    Files.createDirectories(base.resolve("input/config"));
    Files.writeString(
        base.resolve("input/config/hyperparameters.json"),
        "{\"loss_function_type\": \"custom\", \"fn_cost\": \"200\", \"epochs\": \"10\","
            + " \"decision_threshold\": \"cost_optimal\"}");
    assertEquals(0, new TrainingJob(SageMakerEnvironment.of(Map.of(), Optional.of(base))).run());

    Path folder = base.resolve("model");
    ModelDescription description = SavedModel.describe(folder);
    TrainedModel network = ModelFolder.readModel(folder);
    Predictor served = Predictor.of(description);
    double[] rows = ServeFixtures.WDBC.featuresRowMajor();
    double[] expected = network.predict(rows);
    double[] actual = served.probabilities(rows, ServeFixtures.WDBC.rows());
    assertEquals(569, actual.length);
    double threshold = description.decisionThreshold();
    assertTrue(threshold > 0 && threshold < 0.01, "cost-optimal threshold " + threshold);
    for (int i = 0; i < actual.length; i++) {
      assertEquals(expected[i], actual[i], 1e-6, "row " + i);
      assertEquals(expected[i] >= threshold, actual[i] >= threshold, "label of row " + i);
    }
    assertEquals(threshold, served.threshold());
  }
}

package io.costwise.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model saved in format version 1 (one unit: {@code weights} and {@code bias} in the scorer), as
 * the costwise before hidden layers wrote it, is still read and scored; a broken scorer is refused
 * with a sentence naming the file.
 */
class SavedModelCompatibilityTest {
  private static final Path V1 = Path.of("src/test/resources/models/v1");

  @Test
  void aVersion1ModelScoresAsItsFormulaSays(@TempDir Path scratch) throws Exception {
    SavedModel model = SavedModel.open(V1, scratch);
    assertEquals(1, model.description().formatVersion());
    assertEquals(0.25, model.description().decisionThreshold());
    double[] row = {17.99, 10.38, 1001};
    double z =
        -0.3 + 0.8 * (17.99 - 14.1) / 3.5 - 0.5 * (10.38 - 19.2) / 4.3 + 1.25 * (1001 - 650) / 350;
    assertEquals(1 / (1 + Math.exp(-z)), model.scorer().score(row), 1e-15);
    assertEquals(3, model.scorer().features());
    assertEquals(1, model.scorer().shape().layers());
  }

  @Test
  void theCurrentFormatRoundTripsHiddenLayers(@TempDir Path dir) throws Exception {
    NetworkShape shape = new NetworkShape(3, java.util.List.of(2));
    double[] parameters = new double[shape.parameterCount()];
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = Math.sin(i + 1);
    }
    NetworkScorer scorer =
        new NetworkScorer(shape, parameters, new double[] {1, 2, 3}, new double[] {2, 2, 2});
    ModelDescription.Scorer described = ModelDescription.Scorer.of(scorer);
    assertEquals(2, described.layers().size());
    assertEquals("relu", described.layers().get(0).activation());
    NetworkScorer back = described.toNetworkScorer();
    double[] row = {0.5, -1, 4};
    assertEquals(scorer.score(row), back.score(row), 0.0);
    // By hand: h = relu(W1 · (x − mean) / std + b1), p = sigmoid(w2 · h + b2).
    double[] x = {(0.5 - 1) / 2, (-1 - 2) / 2.0, (4 - 3) / 2.0};
    double h0 =
        Math.max(
            0, parameters[0] * x[0] + parameters[1] * x[1] + parameters[2] * x[2] + parameters[6]);
    double h1 =
        Math.max(
            0, parameters[3] * x[0] + parameters[4] * x[1] + parameters[5] * x[2] + parameters[7]);
    double p = 1 / (1 + Math.exp(-(parameters[8] * h0 + parameters[9] * h1 + parameters[10])));
    assertEquals(p, scorer.score(row), 1e-15);
  }

  @Test
  void aScorerWhoseLayersDoNotChainIsRefused(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("m"));
    String broken =
        Files.readString(V1.resolve("model.json"))
            .replace("\"weights\" : [ 0.8, -0.5, 1.25 ]", "\"weights\" : [ 0.8, -0.5 ]");
    Files.writeString(dir.resolve("m/model.json"), broken);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> SavedModel.open(dir.resolve("m"), dir));
    assertTrue(
        e.getMessage().contains("model.json holds a scorer that cannot be used"), e.getMessage());
  }
}

package io.costwise.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.costwise.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged model.json is refused at load with one sentence naming the file and the field; each
 * case writes a valid model as train would and then damages one field.
 */
class ModelValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A valid model: 3 features, one hidden layer of 2, Platt calibration, mean costs. */
  private Path valid() throws Exception {
    NetworkShape shape = new NetworkShape(3, List.of(2));
    double[] parameters = new double[shape.parameterCount()];
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = Math.sin(i + 1);
    }
    NetworkScorer scorer =
        new NetworkScorer(shape, parameters, new double[] {1, 2, 3}, new double[] {2, 2, 2});
    ModelDescription description =
        new ModelDescription(
            ModelDescription.FORMAT_VERSION,
            ModelFolder.MODEL_FILE,
            List.of("a", "b", "c"),
            0.4,
            "fixed",
            "given",
            Map.of("epochs", "50"),
            null,
            Map.of(),
            Map.of(),
            Map.of(),
            42,
            50,
            0,
            1.0,
            Map.of(),
            ModelDescription.Scorer.of(scorer),
            "fast",
            null,
            Calibration.platt(-1.5, 0.2),
            Map.of("tn", 0.0, "fp", 1.0, "fn", 5.0, "tp", 0.0));
    Path model = dir.resolve("model");
    ModelFolder.writeDescription(model, description);
    return model;
  }

  /** The valid model with one change to its JSON. */
  private Path damaged(Consumer<ObjectNode> damage) throws Exception {
    Path model = valid();
    Path file = model.resolve(ModelFolder.DESCRIPTION_FILE);
    ObjectNode tree = (ObjectNode) JSON.readTree(file.toFile());
    damage.accept(tree);
    Files.writeString(file, JSON.writeValueAsString(tree));
    return model;
  }

  private static ObjectNode scorer(ObjectNode tree) {
    return (ObjectNode) tree.get("scorer");
  }

  private static ArrayNode firstWeights(ObjectNode tree) {
    return (ArrayNode) scorer(tree).get("layers").get(0).get("weights").get(0);
  }

  /** Loads and expects one sentence naming the file and {@code field}. */
  private String refused(Path model, String field) {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> SavedModel.open(model, dir.resolve("scratch")));
    String message = e.getMessage();
    assertTrue(message.startsWith(model.resolve("model.json") + ": " + field + " "), message);
    assertTrue(message.endsWith("retrain the model or restore the file train wrote."), message);
    assertEquals(1, message.split("\\. ").length, "one sentence: " + message);
    return message;
  }

  @Test
  void theValidModelLoads() throws Exception {
    SavedModel model = SavedModel.open(valid(), dir.resolve("scratch"));
    assertEquals(3, model.scorer().features());
  }

  @Test
  void aZeroStdIsRefused() throws Exception {
    String m =
        refused(damaged(t -> ((ArrayNode) scorer(t).get("std")).set(1, 0.0)), "scorer.std[1]");
    assertTrue(m.contains("is 0.0; a feature's standard deviation must be positive"), m);
  }

  @Test
  void aNegativeStdIsRefused() throws Exception {
    refused(damaged(t -> ((ArrayNode) scorer(t).get("std")).set(2, -2.0)), "scorer.std[2]");
  }

  @Test
  void aMissingStdIsRefusedNotANullPointer() throws Exception {
    String m = refused(damaged(t -> scorer(t).remove("std")), "scorer.std");
    assertTrue(m.contains("scorer.std is missing"), m);
  }

  @Test
  void aMissingMeanIsRefused() throws Exception {
    refused(damaged(t -> scorer(t).remove("mean")), "scorer.mean");
  }

  @Test
  void missingLayersAreRefused() throws Exception {
    refused(damaged(t -> scorer(t).remove("layers")), "scorer.layers");
  }

  @Test
  void aMissingThresholdIsRefusedNotReadAsZero() throws Exception {
    String m = refused(damaged(t -> t.remove("decision_threshold")), "decision_threshold");
    assertTrue(m.contains("decision_threshold is missing"), m);
  }

  @Test
  void aNullThresholdIsRefused() throws Exception {
    refused(damaged(t -> t.putNull("decision_threshold")), "decision_threshold");
  }

  @Test
  void thresholdsOutsideZeroToOneAreRefused() throws Exception {
    for (double t : new double[] {2.0, -0.5, 1.001}) {
      String m = refused(damaged(tree -> tree.put("decision_threshold", t)), "decision_threshold");
      assertTrue(m.contains("is " + t + "; it must be a probability from 0 to 1"), m);
    }
  }

  @Test
  void aNaNThresholdIsRefused() throws Exception {
    // Jackson reads the string "NaN" as a double NaN.
    refused(damaged(t -> t.put("decision_threshold", "NaN")), "decision_threshold");
  }

  @Test
  void theFlagNobodyThresholdTrainingWritesIsAccepted() throws Exception {
    for (double t : new double[] {0.0, 1.0, Math.nextUp(1.0)}) {
      Path model = damaged(tree -> tree.put("decision_threshold", t));
      assertEquals(
          t, SavedModel.open(model, dir.resolve("s")).description().decisionThreshold(), 0.0);
    }
  }

  @Test
  void anInfiniteMeanIsRefused() throws Exception {
    // 1e999 is a JSON number that reads as Infinity.
    Path model = valid();
    Path file = model.resolve("model.json");
    String json =
        Files.readString(file).replaceFirst("\"mean\" : \\[ 1\\.0,", "\"mean\" : [ 1e999,");
    Files.writeString(file, json);
    String m = refused(model, "scorer.mean[0]");
    assertTrue(m.contains("is Infinity; a feature's mean must be finite"), m);
  }

  @Test
  void hugeWeightsAreRefused() throws Exception {
    for (double w : new double[] {1e308, -1e308}) {
      String m = refused(damaged(t -> firstWeights(t).set(1, w)), "scorer.layers[0].weights[0][1]");
      assertTrue(m.contains("a weight must be finite and within ±1000000.0"), m);
    }
  }

  @Test
  void aNaNBiasIsRefused() throws Exception {
    refused(
        damaged(t -> ((ArrayNode) scorer(t).get("layers").get(1).get("bias")).set(0, "NaN")),
        "scorer.layers[1].bias[0]");
  }

  @Test
  void aTinyStdThatOverflowsIsRefused() throws Exception {
    String m =
        refused(damaged(t -> ((ArrayNode) scorer(t).get("std")).set(0, 1e-300)), "scorer.std[0]");
    assertTrue(m.contains("standardises to infinity"), m);
  }

  @Test
  void weightsThatCanOverflowTogetherAreRefused() throws Exception {
    // Each weight is within the bound, but std 1e-266 lets a float-range feature reach 3.4e304,
    // and 1e6 times that overflows.
    String m =
        refused(
            damaged(
                t -> {
                  ((ArrayNode) scorer(t).get("std")).set(0, 1e-266);
                  firstWeights(t).set(0, 1e6);
                }),
            "scorer.layers[0].weights[0]");
    assertTrue(m.contains("can overflow"), m);
  }

  @Test
  void aWrongFeatureCountIsRefused() throws Exception {
    String m = refused(damaged(t -> t.put("feature_count", 4)), "feature_count");
    assertTrue(m.contains("feature_count is 4 but feature_names has 3"), m);
  }

  @Test
  void missingFeatureNamesAreRefused() throws Exception {
    refused(damaged(t -> t.remove("feature_names")), "feature_names");
  }

  @Test
  void repeatedFeatureNamesAreRefused() throws Exception {
    refused(damaged(t -> ((ArrayNode) t.get("feature_names")).set(2, "a")), "feature_names[2]");
  }

  @Test
  void aScalerOfTheWrongSizeIsRefused() throws Exception {
    refused(damaged(t -> ((ArrayNode) scorer(t).get("mean")).remove(2)), "scorer.mean");
  }

  @Test
  void aMissingScorerIsRefused() throws Exception {
    refused(damaged(t -> t.remove("scorer")), "scorer");
  }

  @Test
  void aMissingFormatVersionIsRefused() throws Exception {
    refused(damaged(t -> t.remove("format_version")), "format_version");
  }

  @Test
  void nonFiniteMeanCostsAreRefused() throws Exception {
    refused(
        damaged(t -> ((ObjectNode) t.get("mean_costs")).put("fn", "Infinity")), "mean_costs.fn");
    refused(damaged(t -> ((ObjectNode) t.get("mean_costs")).remove("tp")), "mean_costs.tp");
  }

  @Test
  void aBrokenCalibrationIsRefused() throws Exception {
    String m =
        refused(damaged(t -> ((ObjectNode) t.get("calibration")).put("a", "NaN")), "calibration");
    assertTrue(m.contains("calibration is unusable"), m);
  }

  @Test
  void aDamagedModelInAnArchiveIsNamedByTheArchive() throws Exception {
    Path model = damaged(t -> t.put("decision_threshold", 2.0));
    Path archive = dir.resolve("model.tar.gz");
    try (var out = Files.newOutputStream(archive);
        var tar =
            new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out))) {
      byte[] json = Files.readAllBytes(model.resolve("model.json"));
      var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("model.json");
      entry.setSize(json.length);
      tar.putArchiveEntry(entry);
      tar.write(json);
      tar.closeArchiveEntry();
    }
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> SavedModel.open(archive, Files.createDirectory(dir.resolve("unpacked"))));
    assertEquals(
        "model.json in "
            + archive
            + ": decision_threshold is 2.0; it must be a probability from 0 to 1 (or"
            + " 1.0000000000000002, which flags nobody) — retrain the model or restore the file"
            + " train wrote.",
        e.getMessage());
  }

  @Test
  void aLayerWithTooFewBiasesIsRefusedByTheScorerCheck() throws Exception {
    Path model = damaged(t -> ((ArrayNode) scorer(t).get("layers").get(0).get("bias")).remove(1));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> SavedModel.open(model, dir.resolve("scratch")));
    assertTrue(e.getMessage().contains("holds a scorer that cannot be used"), e.getMessage());
  }
}

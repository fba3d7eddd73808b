package io.costwise.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.ModelDescription;
import io.costwise.artifact.ModelFolder;
import io.costwise.artifact.NetworkScorer;
import io.costwise.artifact.SavedModel;
import io.costwise.data.BundledData;
import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import io.costwise.evaluation.ConfusionMatrix;
import io.costwise.evaluation.OutcomeValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelEvaluationTest {
  @TempDir static Path dir;
  private static SavedModel saved;
  private static Path csv;
  private static double[] scores;
  private static int[] labels;

  @BeforeAll
  static void saveAModel() throws Exception {
    Dataset data = BundledData.wdbc();
    NetworkScorer model = Experiments.train(Experiments.reference("custom", 5, 1, 42), data);
    ModelDescription description =
        new ModelDescription(
            ModelDescription.FORMAT_VERSION,
            ModelFolder.MODEL_FILE,
            data.featureNames(),
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
            ModelDescription.Scorer.of(model),
            "fast",
            null,
            null,
            null);
    ModelFolder.writeDescription(dir.resolve("model"), description);
    saved = SavedModel.open(dir.resolve("model"), dir.resolve("scratch"));
    csv = dir.resolve("data.csv");
    Files.write(
        csv,
        IntStream.range(0, data.rows())
            .mapToObj(
                r ->
                    data.label(r)
                        + ","
                        + java.util.Arrays.stream(data.row(r))
                            .mapToObj(Double::toString)
                            .collect(Collectors.joining(",")))
            .toList());
    scores = model.scores(data);
    labels = data.labels();
  }

  @Test
  void usesTheModelsThresholdAndValuesByDefault() throws Exception {
    ModelEvaluation.Result result =
        ModelEvaluation.run(
            saved, List.of(csv), Optional.empty(), Optional.empty(), dir.resolve("a"));
    assertEquals(0.4, result.evaluation().threshold());
    assertEquals(ConfusionMatrix.of(scores, labels, 0.4), result.evaluation().matrix());
    assertEquals(OutcomeValues.reference(), result.evaluation().values());
    assertTrue(Files.exists(dir.resolve("a/evaluation.json")));
    assertTrue(Files.exists(dir.resolve("a/report.html")));
  }

  @Test
  void optionsOverrideThresholdAndValues() throws Exception {
    OutcomeValues values = new OutcomeValues(0, -1, -10, 0, "EUR");
    ModelEvaluation.Result result =
        ModelEvaluation.run(
            saved, List.of(csv), Optional.of("0.9"), Optional.of(values), dir.resolve("b"));
    assertEquals(ConfusionMatrix.of(scores, labels, 0.9), result.evaluation().matrix());
    assertEquals("EUR", result.evaluation().values().unit());
  }

  @Test
  void dataOfAnotherWidthIsRefused() throws Exception {
    Path narrow = Files.writeString(dir.resolve("narrow.csv"), "0,1,2\n1,2,3\n");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                ModelEvaluation.run(
                    saved, List.of(narrow), Optional.empty(), Optional.empty(), dir.resolve("c")));
    assertTrue(e.getMessage().contains("the training data has 30"), e.getMessage());
  }
}

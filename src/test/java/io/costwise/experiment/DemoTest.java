package io.costwise.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.data.BundledData;
import io.costwise.evaluation.OutcomeValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference experiment on the bundled split: the direction the reference reported holds. */
class DemoTest {
  private static DemoResult result;
  private static final List<String> PROGRESS = new ArrayList<>();

  @BeforeAll
  static void runTheDemo() {
    result =
        new Demo(OutcomeValues.reference(), Demo.DEFAULT_SEED, PROGRESS::add)
            .run(BundledData.wdbc());
  }

  @Test
  void trainsTheThreeReferenceModelsOnA426To143Split() {
    assertEquals(
        List.of("builtin", "5:1", "medical"),
        result.models().stream().map(DemoResult.Model::name).toList());
    assertEquals(426, result.trainRows());
    assertEquals(143, result.testRows());
    assertEquals(3, PROGRESS.size());
    assertTrue(PROGRESS.get(0).startsWith("[1/3] builtin"));
  }

  @Test
  void falseNegativesNeverRiseAndExpectedValueImprovesAsTheMissCostGrows() {
    for (int i = 1; i < 3; i++) {
      DemoResult.Model cheaper = result.models().get(i - 1);
      DemoResult.Model dearer = result.models().get(i);
      assertTrue(dearer.atHalf().matrix().fn() <= cheaper.atHalf().matrix().fn(), dearer.name());
      assertTrue(
          dearer.atHalf().expectedValuePerCase() > cheaper.atHalf().expectedValuePerCase(),
          dearer.name());
      assertTrue(dearer.atHalf().matrix().fp() >= cheaper.atHalf().matrix().fp(), dearer.name());
    }
  }

  @Test
  void theSameSeedGivesTheSameFigures() {
    DemoResult again =
        new Demo(OutcomeValues.reference(), Demo.DEFAULT_SEED, s -> {}).run(BundledData.wdbc());
    for (int i = 0; i < 3; i++) {
      assertEquals(
          result.models().get(i).atHalf().matrix(), again.models().get(i).atHalf().matrix());
    }
  }

  @Test
  void summaryJsonHasTheDocumentedShape(@TempDir Path dir) throws Exception {
    DemoSummary.write(dir.resolve("summary.json"), result, OutcomeValues.reference());
    JsonNode root = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    JsonNode first = root.path("models").get(0);
    assertEquals("builtin", first.path("name").asText());
    DemoResult.Model model = result.models().get(0);
    assertEquals(model.atHalf().matrix().tn(), first.path("confusion_matrix").path("tn").asLong());
    assertEquals(model.atHalf().matrix().fn(), first.path("confusion_matrix").path("fn").asLong());
    assertEquals(model.atHalf().expectedValuePerCase(), first.path("expected_value").asDouble());
    assertEquals(model.atHalf().matrix().accuracy(), first.path("accuracy").asDouble());
    assertEquals(model.atHalf().roc().auc(), first.path("auc").asDouble());
    assertEquals(3, root.path("models").size());
  }

  @Test
  void tableShowsEveryModelAndTheMoneyLine() {
    String table =
        DemoTable.render(result, "USD", OutcomeValues.reference().costOptimalThreshold());
    assertTrue(table.contains("expected value per case (USD)"));
    for (DemoResult.Model model : result.models()) {
      assertTrue(table.contains(model.name()));
      assertTrue(
          table.contains(
              io.costwise.report.Formats.money(model.atHalf().expectedValuePerCase(2), "USD")),
          table);
      assertTrue(
          table.contains(
              io.costwise.report.Formats.money(model.atTuned().expectedValuePerCase(2), "USD")),
          table);
    }
  }
}

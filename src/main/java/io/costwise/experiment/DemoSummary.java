package io.costwise.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.costwise.evaluation.ConfusionMatrix;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's {@code summary.json}: {@code {"models": [{"name", "confusion_matrix": {tn, fp, fn,
 * tp}, "expected_value", "accuracy", "auc", …}, …]}}, figures on the test split at threshold 0.5,
 * plus the same at the cost-optimal threshold.
 */
public final class DemoSummary {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DemoSummary() {}

  public static void write(Path file, DemoResult result, OutcomeValues values) throws IOException {
    List<Map<String, Object>> models = new ArrayList<>();
    for (DemoResult.Model model : result.models()) {
      Map<String, Object> entry = figures(model.atHalf());
      entry.put("name", model.name());
      entry.put("description", model.description());
      entry.put("training_seconds", model.trainingSeconds());
      entry.put("at_cost_optimal_threshold", figures(model.atCostOptimal()));
      Map<String, Object> tuned = figures(model.atTuned());
      tuned.put("method", model.tuned().method().name().toLowerCase(java.util.Locale.ROOT));
      tuned.put("tuned_on", "train");
      entry.put("at_tuned_threshold", tuned);
      models.add(reorder(entry));
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("models", models);
    root.put("train_rows", result.trainRows());
    root.put("test_rows", result.testRows());
    root.put("unit", values.unit());
    root.put(
        "values",
        Map.of(
            "tn", values.trueNegative(),
            "fp", values.falsePositive(),
            "fn", values.falseNegative(),
            "tp", values.truePositive()));
    JSON.writeValue(file.toFile(), root);
  }

  private static Map<String, Object> figures(Evaluation evaluation) {
    ConfusionMatrix m = evaluation.matrix();
    Map<String, Object> figures = new LinkedHashMap<>();
    Map<String, Long> cells = new LinkedHashMap<>();
    cells.put("tn", m.tn());
    cells.put("fp", m.fp());
    cells.put("fn", m.fn());
    cells.put("tp", m.tp());
    figures.put("threshold", evaluation.threshold());
    figures.put("confusion_matrix", cells);
    figures.put("expected_value", evaluation.expectedValuePerCase());
    figures.put("expected_value_total", evaluation.expectedValueTotal());
    figures.put("accuracy", m.accuracy());
    figures.put("auc", evaluation.roc().auc());
    figures.put(
        "precision",
        List.of(
            evaluation.report().negative().precision(),
            evaluation.report().positive().precision()));
    figures.put(
        "recall",
        List.of(evaluation.report().negative().recall(), evaluation.report().positive().recall()));
    return figures;
  }

  /** Name first, as the documented shape shows it. */
  private static Map<String, Object> reorder(Map<String, Object> entry) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("name", entry.remove("name"));
    ordered.putAll(entry);
    return ordered;
  }
}

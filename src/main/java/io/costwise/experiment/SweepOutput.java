package io.costwise.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.costwise.report.SweepChart;
import io.costwise.report.SweepPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code sweep.json} (settings and rows) and the chart. */
public final class SweepOutput {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SweepOutput() {}

  public static List<Path> write(Path dir, SweepSettings settings, List<SweepRow> rows)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("ratios", settings.ratios());
    described.put("folds", settings.folds());
    described.put("seed", settings.seed());
    described.put("epochs", settings.training().epochs());
    described.put("batch_size", settings.training().batchSize());
    described.put("learning_rate", settings.training().learningRate());
    described.put("optimizer", settings.training().optimizer().value());
    described.put("engine", settings.training().engine().value());
    described.put("hidden_layers", settings.training().hiddenLayers());
    described.put("unit", settings.values().unit());
    root.put("settings", described);
    List<Map<String, Object>> table = new ArrayList<>();
    for (SweepRow row : rows) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("ratio", row.ratio());
      entry.put("threshold_kind", row.thresholdKind());
      entry.put("threshold", row.threshold());
      entry.put("expected_value_mean", row.meanExpectedValue());
      entry.put("expected_value_sd", row.sdExpectedValue());
      entry.put("false_negatives_mean", row.meanFalseNegatives());
      entry.put("false_positives_mean", row.meanFalsePositives());
      entry.put("auc_mean", row.meanAuc());
      entry.put("best", row.best());
      table.add(entry);
    }
    root.put("rows", table);
    Path json = dir.resolve("sweep.json");
    JSON.writeValue(json.toFile(), root);
    written.add(json);
    Path png = dir.resolve("sweep.png");
    SweepChart.write(
        png,
        rows.stream()
            .map(
                r ->
                    new SweepPoint(
                        r.ratio(),
                        r.thresholdKind(),
                        r.meanExpectedValue(),
                        r.sdExpectedValue(),
                        r.meanFalseNegatives(),
                        r.meanFalsePositives(),
                        r.best()))
            .toList(),
        settings.values().unit());
    written.add(png);
    return written;
  }
}

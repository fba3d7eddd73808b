package io.costwise.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.costwise.evaluation.Evaluation;
import io.costwise.report.Formats;
import io.costwise.report.ReportContext;
import io.costwise.report.ScoredSplit;
import io.costwise.report.SweepPoint;
import io.costwise.report.SweepReport;
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

  /**
   * Writes {@code sweep.json}, then {@code report.html} and {@code sweep.png}.
   *
   * @param date shown after the report's title, e.g. "2026-11-30", or empty
   */
  public static List<Path> write(Path dir, SweepSettings settings, SweepResult result, String date)
      throws IOException {
    List<SweepRow> rows = result.rows();
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
    List<SweepPoint> points =
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
            .toList();
    ReportContext context =
        new ReportContext(
            ReportContext.titled("sweep", dir.toString()), facts(settings), List.of(), date);
    written.addAll(
        SweepReport.write(
            dir, context, points, outOfFold(settings, result), settings.values().unit()));
    return written;
  }

  /** Each ratio's out-of-fold scores as one split, decided at 0.5 as the sweep's first kind. */
  private static List<ScoredSplit> outOfFold(SweepSettings settings, SweepResult result) {
    List<ScoredSplit> splits = new ArrayList<>();
    for (SweepResult.OutOfFold ratio : result.outOfFold()) {
      splits.add(
          new ScoredSplit(
              "ratio " + Formats.ratio(ratio.ratio()) + ", out of fold",
              ratio.scores(),
              result.labels(),
              Evaluation.of(ratio.scores(), result.labels(), 0.5, settings.values(), 0.05)));
    }
    return splits;
  }

  private static Map<String, String> facts(SweepSettings settings) {
    Map<String, String> facts = new LinkedHashMap<>();
    List<String> ratios = new ArrayList<>();
    for (double ratio : settings.ratios()) {
      ratios.add(Formats.ratio(ratio));
    }
    facts.put("training ratios (fn_cost : fp_cost)", String.join(", ", ratios));
    facts.put(
        "folds", Integer.toString(settings.folds()) + " (stratified), seed " + settings.seed());
    var training = settings.training();
    facts.put(
        "training",
        training.epochs()
            + " epochs, batch "
            + training.batchSize()
            + ", "
            + training.optimizer().value()
            + " at learning rate "
            + Formats.threshold(training.learningRate())
            + ", engine "
            + training.engine().value()
            + (training.hiddenLayers().isEmpty()
                ? ", one logistic unit"
                : ", hidden layers " + training.hiddenLayers()));
    var v = settings.values();
    facts.put(
        "outcome values",
        Formats.outcomeValues(
            v.trueNegative(), v.falsePositive(), v.falseNegative(), v.truePositive(), v.unit()));
    facts.put("cost-optimal threshold", Formats.threshold(v.costOptimalThreshold()));
    return facts;
  }
}

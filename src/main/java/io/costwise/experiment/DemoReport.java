package io.costwise.experiment;

import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.TunedThreshold;
import io.costwise.report.ComparedModel;
import io.costwise.report.ComparisonReport;
import io.costwise.report.ReportContext;
import io.costwise.report.ScoredSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the demo's files: {@code summary.json} and the comparison report. */
public final class DemoReport {
  private DemoReport() {}

  public static List<Path> write(Path dir, DemoResult result, OutcomeValues values)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Path summary = dir.resolve("summary.json");
    DemoSummary.write(summary, result, values);
    written.add(summary);
    List<ComparedModel> models = new ArrayList<>();
    for (DemoResult.Model model : result.models()) {
      models.add(
          new ComparedModel(
              model.name(),
              model.description(),
              new ScoredSplit("test", model.scores(), model.labels(), model.atHalf()),
              "0.5",
              rules(model)));
    }
    written.addAll(
        ComparisonReport.write(
            dir,
            ReportContext.titled("demo", String.valueOf(dir.toAbsolutePath().getFileName())),
            LocalDate.now(ZoneOffset.UTC).toString(),
            models));
    return written;
  }

  /**
   * The rules beside 0.5 that the headline compares; "train-tuned" is tuned on the model's own
   * training scores, the demo having no validation split.
   */
  static Map<String, Evaluation> rules(DemoResult.Model model) {
    Map<String, Evaluation> rules = new LinkedHashMap<>();
    rules.put("cost-optimal", model.atCostOptimal());
    rules.put(
        model.tuned().method() == TunedThreshold.Method.TUNED
            ? "train-tuned"
            : "train-tuned (fell back to cost-optimal)",
        model.atTuned());
    return rules;
  }
}

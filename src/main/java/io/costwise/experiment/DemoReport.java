package io.costwise.experiment;

import io.costwise.evaluation.OutcomeValues;
import io.costwise.report.ComparedModel;
import io.costwise.report.ComparisonReport;
import io.costwise.report.ScoredSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
              new ScoredSplit("test", model.scores(), model.labels(), model.atHalf())));
    }
    written.addAll(
        ComparisonReport.write(
            dir,
            "costwise demo: builtin vs 5:1 vs medical on WDBC ("
                + result.testRows()
                + " test cases)",
            models));
    return written;
  }
}

package io.costwise.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several models on the same test split, side by side: the {@code demo} command's answer to "which
 * model's errors cost least?".
 *
 * <p>Files written into the folder:
 *
 * <ul>
 *   <li>{@code report.html}: a table with one column per model and one row per metric, a sentence
 *       naming the model with the best expected value, and the charts, inlined;
 *   <li>{@code roc.png}: every model's ROC curve in one chart;
 *   <li>{@code expected-value.png}: every model's expected value per case against the threshold;
 *   <li>{@code scores-<model>.png}: per model, the score histogram of each actual class, with the
 *       model's name made file-safe ("5:1" → {@code scores-5-1.png}).
 * </ul>
 */
public final class ComparisonReport {
  static final String HTML = "report.html";

  private ComparisonReport() {}

  /**
   * Writes the comparison into {@code dir}, creating it.
   *
   * @param models one or more, with distinct names, evaluated with the same outcome values
   * @return the files written: {@code report.html}, then the PNGs
   * @throws IllegalArgumentException if there are no models, two share a name, or their outcome
   *     values differ
   */
  public static List<Path> write(Path dir, String title, List<ComparedModel> models)
      throws IOException {
    Splits.requireDistinct(models.stream().map(ComparedModel::name).toList(), "model");
    List<ScoredSplit> curves = new ArrayList<>();
    for (ComparedModel model : models) {
      curves.add(model.test().renamed(model.name()));
    }
    String unit = Splits.commonValues(curves).unit();
    Map<String, RenderedChart> perModel = new LinkedHashMap<>();
    for (ComparedModel model : models) {
      perModel.put(
          model.name(),
          RenderedChart.of(
              "scores-" + Splits.slug(model.name()) + ".png",
              ScoreHistogramChart.create(
                  model.name() + " — " + model.test().name() + ": scores by actual class",
                  model.test(),
                  ScoreHistogram.DEFAULT_BIN_WIDTH)));
    }
    RenderedChart roc =
        RenderedChart.of("roc.png", RocChart.create(title + ": ROC curves", curves));
    RenderedChart value =
        RenderedChart.of(
            "expected-value.png",
            ExpectedValueChart.create(
                title + ": expected value per case by threshold", curves, unit));

    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Path html = dir.resolve(HTML);
    Files.writeString(
        html, ComparisonHtml.render(title, models, perModel, roc, value), StandardCharsets.UTF_8);
    written.add(html);
    written.add(roc.writeInto(dir));
    written.add(value.writeInto(dir));
    for (RenderedChart chart : perModel.values()) {
      written.add(chart.writeInto(dir));
    }
    return List.copyOf(written);
  }
}

package io.costwise.report;

import io.costwise.evaluation.CostRatioCurve;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several models on the same test split, side by side: the {@code demo} command's answer to "which
 * model's errors cost least?".
 *
 * <p>Files written into the folder:
 *
 * <ul>
 *   <li>{@code report.html}: a headline naming the model with the best expected value at its best
 *       decision rule, a table of rules when models carry several, a table with one column per
 *       model and one row per metric, and the charts, inlined;
 *   <li>{@code roc.png}: every model's ROC curve in one chart;
 *   <li>{@code expected-value.png}: every model's expected value per case against the threshold,
 *       peaks and the cost-optimal threshold marked;
 *   <li>{@code expected-value-log-odds.png}: the same on a log-odds threshold axis;
 *   <li>{@code precision-recall.png}: every model's precision-recall curve;
 *   <li>{@code cost-ratio.png}: the headline's best model re-decided as if a miss cost more or less
 *       (not with per-row costs);
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
    return write(dir, title, "", models);
  }

  /**
   * As {@link #write(Path, String, List)}, with a date after the title in the page's heading.
   *
   * @param date e.g. "2026-11-30", or empty
   */
  public static List<Path> write(Path dir, String title, String date, List<ComparedModel> models)
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

    RenderedChart valueLogOdds =
        RenderedChart.of(
            "expected-value-log-odds.png",
            ExpectedValueChart.createLogOdds(
                title + ": expected value by threshold (log odds)", curves, unit));
    RenderedChart precisionRecall =
        RenderedChart.of(
            "precision-recall.png",
            PrecisionRecallChart.create(title + ": precision against recall", curves));
    ComparedModel winner = ComparisonHeadline.winner(models).model();
    Optional<RenderedChart> costRatio = Optional.empty();
    Optional<CostRatioCurve> ratios = winner.test().costRatios();
    if (ratios.isPresent()) {
      costRatio =
          Optional.of(
              RenderedChart.of(
                  "cost-ratio.png",
                  CostRatioChart.create(
                      winner.name() + ": if a miss cost more or less",
                      "the " + winner.name() + " model on the " + winner.test().name() + " split",
                      ratios.get(),
                      unit)));
    }

    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Path html = dir.resolve(HTML);
    Files.writeString(
        html,
        ComparisonHtml.render(
            date.isEmpty() ? title : title + ", " + date,
            models,
            perModel,
            roc,
            value,
            valueLogOdds,
            precisionRecall,
            costRatio),
        StandardCharsets.UTF_8);
    written.add(html);
    written.add(roc.writeInto(dir));
    written.add(value.writeInto(dir));
    written.add(valueLogOdds.writeInto(dir));
    written.add(precisionRecall.writeInto(dir));
    if (costRatio.isPresent()) {
      written.add(costRatio.get().writeInto(dir));
    }
    for (RenderedChart chart : perModel.values()) {
      written.add(chart.writeInto(dir));
    }
    return List.copyOf(written);
  }
}

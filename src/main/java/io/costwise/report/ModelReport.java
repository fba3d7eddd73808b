package io.costwise.report;

import io.costwise.evaluation.CostRatioCurve;
import io.costwise.evaluation.Reliability;
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
 * The report of one trained model on its splits (train, and validation when there is one), written
 * next to the model so a reader of the model folder can see what its errors cost.
 *
 * <p>Files written into the folder:
 *
 * <ul>
 *   <li>{@code evaluation.json}: every figure, see {@link EvaluationJson#of};
 *   <li>{@code report.html}: facts, outcome values, and per split the confusion matrix, close
 *       calls, classification report, metrics, expected value in a sentence, and the charts,
 *       inlined, so the page is self-contained;
 *   <li>{@code roc.png}: every split's ROC curve;
 *   <li>{@code expected-value.png}: expected value per case against the threshold, per split, with
 *       each curve's peak and the cost-optimal threshold marked;
 *   <li>{@code expected-value-log-odds.png}: the same on a log-odds threshold axis, which spreads
 *       out the region near 0 or 1 where a cost-sensitive optimum lies;
 *   <li>{@code precision-recall.png}: every split's precision-recall curve;
 *   <li>{@code cost-ratio.png}: the last split's scores re-decided as if a miss cost more or less
 *       (not with per-row costs, which have no one ratio to vary);
 *   <li>{@code reliability.png}: the reliability diagram of the last split, before and after
 *       calibration when the model calibrates;
 *   <li>{@code scores-<split>.png}: per split, the score histogram of each actual class, with the
 *       split's name made file-safe ("validation" → {@code scores-validation.png}).
 * </ul>
 */
public final class ModelReport {
  static final String JSON = "evaluation.json";
  static final String HTML = "report.html";

  private ModelReport() {}

  /**
   * Writes the report into {@code dir}, creating it; existing files of the same names are replaced.
   *
   * @param splits one or more, with distinct names, evaluated with the same outcome values
   * @return the files written: {@code evaluation.json}, {@code report.html}, then the PNGs
   * @throws IllegalArgumentException if the splits are empty, share a name or differ in values
   */
  public static List<Path> write(Path dir, ReportContext context, List<ScoredSplit> splits)
      throws IOException {
    Splits.requireDistinct(splits.stream().map(ScoredSplit::name).toList(), "split");
    String unit = Splits.commonValues(splits).unit();
    Map<String, RenderedChart> perSplit = new LinkedHashMap<>();
    for (ScoredSplit split : splits) {
      perSplit.put(
          split.name(),
          RenderedChart.of(
              "scores-" + Splits.slug(split.name()) + ".png",
              ScoreHistogramChart.create(
                  context.title() + " — " + split.name() + ": scores by actual class",
                  split,
                  ScoreHistogram.DEFAULT_BIN_WIDTH)));
    }
    RenderedChart roc =
        RenderedChart.of("roc.png", RocChart.create(context.title() + ": ROC curves", splits));
    RenderedChart value =
        RenderedChart.of(
            "expected-value.png",
            ExpectedValueChart.create(
                context.title() + ": expected value per case by threshold", splits, unit));

    RenderedChart valueLogOdds =
        RenderedChart.of(
            "expected-value-log-odds.png",
            ExpectedValueChart.createLogOdds(
                context.title() + ": expected value by threshold (log odds)", splits, unit));
    RenderedChart precisionRecall =
        RenderedChart.of(
            "precision-recall.png",
            PrecisionRecallChart.create(context.title() + ": precision against recall", splits));
    ScoredSplit last = splits.get(splits.size() - 1);
    Optional<RenderedChart> costRatio = Optional.empty();
    Optional<CostRatioCurve> ratios = last.costRatios();
    if (ratios.isPresent()) {
      costRatio =
          Optional.of(
              RenderedChart.of(
                  "cost-ratio.png",
                  CostRatioChart.create(
                      context.title() + " — " + last.name() + ": if a miss cost more or less",
                      "the " + last.name() + " split",
                      ratios.get(),
                      unit)));
    }
    Optional<Reliability> before = last.reliabilityBeforeCalibration();
    Reliability used = last.reliability();
    RenderedChart reliability =
        RenderedChart.of(
            "reliability.png",
            ReliabilityChart.create(
                context.title() + " — " + last.name() + ": reliability of the probabilities",
                before.orElse(used),
                before.isPresent() ? Optional.of(used) : Optional.empty()));

    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Path json = dir.resolve(JSON);
    EvaluationJson.write(json, EvaluationJson.of(context, splits));
    written.add(json);
    Path html = dir.resolve(HTML);
    String page =
        ModelReportHtml.render(
            context,
            splits,
            perSplit,
            roc,
            value,
            reliability,
            valueLogOdds,
            precisionRecall,
            costRatio);
    Files.writeString(html, page, StandardCharsets.UTF_8);
    written.add(html);
    written.add(roc.writeInto(dir));
    written.add(value.writeInto(dir));
    written.add(reliability.writeInto(dir));
    written.add(valueLogOdds.writeInto(dir));
    written.add(precisionRecall.writeInto(dir));
    if (costRatio.isPresent()) {
      written.add(costRatio.get().writeInto(dir));
    }
    for (RenderedChart chart : perSplit.values()) {
      written.add(chart.writeInto(dir));
    }
    return List.copyOf(written);
  }
}

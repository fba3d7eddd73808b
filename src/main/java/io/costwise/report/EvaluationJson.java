package io.costwise.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.costwise.error.InvalidInputException;
import io.costwise.evaluation.ClassMetrics;
import io.costwise.evaluation.ClassificationReport;
import io.costwise.evaluation.CloseCalls;
import io.costwise.evaluation.ConfusionMatrix;
import io.costwise.evaluation.CostRatioCurve;
import io.costwise.evaluation.CostRatioPoint;
import io.costwise.evaluation.CostSummary;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.ExpectedValuePoint;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.PrecisionRecallCurve;
import io.costwise.evaluation.PrecisionRecallPoint;
import io.costwise.evaluation.Reliability;
import io.costwise.evaluation.RocPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shape of an evaluation: snake_case keys in a fixed order, as maps and lists that any
 * Jackson {@link ObjectMapper} serialises, so the {@code evaluate} and {@code demo} commands can
 * embed a split in their own output.
 *
 * <p>Two departures from the figures as computed, both so the file is valid, usable JSON:
 *
 * <ul>
 *   <li><b>Not-a-number and infinities become {@code null}.</b> JSON has no NaN: the AUC and the
 *       rates of a split with one class only, and the ROC's first threshold ({@code +Infinity},
 *       where nothing is flagged), are written as {@code null}.
 *   <li><b>Curves are thinned.</b> A ROC or expected-value curve has a point per distinct score, so
 *       a split of a million cases would write a million points. A curve with more than {@link
 *       #MAX_CURVE_POINTS} points keeps that many, at evenly spaced indices, always including the
 *       first and the last, and the split gets {@code "curve_points_thinned": true} (otherwise
 *       false). The metrics themselves are computed on every point before thinning.
 * </ul>
 *
 * <p>The total expected value is an exact decimal and is written as a plain JSON number (no
 * exponent) by {@link #writer()}.
 */
public final class EvaluationJson {
  /** The most points a curve keeps in JSON. */
  public static final int MAX_CURVE_POINTS = 2000;

  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .writerWithDefaultPrettyPrinter();

  private EvaluationJson() {}

  /**
   * The whole {@code evaluation.json} document: title, facts, unit, outcome values, and each split
   * under its name.
   *
   * @throws IllegalArgumentException if there are no splits, or they use different outcome values
   */
  public static Map<String, Object> of(ReportContext context, List<ScoredSplit> splits) {
    OutcomeValues values = Splits.commonValues(splits);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("title", context.title());
    root.put("facts", new LinkedHashMap<>(context.facts()));
    root.put("unit", values.unit());
    root.put(
        "values",
        cells(
            values.trueNegative(),
            values.falsePositive(),
            values.falseNegative(),
            values.truePositive()));
    Map<String, Object> byName = new LinkedHashMap<>();
    for (ScoredSplit split : splits) {
      byName.put(split.name(), ofSplit(split));
    }
    root.put("splits", byName);
    root.put("warnings", ReportWarnings.all(context, splits));
    return root;
  }

  /** One split's figures (see the class comment for nulls and thinning). */
  public static Map<String, Object> ofSplit(ScoredSplit split) {
    Map<String, Object> json = ofEvaluation(split.evaluation());
    json.put("precision_recall", precisionRecall(split.precisionRecall()));
    split.costRatios().ifPresent(curve -> json.put("cost_ratio_curve", costRatios(curve)));
    json.put("reliability", reliability(split.reliability()));
    split
        .reliabilityBeforeCalibration()
        .ifPresent(before -> json.put("reliability_before_calibration", reliability(before)));
    return json;
  }

  private static Map<String, Object> precisionRecall(PrecisionRecallCurve curve) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("average_precision", number(curve.averagePrecision()));
    json.put("prevalence", number(curve.prevalence()));
    List<Map<String, Object>> points = new ArrayList<>();
    for (PrecisionRecallPoint p : thin(curve.points(), MAX_CURVE_POINTS)) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("threshold", number(p.threshold()));
      point.put("precision", number(p.precision()));
      point.put("recall", number(p.recall()));
      points.add(point);
    }
    json.put("points", points);
    return json;
  }

  private static Map<String, Object> costRatios(CostRatioCurve curve) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("own_ratio", number(curve.ownRatio()));
    json.put("fixed_threshold", number(curve.fixedThreshold()));
    List<Map<String, Object>> points = new ArrayList<>();
    for (CostRatioPoint p : curve.points()) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("ratio", number(p.ratio()));
      point.put("cost_optimal_threshold", number(p.costOptimalThreshold()));
      point.put("per_case_at_cost_optimal", number(p.atCostOptimal()));
      point.put("per_case_at_fixed", number(p.atFixed()));
      point.put("per_case_best", number(p.best()));
      point.put("best_threshold", number(p.bestThreshold()));
      points.add(point);
    }
    json.put("points", points);
    return json;
  }

  private static Map<String, Object> reliability(Reliability r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("brier", number(r.brierScore()));
    json.put("expected_calibration_error", number(r.expectedCalibrationError()));
    json.put("maximum_calibration_error", number(r.maximumCalibrationError()));
    List<Map<String, Object>> bins = new ArrayList<>();
    for (Reliability.Bin bin : r.bins()) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("lower", number(bin.lower()));
      b.put("upper", number(bin.upper()));
      b.put("count", bin.count());
      b.put("mean_probability", number(bin.meanScore()));
      b.put("fraction_positive", number(bin.fractionPositive()));
      bins.add(b);
    }
    json.put("bins", bins);
    return json;
  }

  /** The figures of one evaluation, in the shape of {@link #ofSplit}. */
  public static Map<String, Object> ofEvaluation(Evaluation e) {
    ConfusionMatrix m = e.matrix();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cases", m.total());
    json.put("threshold", number(e.threshold()));
    json.put("decisions", e.perCaseDecisions() ? "per_case_minimum_risk" : "threshold");
    json.put("confusion_matrix", cells(m.tn(), m.fp(), m.fn(), m.tp()));
    json.put("accuracy", number(m.accuracy()));
    json.put("classification_report", report(e.report()));
    json.put("auc", number(e.roc().auc()));
    json.put("log_loss", number(e.probabilityScores().logLoss()));
    json.put("brier", number(e.probabilityScores().brierScore()));
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("per_case", number(e.expectedValuePerCase()));
    value.put("total", e.expectedValueTotal());
    json.put("expected_value", value);
    CostSummary summary = e.costs();
    Map<String, Object> costs = new LinkedHashMap<>();
    costs.put("per_row", e.perCaseCosts());
    costs.put("total", number(summary.total()));
    costs.put("per_case", number(summary.perCase()));
    costs.put("flag_nobody", number(summary.flagNobody()));
    costs.put("flag_everyone", number(summary.flagEveryone()));
    costs.put("perfect", number(summary.perfect()));
    costs.put("savings", number(summary.savings()));
    costs.put("trivial_policy_wins", summary.trivialPolicyWins());
    json.put("costs", costs);
    Baselines baselines = Baselines.of(e);
    Map<String, Object> baseline = new LinkedHashMap<>();
    baseline.put("perfect_per_case", number(baselines.perfect()));
    baseline.put("flag_all_per_case", number(baselines.flagAll()));
    baseline.put("flag_none_per_case", number(baselines.flagNone()));
    json.put("baselines", baseline);
    CloseCalls close = e.closeCalls();
    Map<String, Object> closeCalls = new LinkedHashMap<>();
    closeCalls.put("width", number(close.width()));
    closeCalls.putAll(cells(close.tn(), close.fp(), close.fn(), close.tp()));
    json.put("close_calls", closeCalls);

    List<RocPoint> roc = thin(e.roc().points(), MAX_CURVE_POINTS);
    List<Map<String, Object>> rocJson = new ArrayList<>(roc.size());
    for (RocPoint p : roc) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("fpr", number(p.fpr()));
      point.put("tpr", number(p.tpr()));
      point.put("threshold", number(p.threshold()));
      rocJson.add(point);
    }
    json.put("roc", rocJson);
    List<ExpectedValuePoint> curve = thin(e.expectedValueCurve().points(), MAX_CURVE_POINTS);
    List<Map<String, Object>> curveJson = new ArrayList<>(curve.size());
    for (ExpectedValuePoint p : curve) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("threshold", number(p.threshold()));
      point.put("per_case", number(p.expectedValuePerCase()));
      point.putAll(cells(p.tn(), p.fp(), p.fn(), p.tp()));
      curveJson.add(point);
    }
    json.put("expected_value_curve", curveJson);
    ExpectedValuePoint peak = e.expectedValueCurve().peak();
    Map<String, Object> peakJson = new LinkedHashMap<>();
    peakJson.put("threshold", number(peak.threshold()));
    peakJson.put("per_case", number(peak.expectedValuePerCase()));
    peakJson.putAll(cells(peak.tn(), peak.fp(), peak.fn(), peak.tp()));
    json.put("expected_value_peak", peakJson);
    json.put("cost_optimal_threshold", costOptimal(e).map(EvaluationJson::number).orElse(null));
    json.put(
        "curve_points_thinned",
        roc.size() < e.roc().points().size()
            || curve.size() < e.expectedValueCurve().points().size());
    return json;
  }

  /** Pretty-prints {@code document} to {@code file}, BigDecimals as plain numbers. */
  public static void write(Path file, Map<String, Object> document) throws IOException {
    WRITER.writeValue(file.toFile(), document);
  }

  /** The writer {@link #write} uses: pretty-printed, BigDecimals without exponent. */
  public static ObjectWriter writer() {
    return WRITER;
  }

  /**
   * At most {@code max} of the points: all of them if they fit, else those at indices {@code
   * round(k · (n − 1) / (max − 1))} for k = 0 … max − 1, which are distinct, evenly spaced, and
   * include the first and the last.
   */
  static <T> List<T> thin(List<T> points, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("max must be >= 2, got " + max);
    }
    int n = points.size();
    if (n <= max) {
      return points;
    }
    List<T> kept = new ArrayList<>(max);
    for (int k = 0; k < max; k++) {
      kept.add(points.get((int) Math.round((double) k * (n - 1) / (max - 1))));
    }
    return kept;
  }

  private static Map<String, Object> report(ClassificationReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("0", row(report.negative()));
    json.put("1", row(report.positive()));
    json.put("macro_avg", row(report.macroAverage()));
    json.put("weighted_avg", row(report.weightedAverage()));
    return json;
  }

  private static Map<String, Object> row(ClassMetrics metrics) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("precision", number(metrics.precision()));
    json.put("recall", number(metrics.recall()));
    json.put("f1", number(metrics.f1()));
    json.put("support", metrics.support());
    return json;
  }

  private static Map<String, Object> cells(Object tn, Object fp, Object fn, Object tp) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tn", tn);
    json.put("fp", fp);
    json.put("fn", fn);
    json.put("tp", tp);
    return json;
  }

  /**
   * Elkan's threshold of the evaluation's fixed values; empty when they are degenerate (one
   * decision is always best, so there is no threshold to mark).
   */
  static Optional<Double> costOptimal(Evaluation e) {
    try {
      return Optional.of(e.values().costOptimalThreshold());
    } catch (InvalidInputException degenerate) {
      return Optional.empty();
    }
  }

  /** The value, or null where JSON has no number for it. */
  static Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }
}

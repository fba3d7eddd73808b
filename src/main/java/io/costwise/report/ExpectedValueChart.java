package io.costwise.report;

import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.ExpectedValuePoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Expected value per case against the decision threshold: what each cut-off would have been worth
 * on a split, one curve per split or model, each curve's own threshold marked with a dot and a
 * labelled dashed line, and its value in the legend.
 *
 * <p>The curve is a step function ({@link io.costwise.evaluation.ExpectedValueCurve}): the value at
 * threshold t is that of the first candidate at or above t, because a case is positive when {@code
 * score >= t}; the steps are drawn so.
 *
 * <p>The value axis is cut below the region where decisions differ. Near threshold 1 every curve
 * falls to the value of flagging nothing, which for costly misses is several times lower than
 * anything else (−$96,923 against −$13,000 to −$20,000 per case in the reference), and an axis
 * spanning it would squash the differences that matter into a sliver. The axis therefore reaches
 * 1.5 times the spread of the interesting values (the best value of any curve, each curve's value
 * at its threshold, and flagging everything) below the lowest of them, and the subtitle says where
 * it is cut and how low the curves go.
 */
final class ExpectedValueChart {
  private ExpectedValueChart() {}

  /**
   * The chart; each split's name begins its legend entry.
   *
   * @param unit the money unit, for the axis label, e.g. "USD"
   */
  static JFreeChart create(String title, List<ScoredSplit> curves, String unit) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    List<Charts.Dot> dots = new ArrayList<>();
    Set<Double> marked = new LinkedHashSet<>();
    double best = Double.NEGATIVE_INFINITY;
    double interesting = Double.POSITIVE_INFINITY;
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < curves.size(); i++) {
      Evaluation e = curves.get(i).evaluation();
      XYSeries series = new XYSeries(legend(curves.get(i), unit), false, true);
      for (ExpectedValuePoint point : e.expectedValueCurve().points()) {
        if (point.threshold() <= 1) {
          best = Math.max(best, point.expectedValuePerCase());
          lowest = Math.min(lowest, point.expectedValuePerCase());
        }
      }
      // The axis range above comes from every point; the line is drawn through at most
      // MAX_POINTS of them, which a chart this wide cannot tell apart from all.
      for (ExpectedValuePoint point :
          EvaluationJson.thin(e.expectedValueCurve().points(), Charts.MAX_POINTS)) {
        if (point.threshold() <= 1) {
          series.add(point.threshold(), point.expectedValuePerCase());
        }
      }
      dataset.addSeries(series);
      double flagAll = e.expectedValueCurve().points().get(0).expectedValuePerCase();
      interesting = Math.min(interesting, Math.min(flagAll, e.expectedValuePerCase()));
      double t = Math.min(e.threshold(), 1.0);
      dots.add(new Charts.Dot(t, e.expectedValuePerCase(), Charts.seriesColour(i)));
      marked.add(t);
    }

    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setStepPoint(0.0); // vertical first: the value just left of t_j is the value at t_j
    NumberAxis thresholds = new NumberAxis("Decision threshold (predict positive when score ≥ it)");
    thresholds.setRange(0, 1);
    thresholds.setTickUnit(new NumberTickUnit(0.1));
    NumberAxis values = new NumberAxis("Expected value per case (" + unit + ")");
    values.setAutoRangeIncludesZero(false);
    values.setNumberFormatOverride(Formats.axisAmounts());
    String subtitle = "Dots: the value at each curve's decision threshold";
    double spread = Math.max(best - interesting, Math.max(1e-9, 0.02 * Math.abs(best)));
    double cut = interesting - 1.5 * spread;
    if (cut > lowest) {
      values.setRange(cut, best + 0.08 * spread);
      subtitle +=
          ". Axis cut at "
              + Formats.roundMoney(cut, unit)
              + "; the curves fall to "
              + Formats.roundMoney(lowest, unit)
              + " (flag nothing) near threshold 1";
    }
    XYPlot plot = new XYPlot(dataset, thresholds, values, renderer);
    JFreeChart chart = Charts.chart(title, plot, true, subtitle);
    for (int i = 0; i < curves.size(); i++) {
      renderer.setSeriesPaint(i, Charts.seriesColour(i));
      renderer.setSeriesStroke(i, Charts.LINE);
    }
    Charts.addDots(plot, dots);
    for (double t : marked) {
      plot.addDomainMarker(
          Charts.thresholdMarker(t, "threshold " + Formats.threshold(t), 0, 1, false));
    }
    return chart;
  }

  private static String legend(ScoredSplit split, String unit) {
    Evaluation e = split.evaluation();
    return split.name()
        + ": "
        + Formats.money(e.expectedValuePerCase(2), unit)
        + " per case at threshold "
        + Formats.threshold(e.threshold());
  }
}

package io.costwise.report;

import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.ExpectedValuePoint;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
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
 *
 * <p>What matters is marked: each curve's peak (a diamond of its colour; the legend gives its value
 * and threshold) and the cost-optimal threshold of the outcome values (a grey dotted line), beside
 * each curve's own threshold. A second version of the chart puts the thresholds on a log-odds axis
 * ({@link LogOddsAxis}), which spreads out the region near 0 where a costly miss puts the optimum;
 * thresholds beyond its ends are drawn at the ends.
 */
final class ExpectedValueChart {
  /** Where the log-odds axis stops at the latest: 1 in 10,000 from either end. */
  private static final double LOG_ODDS_EDGE = 1e-4;

  private static final BasicStroke DOTTED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f);

  private ExpectedValueChart() {}

  /**
   * The chart on a linear threshold axis; each split's name begins its legend entry.
   *
   * @param unit the money unit, for the axis label, e.g. "USD"
   */
  static JFreeChart create(String title, List<ScoredSplit> curves, String unit) {
    return create(title, curves, unit, false);
  }

  /** The same chart with the thresholds on a log-odds axis. */
  static JFreeChart createLogOdds(String title, List<ScoredSplit> curves, String unit) {
    return create(title, curves, unit, true);
  }

  private static JFreeChart create(
      String title, List<ScoredSplit> curves, String unit, boolean logOdds) {
    Optional<Double> costOptimal =
        EvaluationJson.costOptimal(curves.get(0).evaluation())
            .filter(t -> !curves.get(0).evaluation().perCaseCosts());
    double[] edges = logOdds ? logOddsEdges(curves, costOptimal) : new double[] {0, 1};
    XYSeriesCollection dataset = new XYSeriesCollection();
    List<Charts.Dot> dots = new ArrayList<>();
    List<Charts.Dot> peaks = new ArrayList<>();
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
          series.add(x(point.threshold(), edges, logOdds), point.expectedValuePerCase());
        }
      }
      dataset.addSeries(series);
      double flagAll = e.expectedValueCurve().points().get(0).expectedValuePerCase();
      interesting = Math.min(interesting, Math.min(flagAll, e.expectedValuePerCase()));
      double t = Math.min(e.threshold(), 1.0);
      dots.add(
          new Charts.Dot(x(t, edges, logOdds), e.expectedValuePerCase(), Charts.seriesColour(i)));
      ExpectedValuePoint peak = e.expectedValueCurve().peak();
      peaks.add(
          new Charts.Dot(
              x(Math.min(peak.threshold(), 1.0), edges, logOdds),
              peak.expectedValuePerCase(),
              Charts.seriesColour(i)));
      marked.add(t);
    }

    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setStepPoint(0.0); // vertical first: the value just left of t_j is the value at t_j
    String label = "Decision threshold (predict positive when score ≥ it)";
    NumberAxis thresholds;
    if (logOdds) {
      thresholds = new LogOddsAxis(label + ", log-odds scale", edges[0], edges[1]);
    } else {
      thresholds = new NumberAxis(label);
      thresholds.setRange(0, 1);
      thresholds.setTickUnit(new NumberTickUnit(0.1));
    }
    NumberAxis values = new NumberAxis("Expected value per case (" + unit + ")");
    values.setAutoRangeIncludesZero(false);
    values.setNumberFormatOverride(Formats.axisAmounts());
    String subtitle =
        "Dots: each curve's value at its threshold; diamonds: each curve's peak"
            + (costOptimal.isPresent() ? "; dotted: the cost-optimal threshold" : "");
    double spread = Math.max(best - interesting, Math.max(1e-9, 0.02 * Math.abs(best)));
    double cut = interesting - 1.5 * spread;
    if (cut > lowest) {
      values.setRange(cut, best + 0.08 * spread);
      subtitle +=
          ".\nAxis cut at "
              + Formats.roundMoney(cut, unit)
              + "; the curves fall to "
              + Formats.roundMoney(lowest, unit)
              + " (flag nothing) near threshold 1";
    }
    if (logOdds) {
      subtitle +=
          (cut > lowest ? "; " : ".\n")
              + "thresholds beyond "
              + Formats.threshold(edges[0])
              + "–"
              + Formats.threshold(edges[1])
              + " at the edges";
    }
    XYPlot plot = new XYPlot(dataset, thresholds, values, renderer);
    JFreeChart chart = Charts.chart(title, plot, true, subtitle);
    for (int i = 0; i < curves.size(); i++) {
      renderer.setSeriesPaint(i, Charts.seriesColour(i));
      renderer.setSeriesStroke(i, Charts.LINE);
    }
    Charts.addDots(plot, dots);
    addPeaks(plot, peaks);
    double lower = logOdds ? LogOddsAxis.logit(edges[0]) : 0;
    double upper = logOdds ? LogOddsAxis.logit(edges[1]) : 1;
    for (double t : marked) {
      boolean isCostOptimal = costOptimal.isPresent() && costOptimal.get() == t;
      plot.addDomainMarker(
          Charts.thresholdMarker(
              x(t, edges, logOdds),
              "threshold " + Formats.threshold(t) + (isCostOptimal ? " (cost-optimal)" : ""),
              lower,
              upper,
              false));
    }
    // Labelled at the bottom like the thresholds: the top is where the peaks are.
    if (costOptimal.isPresent() && !marked.contains(costOptimal.get())) {
      double t = costOptimal.get();
      ValueMarker marker =
          Charts.thresholdMarker(
              x(t, edges, logOdds), "cost-optimal " + Formats.threshold(t), lower, upper, false);
      marker.setPaint(Charts.GREY);
      marker.setStroke(DOTTED);
      plot.addDomainMarker(marker);
    }
    return chart;
  }

  /** The x coordinate of a threshold: itself, or its log odds clamped to the axis. */
  private static double x(double threshold, double[] edges, boolean logOdds) {
    if (!logOdds) {
      return threshold;
    }
    return LogOddsAxis.logit(Math.max(edges[0], Math.min(edges[1], threshold)));
  }

  /**
   * The log-odds axis's ends: 1e-4 and 1 − 1e-4, widened tenfold at a time (down to 1e-6) until
   * every threshold a reader must see — each curve's own, its peak, the cost-optimal one — lies
   * inside with room for its marker.
   */
  private static double[] logOddsEdges(List<ScoredSplit> curves, Optional<Double> costOptimal) {
    List<Double> wanted = new ArrayList<>();
    costOptimal.ifPresent(wanted::add);
    for (ScoredSplit split : curves) {
      wanted.add(split.evaluation().threshold());
      wanted.add(split.evaluation().expectedValueCurve().peak().threshold());
    }
    double low = LOG_ODDS_EDGE;
    double high = 1 - LOG_ODDS_EDGE;
    for (double t : wanted) {
      while (t > 0 && t < 2 * low && low > 1e-6) {
        low /= 10;
      }
      while (t < 1 && 1 - t < 2 * (1 - high) && 1 - high > 1e-6) {
        high = 1 - (1 - high) / 10;
      }
    }
    return new double[] {low, high};
  }

  /** Hollow diamonds in each curve's colour, out of the legend. */
  private static void addPeaks(XYPlot plot, List<Charts.Dot> peaks) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    java.awt.geom.Path2D.Double diamond = new java.awt.geom.Path2D.Double();
    diamond.moveTo(0, -9);
    diamond.lineTo(9, 0);
    diamond.lineTo(0, 9);
    diamond.lineTo(-9, 0);
    diamond.closePath();
    for (int i = 0; i < peaks.size(); i++) {
      XYSeries series = new XYSeries("peak " + i, false, true);
      series.add(peaks.get(i).x(), peaks.get(i).y());
      dataset.addSeries(series);
      renderer.setSeriesPaint(i, peaks.get(i).colour());
      renderer.setSeriesShape(i, diamond);
      renderer.setSeriesShapesFilled(i, false);
      renderer.setSeriesOutlineStroke(i, new BasicStroke(2.5f));
      renderer.setSeriesVisibleInLegend(i, false);
    }
    renderer.setUseOutlinePaint(false);
    renderer.setDrawOutlines(true);
    int index = plot.getDatasetCount();
    plot.setDataset(index, dataset);
    plot.setRenderer(index, renderer);
  }

  private static String legend(ScoredSplit split, String unit) {
    Evaluation e = split.evaluation();
    ExpectedValuePoint peak = e.expectedValueCurve().peak();
    return split.name()
        + ": "
        + Formats.money(e.expectedValuePerCase(2), unit)
        + " at threshold "
        + Formats.threshold(e.threshold())
        + "; peak "
        + Formats.roundMoney(peak.expectedValuePerCase(), unit)
        + " at "
        + Formats.threshold(Math.min(peak.threshold(), 1.0));
  }
}

package io.costwise.report;

import io.costwise.evaluation.CostRatioCurve;
import io.costwise.evaluation.CostRatioPoint;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One model's scores if a miss cost more or less than the outcome values say ({@link
 * CostRatioCurve}), in two panels over the same log-scale ratio axis:
 *
 * <ul>
 *   <li>above, expected value per case deciding at each ratio's cost-optimal threshold, at the
 *       model's fixed threshold, and at the best threshold in hindsight;
 *   <li>below, how far each rule falls short of that best, per case.
 * </ul>
 *
 * <p>Why two panels: the value itself falls steeply as misses get dearer, so on one axis the
 * difference between deciding well and badly — the point of the chart — is a sliver; the shortfall
 * panel shows it at its own scale. A dashed line marks the ratio of the actual outcome values.
 */
final class CostRatioChart {
  private CostRatioChart() {}

  static JFreeChart create(String title, String model, CostRatioCurve curve, String unit) {
    String fixed = "at the fixed threshold " + Formats.threshold(curve.fixedThreshold());
    XYSeries optimal = new XYSeries("at each ratio's cost-optimal threshold", false, true);
    XYSeries atFixed = new XYSeries(fixed, false, true);
    XYSeries best = new XYSeries("at the best threshold in hindsight", false, true);
    XYSeries optimalShort = new XYSeries("cost-optimal short of best", false, true);
    XYSeries fixedShort = new XYSeries("fixed short of best", false, true);
    for (CostRatioPoint p : curve.points()) {
      optimal.add(p.ratio(), p.atCostOptimal());
      atFixed.add(p.ratio(), p.atFixed());
      best.add(p.ratio(), p.best());
      optimalShort.add(p.ratio(), p.best() - p.atCostOptimal());
      fixedShort.add(p.ratio(), p.best() - p.atFixed());
    }
    LogarithmicAxis ratios =
        new LogarithmicAxis(
            "Cost ratio: what a miss costs over a catch, per false alarm (log scale)");
    ratios.setStrictValuesFlag(false);
    ratios.setAllowNegativesFlag(false);
    double first = curve.points().get(0).ratio();
    double last = curve.points().get(curve.points().size() - 1).ratio();
    ratios.setRange(first / 1.2, last * 1.2);

    XYSeriesCollection values = new XYSeriesCollection();
    values.addSeries(optimal);
    values.addSeries(atFixed);
    values.addSeries(best);
    NumberAxis valueAxis = new NumberAxis("Expected value per case (" + unit + ")");
    valueAxis.setAutoRangeIncludesZero(false);
    valueAxis.setNumberFormatOverride(Formats.axisAmounts());
    XYLineAndShapeRenderer valueLines = renderer(3);
    XYPlot top = new XYPlot(values, null, valueAxis, valueLines);

    XYSeriesCollection shortfalls = new XYSeriesCollection();
    shortfalls.addSeries(optimalShort);
    shortfalls.addSeries(fixedShort);
    NumberAxis shortAxis = new NumberAxis("Short of best (" + unit + ")");
    shortAxis.setNumberFormatOverride(Formats.axisAmounts());
    XYLineAndShapeRenderer shortLines = renderer(2);
    shortLines.setSeriesVisibleInLegend(0, false);
    shortLines.setSeriesVisibleInLegend(1, false);
    XYPlot bottom = new XYPlot(shortfalls, null, shortAxis, shortLines);

    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ratios);
    plot.setGap(12);
    plot.add(top, 3);
    plot.add(bottom, 2);
    JFreeChart chart =
        Charts.chart(
            title,
            plot,
            true,
            model
                + ", the same scores re-decided at each ratio; dashed line: the outcome values'"
                + " own ratio, "
                + Formats.ratio(curve.ownRatio()));
    styleLines(valueLines, 3);
    styleLines(shortLines, 2);
    valueLines.setSeriesPaint(2, Charts.GREY);
    valueLines.setSeriesStroke(2, Charts.DASHED);
    for (XYPlot panel : new XYPlot[] {top, bottom}) {
      panel.addDomainMarker(
          Charts.thresholdMarker(
              curve.ownRatio(),
              panel == top ? "ratio " + Formats.ratio(curve.ownRatio()) : null,
              first,
              last,
              false));
    }
    return chart;
  }

  private static XYLineAndShapeRenderer renderer(int series) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series; i++) {
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    return renderer;
  }

  /** After the theme: blue for cost-optimal, vermillion for fixed. */
  private static void styleLines(XYLineAndShapeRenderer renderer, int series) {
    Color[] colours = {Charts.BLUE, Charts.VERMILLION};
    for (int i = 0; i < Math.min(series, 2); i++) {
      renderer.setSeriesPaint(i, colours[i]);
      renderer.setSeriesStroke(i, Charts.LINE);
    }
  }
}

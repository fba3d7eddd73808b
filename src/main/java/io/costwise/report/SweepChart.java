package io.costwise.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The {@code sweep} command's chart: mean expected value per case against the false-negative :
 * false-positive cost ratio used in training, on a log scale, with ±1 standard deviation error
 * bars, one series per threshold kind, and the best point ringed, with a legend entry that gives
 * its ratio, threshold kind, value and mean error counts. A best that the caller did not mark —
 * because it lies within one standard deviation of the next, a tie — gets no ring, and the chart
 * says so.
 *
 * <p>Points of different series at the same ratio are drawn slightly apart (±2 % of the ratio, a
 * small fraction of a log decade) so their error bars do not hide each other; the legend entry of
 * the best point gives its exact ratio.
 */
public final class SweepChart {
  private static final double DODGE = 0.02;

  private SweepChart() {}

  /**
   * Writes the chart as a PNG of 900 × 560 pixels, creating the parent folder.
   *
   * @param unit the unit of the expected values, e.g. "USD"
   * @throws IllegalArgumentException if there are no points
   */
  public static void write(Path png, List<SweepPoint> points, String unit) throws IOException {
    byte[] bytes = Charts.png(create(points, unit));
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(png, bytes);
  }

  static JFreeChart create(List<SweepPoint> points, String unit) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a sweep chart needs at least one point");
    }
    Map<String, YIntervalSeries> byKind = new LinkedHashMap<>();
    for (SweepPoint p : points) {
      byKind.computeIfAbsent(p.thresholdKind(), kind -> new YIntervalSeries(seriesName(kind)));
    }
    List<String> kinds = List.copyOf(byKind.keySet());
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setDefaultLinesVisible(true);
    renderer.setCapLength(8);
    renderer.setErrorStroke(new BasicStroke(1.4f));
    for (String kind : kinds) {
      dataset.addSeries(byKind.get(kind));
    }
    double minRatio = Double.POSITIVE_INFINITY;
    double maxRatio = 0;
    for (SweepPoint p : points) {
      double x = dodged(p, kinds);
      byKind
          .get(p.thresholdKind())
          .add(
              x,
              p.meanExpectedValue(),
              p.meanExpectedValue() - p.sdExpectedValue(),
              p.meanExpectedValue() + p.sdExpectedValue());
      minRatio = Math.min(minRatio, x);
      maxRatio = Math.max(maxRatio, x);
    }
    LogarithmicAxis ratios =
        new LogarithmicAxis("Training cost ratio, false negative : false positive (log scale)");
    ratios.setStrictValuesFlag(false);
    ratios.setRange(minRatio / 1.4, maxRatio * 1.4);
    NumberAxis values = new NumberAxis("Mean expected value per case (" + unit + "), ±1 sd");
    values.setAutoRangeIncludesZero(false);
    values.setNumberFormatOverride(Formats.axisAmounts());
    XYPlot plot = new XYPlot(dataset, ratios, values, renderer);
    JFreeChart chart =
        Charts.chart(
            "Expected value per case vs training cost ratio",
            plot,
            true,
            "Mean over cross-validation folds at each ratio; bars: ±1 standard deviation");
    for (int i = 0; i < kinds.size(); i++) {
      renderer.setSeriesPaint(i, Charts.seriesColour(i));
      renderer.setSeriesStroke(i, Charts.LINE);
      renderer.setSeriesShape(i, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
    }
    boolean ringed = false;
    for (SweepPoint p : points) {
      if (p.best()) {
        markBest(plot, p, dodged(p, kinds), unit);
        ringed = true;
        break; // one ring: if the caller marked several, the first is the one labelled
      }
    }
    if (!ringed && points.size() > 1) {
      TextTitle tie =
          new TextTitle(
              "No ring: no ratio's mean beats the next by more than one standard deviation (a"
                  + " tie)",
              Charts.SUBTITLE_FONT);
      tie.setPaint(Charts.GREY);
      chart.addSubtitle(tie);
    }
    return chart;
  }

  static String seriesName(String kind) {
    return kind.matches("[0-9.]+") ? "threshold " + kind : kind + " threshold";
  }

  private static double dodged(SweepPoint p, List<String> kinds) {
    if (kinds.size() == 1) {
      return p.ratio();
    }
    double offset = kinds.indexOf(p.thresholdKind()) - (kinds.size() - 1) / 2.0;
    return p.ratio() * Math.pow(1 + DODGE, offset);
  }

  /** Rings the best point; the legend entry of the ring says what it is. */
  private static void markBest(XYPlot plot, SweepPoint p, double x, String unit) {
    String label =
        "best by more than 1 sd: ratio "
            + Formats.threshold(p.ratio())
            + ", "
            + seriesName(p.thresholdKind())
            + ", "
            + Formats.roundMoney(p.meanExpectedValue(), unit)
            + " per case (mean FN "
            + Formats.meanCount(p.meanFalseNegatives())
            + ", FP "
            + Formats.meanCount(p.meanFalsePositives())
            + ")";
    XYSeriesCollection ring = new XYSeriesCollection();
    XYSeries best = new XYSeries(label, false, true);
    best.add(x, p.meanExpectedValue());
    ring.addSeries(best);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-11, -11, 22, 22));
    renderer.setSeriesShapesFilled(0, false);
    renderer.setSeriesPaint(0, Color.BLACK);
    renderer.setSeriesOutlineStroke(0, new BasicStroke(2.5f));
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    plot.setDataset(1, ring);
    plot.setRenderer(1, renderer);
  }
}

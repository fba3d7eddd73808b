package io.costwise.report;

import io.costwise.evaluation.Reliability;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The reliability diagram: for each bin of scores, the fraction of actual positives against the
 * mean score, before calibration and, when given, after it, with the diagonal where the two are
 * equal. A curve below the diagonal means the scores claim more than happens (overconfident for the
 * positive class); above it, less.
 *
 * <p>A point is drawn at the bin's mean score rather than its centre, so a well-calibrated bin lies
 * on the diagonal wherever its scores fall within the bin. Empty bins have no point, and the line
 * joins the bins on either side.
 */
final class ReliabilityChart {
  private ReliabilityChart() {}

  /**
   * The chart.
   *
   * @param before the reliability of the network's own scores
   * @param after the reliability of the calibrated scores on the same cases, if calibrated
   */
  static JFreeChart create(String title, Reliability before, Optional<Reliability> after) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(series("before calibration", before));
    after.ifPresent(reliability -> dataset.addSeries(series("after calibration", reliability)));
    XYSeries diagonal = new XYSeries("perfectly calibrated", false, true);
    diagonal.add(0, 0);
    diagonal.add(1, 1);
    dataset.addSeries(diagonal);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    XYPlot plot =
        new XYPlot(
            dataset,
            axis("Mean predicted score in the bin (0 to 1)"),
            axis("Fraction of actual positives in the bin (0 to 1)"),
            renderer);
    String subtitle =
        figures("Before", before)
            + after.map(reliability -> "; " + figures("after", reliability)).orElse("")
            + ". "
            + Reliability.BINS
            + " bins of equal width, "
            + Formats.count(before.cases())
            + " cases";
    JFreeChart chart = Charts.chart(title, plot, true, subtitle);
    // After the theme, which resets series paints and strokes.
    int curves = dataset.getSeriesCount() - 1;
    for (int i = 0; i < curves; i++) {
      renderer.setSeriesPaint(i, Charts.seriesColour(i));
      renderer.setSeriesStroke(i, Charts.LINE);
      renderer.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
    }
    renderer.setSeriesPaint(curves, Color.GRAY);
    renderer.setSeriesStroke(curves, Charts.DASHED);
    renderer.setSeriesShapesVisible(curves, false);
    return chart;
  }

  private static XYSeries series(String name, Reliability reliability) {
    XYSeries series = new XYSeries(name, false, true);
    for (Reliability.Bin bin : reliability.bins()) {
      if (bin.count() > 0) {
        series.add(bin.meanScore(), bin.fractionPositive());
      }
    }
    return series;
  }

  /** "Before: Brier 0.0412, ECE 0.0213". */
  private static String figures(String label, Reliability reliability) {
    return label
        + ": Brier "
        + Formats.decimal(reliability.brierScore(), 4)
        + ", ECE "
        + Formats.decimal(reliability.expectedCalibrationError(), 4);
  }

  private static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(-0.01, 1.01);
    axis.setTickUnit(new NumberTickUnit(0.1));
    return axis;
  }
}

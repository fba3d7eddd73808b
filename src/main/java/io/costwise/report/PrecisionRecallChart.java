package io.costwise.report;

import io.costwise.evaluation.ClassMetrics;
import io.costwise.evaluation.PrecisionRecallCurve;
import io.costwise.evaluation.PrecisionRecallPoint;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Precision against recall of the positive class, one curve per split or model, average precision
 * in the legend, a dot at each curve's threshold, and the precision of flagging everyone (the share
 * of positives) as a dashed baseline: a curve near it finds positives no better than chance.
 *
 * <p>Drawn as steps, as scikit-learn's {@code PrecisionRecallDisplay} draws it: between two
 * thresholds recall jumps and precision holds, and a straight line between points would suggest
 * precisions no threshold gives.
 */
final class PrecisionRecallChart {
  private PrecisionRecallChart() {}

  static JFreeChart create(String title, List<ScoredSplit> curves) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    List<Charts.Dot> dots = new ArrayList<>();
    double prevalence = Double.NaN;
    for (int i = 0; i < curves.size(); i++) {
      ScoredSplit split = curves.get(i);
      PrecisionRecallCurve curve = split.precisionRecall();
      prevalence = curve.prevalence();
      XYSeries series = new XYSeries(legend(split.name(), curve), false, true);
      for (PrecisionRecallPoint p : EvaluationJson.thin(curve.points(), Charts.MAX_POINTS)) {
        if (Double.isFinite(p.recall())) {
          series.add(p.recall(), p.precision());
        }
      }
      dataset.addSeries(series);
      ClassMetrics positive = split.evaluation().report().positive();
      if (Double.isFinite(positive.precision()) && Double.isFinite(positive.recall())) {
        dots.add(new Charts.Dot(positive.recall(), positive.precision(), Charts.seriesColour(i)));
      }
    }
    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setStepPoint(0.0); // recall moves first, then precision: the value at the new point
    NumberAxis recall = axis("Recall (share of actual positives caught)");
    NumberAxis precision = axis("Precision (share of flagged cases that are positive)");
    XYPlot plot = new XYPlot(dataset, recall, precision, renderer);
    JFreeChart chart =
        Charts.chart(
            title,
            plot,
            true,
            "Dots: each curve at its threshold; dashed: flag everyone (precision = share of"
                + " positives)");
    for (int i = 0; i < curves.size(); i++) {
      renderer.setSeriesPaint(i, Charts.seriesColour(i));
      renderer.setSeriesStroke(i, Charts.LINE);
    }
    Charts.addDots(plot, dots);
    if (Double.isFinite(prevalence)) {
      ValueMarker baseline = new ValueMarker(prevalence, Charts.GREY, Charts.DASHED);
      baseline.setLabel("flag everyone: " + Formats.decimal(prevalence, 3));
      baseline.setLabelFont(Charts.MARKER_FONT);
      baseline.setLabelPaint(Charts.GREY);
      baseline.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 220));
      baseline.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
      baseline.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addRangeMarker(baseline);
    }
    return chart;
  }

  private static String legend(String name, PrecisionRecallCurve curve) {
    double ap = curve.averagePrecision();
    return name
        + " (average precision "
        + (Double.isNaN(ap) ? Formats.NOT_DEFINED : Formats.decimal(ap, 3))
        + ")";
  }

  private static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(-0.01, 1.02);
    axis.setTickUnit(new NumberTickUnit(0.1));
    return axis;
  }
}

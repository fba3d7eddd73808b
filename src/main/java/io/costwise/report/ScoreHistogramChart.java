package io.costwise.report;

import java.awt.Color;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * The reference's "custom confusion matrix": for each actual class a histogram of the predicted
 * scores, correctly classified cases in blue stacked under wrongly classified ones in vermillion,
 * with the decision threshold as a labelled dashed line.
 *
 * <p>The two panels share the score axis (so the threshold lines up) but not the count axis: the
 * classes are often of very different sizes, and a shared scale would flatten the smaller one.
 */
final class ScoreHistogramChart {
  static final Color CORRECT = Charts.BLUE;
  static final Color WRONG = Charts.VERMILLION;

  private ScoreHistogramChart() {}

  /**
   * The chart for one split.
   *
   * @param title names the model and the split
   */
  static JFreeChart create(String title, ScoredSplit split, double binWidth) {
    double threshold = split.evaluation().threshold();
    ScoreHistogram histogram =
        ScoreHistogram.of(split.scores(), split.labels(), threshold, binWidth);
    NumberAxis scoreAxis =
        new NumberAxis("Predicted score: probability of the positive class (0 to 1)");
    scoreAxis.setRange(0, 1);
    scoreAxis.setTickUnit(new NumberTickUnit(binWidth >= 0.05 ? 0.1 : 0.05));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(scoreAxis);
    plot.setGap(14);
    long tn = ScoreHistogram.sum(histogram.negativeCorrect);
    long fp = ScoreHistogram.sum(histogram.negativeWrong);
    long tp = ScoreHistogram.sum(histogram.positiveCorrect);
    long fn = ScoreHistogram.sum(histogram.positiveWrong);
    String markerLabel = "threshold " + Formats.threshold(threshold);
    plot.add(
        panel(
            "Actual negative (0): cases",
            histogram,
            histogram.negativeCorrect,
            histogram.negativeWrong,
            markerLabel + " (" + Formats.count(tn) + " TN, " + Formats.count(fp) + " FP)"),
        1);
    plot.add(
        panel(
            "Actual positive (1): cases",
            histogram,
            histogram.positiveCorrect,
            histogram.positiveWrong,
            markerLabel + " (" + Formats.count(fn) + " FN, " + Formats.count(tp) + " TP)"),
        1);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(legendItem("Correctly classified (TN top, TP bottom)", CORRECT));
    legend.add(legendItem("Misclassified (FP top, FN bottom)", WRONG));
    plot.setFixedLegendItems(legend);
    String subtitle =
        "Predict positive when score ≥ "
            + Formats.threshold(threshold)
            + "; bins of "
            + Formats.threshold(binWidth)
            + "; "
            + Formats.count(split.scores().length)
            + " cases";
    JFreeChart chart = Charts.chart(title, plot, true, subtitle);
    // After the theme, which resets series paints.
    for (XYPlot panel : plot.getSubplots()) {
      StackedXYBarRenderer renderer = (StackedXYBarRenderer) panel.getRenderer();
      renderer.setSeriesPaint(0, CORRECT);
      renderer.setSeriesPaint(1, WRONG);
      renderer.setDrawBarOutline(false);
    }
    return chart;
  }

  private static XYPlot panel(
      String axisLabel, ScoreHistogram histogram, long[] correct, long[] wrong, String marker) {
    XYSeries correctSeries = new XYSeries("correct", false, false);
    XYSeries wrongSeries = new XYSeries("wrong", false, false);
    for (int k = 0; k < histogram.bins(); k++) {
      correctSeries.add(histogram.centre(k), correct[k]);
      wrongSeries.add(histogram.centre(k), wrong[k]);
    }
    DefaultTableXYDataset dataset = new DefaultTableXYDataset();
    dataset.addSeries(correctSeries);
    dataset.addSeries(wrongSeries);
    dataset.setIntervalWidth(histogram.binWidth); // its automatic width is 1.0, not the bin's

    StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.04);

    NumberAxis counts = new NumberAxis(axisLabel);
    counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    counts.setUpperMargin(0.25); // room for the threshold label above the tallest bar
    XYPlot panel = new XYPlot(dataset, null, counts, renderer);
    panel.addDomainMarker(Charts.thresholdMarker(histogram.threshold, marker, 0, 1, true));
    return panel;
  }

  private static LegendItem legendItem(String label, Color colour) {
    LegendItem item = new LegendItem(label, colour);
    item.setShape(new Rectangle(0, 0, 14, 14));
    return item;
  }
}

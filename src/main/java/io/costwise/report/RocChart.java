package io.costwise.report;

import io.costwise.evaluation.ConfusionMatrix;
import io.costwise.evaluation.RocPoint;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * ROC curves, one per split or model, with the AUC in the legend, the chance diagonal, and a dot
 * where each curve's decision threshold operates (its false- and true-positive rates).
 */
final class RocChart {
  private RocChart() {}

  /** The chart; each split's name begins its legend entry. */
  static JFreeChart create(String title, List<ScoredSplit> curves) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    List<Charts.Dot> dots = new ArrayList<>();
    for (int i = 0; i < curves.size(); i++) {
      ScoredSplit split = curves.get(i);
      XYSeries series = new XYSeries(legend(split), false, true);
      for (RocPoint point :
          EvaluationJson.thin(split.evaluation().roc().points(), Charts.MAX_POINTS)) {
        if (Double.isFinite(point.fpr()) && Double.isFinite(point.tpr())) {
          series.add(point.fpr(), point.tpr());
        }
      }
      dataset.addSeries(series);
      ConfusionMatrix m = split.evaluation().matrix();
      if (m.negatives() > 0 && m.positives() > 0) {
        double fpr = (double) m.fp() / m.negatives();
        double tpr = (double) m.tp() / m.positives();
        dots.add(new Charts.Dot(fpr, tpr, Charts.seriesColour(i)));
      }
    }
    XYSeries chance = new XYSeries("chance (AUC 0.5)", false, true);
    chance.add(0, 0);
    chance.add(1, 1);
    dataset.addSeries(chance);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    XYPlot plot =
        new XYPlot(
            dataset,
            axis("False-positive rate (share of actual negatives flagged, 0 to 1)"),
            axis("True-positive rate (share of actual positives caught, 0 to 1)"),
            renderer);
    JFreeChart chart =
        Charts.chart(title, plot, true, "Dots: each curve's operating point at its threshold");
    for (int i = 0; i < curves.size(); i++) {
      renderer.setSeriesPaint(i, Charts.seriesColour(i));
      renderer.setSeriesStroke(i, Charts.LINE);
    }
    renderer.setSeriesPaint(curves.size(), Color.GRAY);
    renderer.setSeriesStroke(curves.size(), Charts.DASHED);
    Charts.addDots(plot, dots);
    return chart;
  }

  private static String legend(ScoredSplit split) {
    double auc = split.evaluation().roc().auc();
    return split.name()
        + " (AUC "
        + (Double.isNaN(auc) ? "not defined: one class only" : Formats.decimal(auc, 3))
        + ", threshold "
        + Formats.threshold(split.evaluation().threshold())
        + ")";
  }

  private static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(-0.01, 1.01);
    axis.setTickUnit(new NumberTickUnit(0.1));
    return axis;
  }
}

package io.costwise.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A threshold axis on the log-odds scale, log(t / (1 − t)), labelled in probabilities (0.001, 0.01,
 * 0.1, 0.5, 0.9, …).
 *
 * <p>Why: a cost-sensitive optimum sits near 0 or 1 (0.0059 for the reference's costs), where a
 * linear axis squeezes the whole interesting region into a few pixels. On log odds each factor of
 * ten near 0 (and near 1) gets the same width, and 0.5 sits in the middle.
 */
final class LogOddsAxis extends NumberAxis {
  private static final long serialVersionUID = 1L;

  private static final double[] TICKS = {
    1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999
  };

  LogOddsAxis(String label, double lowest, double highest) {
    super(label);
    setRange(logit(lowest), logit(highest));
  }

  /** log(p / (1 − p)); ±infinity at 0 and 1. */
  static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  @Override
  public List<? extends Tick> refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    List<Tick> ticks = new ArrayList<>();
    for (double p : TICKS) {
      double x = logit(p);
      if (getRange().contains(x)) {
        ticks.add(
            new NumberTick(x, Formats.threshold(p), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0));
      }
    }
    return ticks;
  }
}

package io.costwise.report;

import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import java.util.List;

/**
 * Pays the one-time cost of drawing a first chart (AWT and font start-up, JFreeChart's classes, the
 * PNG encoder: about half a second) on a background thread, while a job is busy with something
 * else, so that the report at its end is drawn at full speed.
 */
public final class ChartWarmup {
  private ChartWarmup() {}

  /** Starts the warm-up on a daemon thread; failures are ignored here and surface in the report. */
  public static Thread start() {
    Thread thread = new Thread(ChartWarmup::drawOnce, "costwise-chart-warmup");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void drawOnce() {
    try {
      double[] scores = {0.1, 0.4, 0.35, 0.8};
      int[] labels = {0, 0, 1, 1};
      Evaluation evaluation = Evaluation.of(scores, labels, 0.5, OutcomeValues.reference(), 0.05);
      ScoredSplit split = new ScoredSplit("warm-up", scores, labels, evaluation);
      Charts.png(RocChart.create("warm-up", List.of(split)));
      Charts.png(ScoreHistogramChart.create("warm-up", split, ScoreHistogram.DEFAULT_BIN_WIDTH));
    } catch (Exception | LinkageError | InternalError e) {
      // The real report reports any problem with the chart stack, with context.
    }
  }
}

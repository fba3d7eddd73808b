package io.costwise.experiment;

import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import io.costwise.data.StratifiedSplit;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.Ranking;
import io.costwise.report.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Answers "which relative cost should I train with?" with error bars: for each fn/fp ratio, train
 * the cost loss on k − 1 stratified folds, score the held-out fold, and report expected value per
 * case (mean ± sd over folds), false negatives and false positives, at threshold 0.5 and at the
 * cost-optimal threshold of the outcome values.
 */
public final class Sweep {
  static final String HALF = "0.5";
  static final String COST_OPTIMAL = "cost-optimal";

  private final SweepSettings settings;
  private final Consumer<String> progress;

  public Sweep(SweepSettings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Rows ratio by ratio, 0.5 before cost-optimal, the best of each kind marked; with each ratio's
   * out-of-fold scores.
   */
  public SweepResult run(Dataset data) {
    int[] foldOf = StratifiedSplit.foldOf(data.labels(), settings.folds(), settings.seed());
    double costOptimal = settings.values().costOptimalThreshold();
    List<SweepRow> rows = new ArrayList<>();
    List<SweepResult.OutOfFold> outOfFold = new ArrayList<>();
    double[] ratios = settings.ratios();
    for (int r = 0; r < ratios.length; r++) {
      long start = System.nanoTime();
      TrainingConfig config = config(ratios[r]);
      // Folds are independent models on separate data, so they train in parallel; each is
      // deterministic on its own, so the result does not depend on the scheduling.
      List<double[]> scores =
          IntStream.range(0, settings.folds())
              .parallel()
              .mapToObj(fold -> scoreFold(config, data, foldOf, fold))
              .toList();
      List<Evaluation> atHalf = new ArrayList<>();
      List<Evaluation> atOptimal = new ArrayList<>();
      double[] pooled = new double[data.rows()];
      for (int fold = 0; fold < settings.folds(); fold++) {
        int[] inFold = StratifiedSplit.rowsOfFold(foldOf, fold, true);
        for (int i = 0; i < inFold.length; i++) {
          pooled[inFold[i]] = scores.get(fold)[i];
        }
        int[] labels = data.select(inFold, "fold").labels();
        atHalf.add(Evaluation.of(scores.get(fold), labels, 0.5, settings.values(), 0.05));
        atOptimal.add(
            Evaluation.of(scores.get(fold), labels, costOptimal, settings.values(), 0.05));
      }
      outOfFold.add(new SweepResult.OutOfFold(ratios[r], pooled));
      SweepRow half = row(ratios[r], HALF, 0.5, atHalf);
      rows.add(half);
      rows.add(row(ratios[r], COST_OPTIMAL, costOptimal, atOptimal));
      progress.accept(
          String.format(
              Locale.ROOT,
              "[%d/%d] ratio %s: expected value %s ± %s per case at 0.5 (%d folds, %.1f s)",
              r + 1,
              ratios.length,
              Formats.ratio(ratios[r]),
              Formats.money(half.meanExpectedValue(), settings.values().unit()),
              Formats.money(half.sdExpectedValue(), settings.values().unit()),
              settings.folds(),
              (System.nanoTime() - start) / 1e9));
    }
    return new SweepResult(markBest(rows), outOfFold, data.labels());
  }

  private static double[] scoreFold(TrainingConfig config, Dataset data, int[] foldOf, int fold) {
    Dataset train = data.select(StratifiedSplit.rowsOfFold(foldOf, fold, false), "fold");
    Dataset test = data.select(StratifiedSplit.rowsOfFold(foldOf, fold, true), "fold");
    return Experiments.train(config, train).scores(test);
  }

  private TrainingConfig config(double ratio) {
    return settings.training().withCostLoss(ratio, 1);
  }

  static SweepRow row(double ratio, String kind, double threshold, List<Evaluation> folds) {
    double[] ev = folds.stream().mapToDouble(Evaluation::expectedValuePerCase).toArray();
    return new SweepRow(
        ratio,
        kind,
        threshold,
        mean(ev),
        sampleSd(ev),
        folds.stream().mapToDouble(e -> e.matrix().fn()).average().orElseThrow(),
        folds.stream().mapToDouble(e -> e.matrix().fp()).average().orElseThrow(),
        folds.stream().mapToDouble(e -> e.roc().auc()).average().orElseThrow(),
        false);
  }

  /**
   * Marks the best row of each threshold kind — only when it beats the next by more than one
   * standard deviation ({@link Ranking}); a best within that of its neighbour is a tie, and no row
   * of that kind is marked.
   */
  static List<SweepRow> markBest(List<SweepRow> rows) {
    List<SweepRow> marked = new ArrayList<>(rows);
    for (String kind : List.of(HALF, COST_OPTIMAL)) {
      // Each entry is named by its row's index in rows, which is where the mark goes.
      List<Ranking.Entry> ofKind = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        SweepRow row = rows.get(i);
        if (row.thresholdKind().equals(kind)) {
          ofKind.add(
              new Ranking.Entry(
                  Integer.toString(i), row.meanExpectedValue(), row.sdExpectedValue()));
        }
      }
      Ranking ranking = Ranking.of(ofKind);
      if (ranking.clearWinner()) {
        int best = Integer.parseInt(ranking.first().name());
        marked.set(best, rows.get(best).markedBest());
      }
    }
    return marked;
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  static double sampleSd(double[] values) {
    double mean = mean(values);
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}

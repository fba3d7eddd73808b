package io.costwise.train;

import io.costwise.artifact.NetworkScorer;
import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import io.costwise.data.Dataset;
import io.costwise.data.StratifiedSplit;
import java.util.Optional;
import java.util.function.Function;

/**
 * The network's scores on cases it did not learn from, for what must be fitted on such cases: the
 * calibration, and thresholds chosen on data ({@code tuned}, {@code target_recall}, {@code
 * target_precision}).
 *
 * <p>They are the validation channel's, or, when there is none, out of fold on the training
 * channel, as scikit-learn's {@code CalibratedClassifierCV(cv=5, ensemble=False)} and {@code
 * TunedThresholdClassifierCV} do: a network is trained on each four fifths, scores the fifth it did
 * not see, and the calibration and threshold are fitted on those honest scores, then applied to the
 * network trained on everything. The training channel's own scores would describe data the network
 * has memorised, and flatter it.
 *
 * @param scores the network's uncalibrated score per case
 * @param labels the cases' labels
 * @param costs the cases' costs
 * @param source where they come from, for the log
 */
public record HeldOutScores(double[] scores, int[] labels, CaseCosts costs, String source) {
  /** Folds of the cross-fit, scikit-learn's default. */
  public static final int FOLDS = 5;

  /**
   * @param network the network trained on the whole training channel
   * @param retrain trains a network like {@code network} on a subset of the training channel
   * @param seed seeds the folds
   */
  public static HeldOutScores of(
      NetworkScorer network,
      Dataset train,
      Optional<Dataset> validation,
      CostModel costs,
      Function<Dataset, NetworkScorer> retrain,
      long seed) {
    if (validation.isPresent()) {
      Dataset v = validation.get();
      return new HeldOutScores(
          network.scores(v),
          v.labels(),
          v.caseCosts(costs),
          "the validation channel's " + v.rows() + " rows");
    }
    int[] labels = train.labels();
    int[] foldOf = StratifiedSplit.foldOf(labels, FOLDS, seed);
    double[] outOfFold = new double[labels.length];
    for (int fold = 0; fold < FOLDS; fold++) {
      int[] inside = StratifiedSplit.rowsOfFold(foldOf, fold, false);
      int[] held = StratifiedSplit.rowsOfFold(foldOf, fold, true);
      NetworkScorer foldNetwork = retrain.apply(train.select(inside, train.sha256() + ":fold"));
      double[] scores = foldNetwork.scores(train.select(held, train.sha256() + ":held"));
      for (int i = 0; i < held.length; i++) {
        outOfFold[held[i]] = scores[i];
      }
    }
    return new HeldOutScores(
        outOfFold,
        labels,
        train.caseCosts(costs),
        "the training channel out of fold (there is no validation channel: "
            + FOLDS
            + " folds, one extra network trained per fold)");
  }
}

package io.costwise.train;

import io.costwise.artifact.Calibration;
import io.costwise.artifact.NetworkScorer;
import io.costwise.calibration.CalibrationMethod;
import io.costwise.data.Dataset;
import io.costwise.data.StratifiedSplit;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Fits the calibration of a trained network: on the validation channel when there is one, else out
 * of fold on the training channel, as scikit-learn's {@code CalibratedClassifierCV(cv=5,
 * ensemble=False)} does — a network is trained on each four fifths, scores the fifth it did not
 * see, and the calibration is fitted on those honest scores, then applied to the network trained on
 * everything. Fitting on the training channel's own scores instead would calibrate the network to
 * data it has memorised, and look better than it is.
 */
final class CalibrationStep {
  /** Folds of the cross-fit, scikit-learn's default. */
  static final int FOLDS = 5;

  private CalibrationStep() {}

  /**
   * @param network the network trained on the whole training channel
   * @param retrain trains a network like {@code network} on a subset of the training channel
   * @param seed seeds the folds
   * @param log receives one line saying where the calibration was fitted
   */
  static Calibration fit(
      CalibrationMethod method,
      NetworkScorer network,
      Dataset train,
      Optional<Dataset> validation,
      Function<Dataset, NetworkScorer> retrain,
      long seed,
      Consumer<String> log) {
    if (method == CalibrationMethod.NONE) {
      return Calibration.none();
    }
    if (validation.isPresent()) {
      Dataset v = validation.get();
      log.accept(
          "Calibration "
              + method.value()
              + ": fitted on the validation channel's "
              + v.rows()
              + " rows");
      return method.fit(network.scores(v), v.labels());
    }
    log.accept(
        "Calibration "
            + method.value()
            + ": there is no validation channel, so it is fitted out of fold on the training"
            + " channel ("
            + FOLDS
            + " folds, one extra network trained per fold)");
    int[] labels = train.labels();
    int[] foldOf = StratifiedSplit.foldOf(labels, FOLDS, seed);
    double[] outOfFold = new double[labels.length];
    for (int fold = 0; fold < FOLDS; fold++) {
      int[] inside = StratifiedSplit.rowsOfFold(foldOf, fold, false);
      int[] held = StratifiedSplit.rowsOfFold(foldOf, fold, true);
      NetworkScorer foldNetwork =
          retrain.apply(train.select(inside, train.sha256() + ":calibration-fold-" + fold));
      double[] scores =
          foldNetwork.scores(train.select(held, train.sha256() + ":calibration-held-" + fold));
      for (int i = 0; i < held.length; i++) {
        outOfFold[held[i]] = scores[i];
      }
    }
    return method.fit(outOfFold, labels);
  }
}

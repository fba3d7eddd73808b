package io.costwise.evaluation;

import java.util.Locale;

/**
 * Thresholds chosen for a target recall or precision on a validation split, as SageMaker Linear
 * Learner's {@code precision_at_target_recall} and {@code recall_at_target_precision} select them.
 *
 * <p>Both walk the distinct scores from the top down, flagging one group of tied scores at a time,
 * so ties are flagged together and the threshold is always a score of the split: a case scored
 * exactly at the threshold is flagged, as everywhere in costwise.
 */
final class TargetSelection {
  private TargetSelection() {}

  /** The highest threshold whose recall is at least {@code target}. */
  static ChosenThreshold recall(double[] scores, int[] labels, double target) {
    Inputs.check(scores, labels);
    SortedScores sorted = SortedScores.of(scores, labels);
    if (sorted.totalPositives == 0) {
      throw new io.costwise.error.InvalidInputException(
          "decision_threshold target_recall needs positives in the validation channel, and it has"
              + " none; add positive cases to it or choose another rule.");
    }
    long tp = 0;
    long fp = 0;
    for (int k = sorted.size() - 1; k >= 0; k--) {
      tp += sorted.positives[k];
      fp += sorted.negatives[k];
      if (tp >= target * sorted.totalPositives) {
        return new ChosenThreshold(
            sorted.values[k],
            "target_recall",
            String.format(
                Locale.ROOT,
                "The highest threshold with recall at least %s on the %d validation cases: recall"
                    + " %.4f, precision %.4f there.",
                target,
                scores.length,
                (double) tp / sorted.totalPositives,
                (double) tp / (tp + fp)));
      }
    }
    throw new IllegalStateException("flagging everything reaches any recall");
  }

  /** The lowest threshold whose precision is at least {@code target}, or flag nobody. */
  static ChosenThreshold precision(double[] scores, int[] labels, double target) {
    Inputs.check(scores, labels);
    SortedScores sorted = SortedScores.of(scores, labels);
    long tp = 0;
    long fp = 0;
    int lowest = -1;
    long tpAtLowest = 0;
    long fpAtLowest = 0;
    for (int k = sorted.size() - 1; k >= 0; k--) {
      tp += sorted.positives[k];
      fp += sorted.negatives[k];
      if (tp > 0 && tp >= target * (tp + fp)) {
        lowest = k;
        tpAtLowest = tp;
        fpAtLowest = fp;
      }
    }
    if (lowest < 0) {
      double above = Math.max(1.0, Math.nextUp(sorted.values[sorted.size() - 1]));
      return new ChosenThreshold(
          above,
          "target_precision",
          String.format(
              Locale.ROOT,
              "No threshold reaches precision %s on the %d validation cases, so nothing is"
                  + " flagged.",
              target,
              scores.length));
    }
    return new ChosenThreshold(
        sorted.values[lowest],
        "target_precision",
        String.format(
            Locale.ROOT,
            "The lowest threshold with precision at least %s on the %d validation cases: precision"
                + " %.4f, recall %.4f there.",
            target,
            scores.length,
            (double) tpAtLowest / (tpAtLowest + fpAtLowest),
            sorted.totalPositives == 0 ? 0.0 : (double) tpAtLowest / sorted.totalPositives));
  }
}

package io.costwise.report;

import io.costwise.evaluation.ConfusionMatrix;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;

/**
 * What the same cases would be worth under three decisions that need no model, so a model's
 * expected value has something to be compared with: a value of −$19,658 per case says little on its
 * own when even a perfect classifier is at −$13,569 (true positives cost treatment too).
 *
 * @param perfect every case decided correctly: the best any model can do on this split
 * @param flagAll every case predicted positive (threshold 0)
 * @param flagNone no case predicted positive (threshold above every score)
 */
record Baselines(double perfect, double flagAll, double flagNone) {

  /** The three figures per case for the split {@code e} was computed on, with its values. */
  static Baselines of(Evaluation e) {
    if (e.perCaseCosts()) {
      double n = e.matrix().total();
      return new Baselines(
          0.0 - e.costs().perfect() / n,
          0.0 - e.costs().flagEveryone() / n,
          0.0 - e.costs().flagNobody() / n);
    }
    ConfusionMatrix m = e.matrix();
    OutcomeValues v = e.values();
    long negatives = m.negatives();
    long positives = m.positives();
    return new Baselines(
        v.perCase(ConfusionMatrix.of(negatives, 0, 0, positives)),
        v.perCase(ConfusionMatrix.of(0, negatives, 0, positives)),
        v.perCase(ConfusionMatrix.of(negatives, 0, positives, 0)));
  }
}

package io.costwise.report;

import io.costwise.evaluation.Evaluation;
import java.util.Objects;

/**
 * One labelled, scored data split and its evaluation: what every chart and table of a split is
 * drawn from. The scores are needed beside the evaluation only for the score histograms.
 *
 * <p>The arrays are copied when the record is made, so a caller may reuse its buffers; the
 * accessors return the record's own arrays, which renderers only read.
 *
 * @param name the split's name, e.g. "train" or "validation"; a JSON key and part of file names
 * @param scores the predicted probability of the positive class per case, in [0, 1]
 * @param labels the actual class per case, 0 or 1
 * @param evaluation every figure of these scores at the split's threshold
 */
public record ScoredSplit(String name, double[] scores, int[] labels, Evaluation evaluation) {

  /**
   * @throws IllegalArgumentException if the name is blank, the arrays differ in length, or their
   *     length differs from the number of cases the evaluation counted
   */
  public ScoredSplit {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(evaluation, "evaluation");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a split needs a name");
    }
    scores = scores.clone();
    labels = labels.clone();
    if (scores.length != labels.length || scores.length != evaluation.matrix().total()) {
      throw new IllegalArgumentException(
          "split "
              + name
              + " has "
              + scores.length
              + " scores and "
              + labels.length
              + " labels, but its evaluation counts "
              + evaluation.matrix().total()
              + " cases");
    }
  }

  /** The same split under another name, e.g. a model's name in a comparison. */
  ScoredSplit renamed(String newName) {
    return new ScoredSplit(newName, scores, labels, evaluation);
  }
}

package io.costwise.report;

import io.costwise.cost.CaseCosts;
import io.costwise.evaluation.CostRatioCurve;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.PrecisionRecallCurve;
import io.costwise.evaluation.Reliability;
import java.util.Objects;
import java.util.Optional;

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
 * @param uncalibratedScores the network's scores before calibration when {@code scores} are
 *     calibrated, for the reliability diagram's "before"; null otherwise
 * @param costs each case's costs when they differ per case, so the interactive panel can total them
 *     at any threshold; null when the evaluation's fixed outcome values apply to every case
 */
public record ScoredSplit(
    String name,
    double[] scores,
    int[] labels,
    Evaluation evaluation,
    double[] uncalibratedScores,
    CaseCosts costs) {

  /** A split whose scores are the model's probabilities as they are (no calibration). */
  public ScoredSplit(String name, double[] scores, int[] labels, Evaluation evaluation) {
    this(name, scores, labels, evaluation, null, null);
  }

  /** A split with the fixed outcome values of its evaluation. */
  public ScoredSplit(
      String name, double[] scores, int[] labels, Evaluation evaluation, double[] uncalibrated) {
    this(name, scores, labels, evaluation, uncalibrated, null);
  }

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
    if (uncalibratedScores != null) {
      uncalibratedScores = uncalibratedScores.clone();
      if (uncalibratedScores.length != scores.length) {
        throw new IllegalArgumentException("one uncalibrated score per score");
      }
    }
    if (costs != null && costs.rows() != scores.length) {
      throw new IllegalArgumentException("one cost row per score");
    }
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

  /** How well the probabilities are calibrated. */
  public Reliability reliability() {
    return Reliability.of(scores, labels);
  }

  /** How well the scores were calibrated before calibration, when they were calibrated. */
  public Optional<Reliability> reliabilityBeforeCalibration() {
    return Optional.ofNullable(uncalibratedScores).map(raw -> Reliability.of(raw, labels));
  }

  /** Precision against recall of the positive class, at every distinct score. */
  public PrecisionRecallCurve precisionRecall() {
    return evaluation.precisionRecall();
  }

  /**
   * These scores re-decided at a range of cost ratios (see {@link CostRatioCurve}), against the
   * split's own threshold; empty when the costs differ per case (there is no one ratio to vary) or
   * the table has no ratio (an error that costs nothing).
   */
  public Optional<CostRatioCurve> costRatios() {
    if (evaluation.perCaseCosts()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          CostRatioCurve.of(scores, labels, evaluation.values(), evaluation.threshold()));
    } catch (IllegalArgumentException noRatio) {
      return Optional.empty();
    }
  }

  /** The same split under another name, e.g. a model's name in a comparison. */
  ScoredSplit renamed(String newName) {
    return new ScoredSplit(newName, scores, labels, evaluation, uncalibratedScores, costs);
  }
}

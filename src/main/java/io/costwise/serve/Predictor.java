package io.costwise.serve;

import io.costwise.artifact.Calibration;
import io.costwise.artifact.ModelDescription;
import io.costwise.artifact.NetworkScorer;
import java.util.List;

/**
 * The model as the server uses it: the feature names, the stored threshold, the costs, and the
 * plain-Java scorer (no native call per request; equal to the DL4J network, as a test shows).
 */
public final class Predictor {
  private final NetworkScorer scorer;
  private final double threshold;
  private final List<String> featureNames;
  private final ModelCosts costs;
  private final Calibration calibration;

  /** A predictor without calibration. */
  public Predictor(
      NetworkScorer scorer, double threshold, List<String> featureNames, ModelCosts costs) {
    this(scorer, threshold, featureNames, costs, Calibration.none());
  }

  /**
   * @param calibration maps the network's scores to the probabilities returned and decided with
   */
  public Predictor(
      NetworkScorer scorer,
      double threshold,
      List<String> featureNames,
      ModelCosts costs,
      Calibration calibration) {
    if (scorer.features() != featureNames.size()) {
      throw new IllegalArgumentException("one name per feature");
    }
    this.scorer = scorer;
    this.threshold = threshold;
    this.featureNames = List.copyOf(featureNames);
    this.costs = costs;
    this.calibration = calibration;
  }

  /** The predictor of a model description: no DL4J, no native libraries, no network to load. */
  public static Predictor of(ModelDescription description) {
    return new Predictor(
        description.scorer().toNetworkScorer(),
        description.decisionThreshold(),
        description.featureNames(),
        ModelCosts.of(description),
        description.calibrationOrNone());
  }

  public double threshold() {
    return threshold;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public int features() {
    return featureNames.size();
  }

  /** What each outcome costs: the fixed table and the names a request may give costs under. */
  public ModelCosts costs() {
    return costs;
  }

  /**
   * Probabilities of the first {@code rows} rows of a row-major block. The one source of the
   * probabilities the endpoint returns and decides with (labels, minimum-risk decisions, expected
   * costs), so a map from scores to probabilities, such as a calibration, belongs here and nowhere
   * else.
   */
  double[] probabilities(double[] rowMajor, int rows) {
    double[] scores = scorer.scoreAll(rowMajor, rows);
    calibration.applyInPlace(scores, rows);
    return scores;
  }
}

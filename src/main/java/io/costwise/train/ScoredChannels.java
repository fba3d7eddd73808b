package io.costwise.train;

import io.costwise.artifact.NetworkScorer;
import io.costwise.config.EvaluationConfig;
import io.costwise.cost.CaseCosts;
import io.costwise.data.Dataset;
import io.costwise.evaluation.ChosenThreshold;
import io.costwise.evaluation.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The trained model's probabilities on each channel, with each channel's costs, computed once for
 * the threshold and the reports.
 */
record ScoredChannels(Channel train, Optional<Channel> validation) {

  /** One channel's probabilities, labels and per-case costs. */
  record Channel(double[] scores, int[] labels, CaseCosts costs) {}

  /**
   * @param probability maps a network score to the probability decisions use (calibration, or
   *     identity)
   */
  static ScoredChannels of(
      NetworkScorer scorer,
      DoubleUnaryOperator probability,
      Dataset train,
      CaseCosts trainCosts,
      Optional<Dataset> validation,
      Optional<CaseCosts> validationCosts) {
    return new ScoredChannels(
        new Channel(apply(probability, scorer.scores(train)), train.labels(), trainCosts),
        validation.map(
            v ->
                new Channel(
                    apply(probability, scorer.scores(v)),
                    v.labels(),
                    validationCosts.orElseThrow())));
  }

  private static double[] apply(DoubleUnaryOperator probability, double[] scores) {
    for (int i = 0; i < scores.length; i++) {
      scores[i] = probability.applyAsDouble(scores[i]);
    }
    return scores;
  }

  Channel channel(String name) {
    return name.equals(ChannelLoader.VALIDATION) ? validation.orElseThrow() : train;
  }

  /**
   * Chooses on validation when the rule needs it (the job has checked that there is one); rules
   * that need one cost table take it from the training channel's costs.
   */
  ChosenThreshold chooseThreshold(EvaluationConfig config) {
    if (config.thresholdRule().needsValidation()) {
      Channel v = validation.orElseThrow();
      return config.thresholdRule().choose(v.scores(), v.labels(), v.costs());
    }
    return config.thresholdRule().choose(new double[0], new int[0], train.costs());
  }

  /** Evaluations by channel name, train first. */
  Map<String, Evaluation> evaluate(ChosenThreshold threshold, EvaluationConfig config) {
    Map<String, Evaluation> evaluations = new LinkedHashMap<>();
    evaluations.put(ChannelLoader.TRAIN, evaluate(train, threshold, config));
    validation.ifPresent(
        v -> evaluations.put(ChannelLoader.VALIDATION, evaluate(v, threshold, config)));
    return evaluations;
  }

  private static Evaluation evaluate(
      Channel channel, ChosenThreshold threshold, EvaluationConfig config) {
    return Evaluation.of(
        channel.scores(),
        channel.labels(),
        threshold.decisions(channel.costs()),
        channel.costs(),
        config.closeCallWidth());
  }
}

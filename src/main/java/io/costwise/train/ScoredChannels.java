package io.costwise.train;

import io.costwise.artifact.Calibration;
import io.costwise.artifact.NetworkScorer;
import io.costwise.config.EvaluationConfig;
import io.costwise.cost.CaseCosts;
import io.costwise.data.Dataset;
import io.costwise.evaluation.ChosenThreshold;
import io.costwise.evaluation.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trained model's probabilities on each channel, with each channel's costs, computed once for
 * the threshold and the reports.
 */
record ScoredChannels(Channel train, Optional<Channel> validation) {

  /**
   * One channel's probabilities, labels and per-case costs.
   *
   * @param uncalibrated the network's scores before calibration, or null without calibration
   */
  record Channel(double[] scores, int[] labels, CaseCosts costs, double[] uncalibrated) {}

  /** The network's scores on each channel, mapped by the calibration to probabilities. */
  static ScoredChannels of(
      NetworkScorer scorer,
      Calibration calibration,
      Dataset train,
      CaseCosts trainCosts,
      Optional<Dataset> validation,
      Optional<CaseCosts> validationCosts) {
    return new ScoredChannels(
        channel(scorer, calibration, train, trainCosts),
        validation.map(v -> channel(scorer, calibration, v, validationCosts.orElseThrow())));
  }

  private static Channel channel(
      NetworkScorer scorer, Calibration calibration, Dataset data, CaseCosts costs) {
    double[] raw = scorer.scores(data);
    if (calibration.isNone()) {
      return new Channel(raw, data.labels(), costs, null);
    }
    double[] probabilities = raw.clone();
    calibration.applyInPlace(probabilities, probabilities.length);
    return new Channel(probabilities, data.labels(), costs, raw);
  }

  Channel channel(String name) {
    return name.equals(ChannelLoader.VALIDATION) ? validation.orElseThrow() : train;
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

package io.costwise.train;

import io.costwise.artifact.NetworkScorer;
import io.costwise.config.EvaluationConfig;
import io.costwise.data.Dataset;
import io.costwise.evaluation.ChosenThreshold;
import io.costwise.evaluation.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The trained model's scores on each channel, computed once for the threshold and the reports. */
record ScoredChannels(
    double[] trainScores,
    int[] trainLabels,
    Optional<double[]> validationScores,
    Optional<int[]> validationLabels) {

  static ScoredChannels of(NetworkScorer scorer, Dataset train, Optional<Dataset> validation) {
    return new ScoredChannels(
        scorer.scores(train),
        train.labels(),
        validation.map(scorer::scores),
        validation.map(Dataset::labels));
  }

  double[] scores(String channel) {
    return channel.equals(ChannelLoader.VALIDATION) ? validationScores.orElseThrow() : trainScores;
  }

  int[] labels(String channel) {
    return channel.equals(ChannelLoader.VALIDATION) ? validationLabels.orElseThrow() : trainLabels;
  }

  /** Chooses on validation when the rule needs it (the job has checked that there is one). */
  ChosenThreshold chooseThreshold(EvaluationConfig config) {
    return config.thresholdRule().needsValidation()
        ? config
            .thresholdRule()
            .choose(validationScores.orElseThrow(), validationLabels.orElseThrow(), config.values())
        : config.thresholdRule().choose(new double[0], new int[0], config.values());
  }

  /** Evaluations by channel name, train first. */
  Map<String, Evaluation> evaluate(ChosenThreshold threshold, EvaluationConfig config) {
    Map<String, Evaluation> evaluations = new LinkedHashMap<>();
    evaluations.put(
        ChannelLoader.TRAIN,
        Evaluation.of(
            trainScores, trainLabels, threshold.value(), config.values(), config.closeCallWidth()));
    validationScores.ifPresent(
        scores ->
            evaluations.put(
                ChannelLoader.VALIDATION,
                Evaluation.of(
                    scores,
                    validationLabels.orElseThrow(),
                    threshold.value(),
                    config.values(),
                    config.closeCallWidth())));
    return evaluations;
  }
}

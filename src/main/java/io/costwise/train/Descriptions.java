package io.costwise.train;

import io.costwise.BuildInfo;
import io.costwise.artifact.Calibration;
import io.costwise.artifact.ModelDescription;
import io.costwise.config.Hyperparameters;
import io.costwise.config.MisclassificationCosts;
import io.costwise.config.TrainingConfig;
import io.costwise.cost.CaseCosts;
import io.costwise.cost.Outcome;
import io.costwise.data.Dataset;
import io.costwise.evaluation.ChosenThreshold;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.learn.TrainingResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds the model description of a finished run. */
final class Descriptions {
  private Descriptions() {}

  static ModelDescription of(
      Hyperparameters hyperparameters,
      TrainingConfig config,
      Dataset train,
      Optional<Dataset> validation,
      TrainingResult result,
      double seconds,
      ChosenThreshold threshold,
      Calibration calibration,
      CaseCosts trainCosts,
      BuildInfo build) {
    Map<String, ModelDescription.ClassCounts> rows = new LinkedHashMap<>();
    Map<String, String> sha = new LinkedHashMap<>();
    Map<String, Double> loss = new LinkedHashMap<>();
    rows.put(ChannelLoader.TRAIN, counts(train));
    sha.put(ChannelLoader.TRAIN, train.sha256());
    loss.put(ChannelLoader.TRAIN, result.finalTrainLoss());
    validation.ifPresent(
        v -> {
          rows.put(ChannelLoader.VALIDATION, counts(v));
          sha.put(ChannelLoader.VALIDATION, v.sha256());
        });
    result.finalValidationLoss().ifPresent(l -> loss.put(ChannelLoader.VALIDATION, l));
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("costwise", build.version());
    versions.put("deeplearning4j", build.dl4jVersion());
    versions.put("java", Runtime.version().toString());
    return new ModelDescription(
        ModelDescription.FORMAT_VERSION,
        io.costwise.artifact.ModelFolder.MODEL_FILE,
        train.featureNames(),
        threshold.value(),
        threshold.rule(),
        threshold.reason(),
        hyperparameters.asMap(),
        new ModelDescription.TrainingCosts(config.lossFunction().value(), matrix(config.costs())),
        rows,
        sha,
        versions,
        config.seed(),
        result.epochsRun(),
        result.resumedAfterEpochs(),
        seconds,
        loss,
        ModelDescription.Scorer.of(result.network().scorer()),
        result.engine().value(),
        result.bestEpoch().isPresent() ? result.bestEpoch().getAsInt() : null,
        calibration,
        trainCosts.perRow() ? meanCosts(trainCosts.meanValues()) : null);
  }

  /** The training rows' mean cost of each outcome, by its short name. */
  private static Map<String, Double> meanCosts(OutcomeValues means) {
    Map<String, Double> costs = new LinkedHashMap<>();
    costs.put(Outcome.TRUE_NEGATIVE.key(), 0.0 - means.trueNegative());
    costs.put(Outcome.FALSE_POSITIVE.key(), 0.0 - means.falsePositive());
    costs.put(Outcome.FALSE_NEGATIVE.key(), 0.0 - means.falseNegative());
    costs.put(Outcome.TRUE_POSITIVE.key(), 0.0 - means.truePositive());
    return costs;
  }

  private static ModelDescription.ClassCounts counts(Dataset data) {
    return new ModelDescription.ClassCounts(data.negatives(), data.positives());
  }

  private static double[][] matrix(MisclassificationCosts costs) {
    double[][] matrix = new double[costs.classes()][costs.classes()];
    for (int actual = 0; actual < costs.classes(); actual++) {
      for (int predicted = 0; predicted < costs.classes(); predicted++) {
        matrix[actual][predicted] = costs.cost(actual, predicted);
      }
    }
    return matrix;
  }
}

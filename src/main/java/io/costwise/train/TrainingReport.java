package io.costwise.train;

import io.costwise.artifact.Calibration;
import io.costwise.config.EvaluationConfig;
import io.costwise.config.LossFunctionType;
import io.costwise.config.TrainingConfig;
import io.costwise.evaluation.ChosenThreshold;
import io.costwise.evaluation.Evaluation;
import io.costwise.report.EvaluationJson;
import io.costwise.report.Formats;
import io.costwise.report.ModelReport;
import io.costwise.report.ReportContext;
import io.costwise.report.ScoredSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the job's evaluation into {@code /opt/ml/output/data/} (SageMaker uploads it as {@code
 * output.tar.gz}): {@code evaluation.json}, {@code report.html} and the charts.
 *
 * <p>Charts need fonts; an image without them would fail in AWT. The model is already saved by
 * then, so a chart failure costs the pictures, not the job: {@code evaluation.json} is still
 * written, and the log says what to install.
 */
final class TrainingReport {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingReport.class);

  private TrainingReport() {}

  static void write(
      Path dir,
      Optional<String> jobName,
      TrainingConfig training,
      ChosenThreshold threshold,
      EvaluationConfig config,
      ScoredChannels scored,
      Map<String, Evaluation> evaluations,
      List<String> warnings,
      Calibration calibration)
      throws IOException {
    List<ScoredSplit> splits = new ArrayList<>();
    evaluations.forEach(
        (name, evaluation) ->
            splits.add(
                new ScoredSplit(
                    name,
                    scored.channel(name).scores(),
                    scored.channel(name).labels(),
                    evaluation,
                    scored.channel(name).uncalibrated(),
                    scored.channel(name).costs())));
    Map<String, String> facts = facts(training, threshold, config);
    facts.put(
        "calibration",
        calibration.isNone()
            ? "none: the network's scores are used as probabilities"
            : calibration.method());
    if (config.costs().perRow()) {
      facts.put("cost columns", config.costs().columns().columns().toString());
    }
    // The job's name when SageMaker set one, else the folder the report goes into.
    ReportContext context =
        new ReportContext(
            ReportContext.titled("train", jobName.orElse(dir.toString())),
            facts,
            warnings,
            LocalDate.now(ZoneOffset.UTC).toString());
    try {
      List<Path> files = ModelReport.write(dir, context, splits);
      LOG.info("Evaluation report: {}", files.get(0).getParent());
    } catch (RuntimeException | LinkageError | InternalError e) {
      Files.createDirectories(dir);
      EvaluationJson.write(dir.resolve("evaluation.json"), EvaluationJson.of(context, splits));
      LOG.warn(
          "Could not draw the report's charts ({}); wrote evaluation.json only. Images need"
              + " fontconfig and a font (e.g. Debian's fonts-dejavu-core).",
          e.toString(),
          e);
    }
  }

  private static Map<String, String> facts(
      TrainingConfig training, ChosenThreshold threshold, EvaluationConfig config) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("loss", training.lossFunction().value());
    if (training.lossFunction().usesDecisionCosts()) {
      facts.put(
          "training costs",
          "the decision costs, each row weighted by what an error on it costs (normalised to mean"
              + " 1)");
    }
    if (training.lossFunction() == LossFunctionType.CUSTOM) {
      facts.put(
          "training costs",
          "fn_cost "
              + Formats.ratio(training.costs().falseNegativeCost())
              + ", fp_cost "
              + Formats.ratio(training.costs().falsePositiveCost()));
    }
    facts.put(
        "decision threshold",
        Formats.threshold(threshold.value())
            + " ("
            + threshold.rule()
            + "): "
            + threshold.reason());
    facts.put(
        "outcome values",
        Formats.outcomeValues(
            config.values().trueNegative(),
            config.values().falsePositive(),
            config.values().falseNegative(),
            config.values().truePositive(),
            config.values().unit()));
    facts.put("close-call width", "±" + Formats.threshold(config.closeCallWidth()));
    facts.put(
        "training",
        training.epochs()
            + " epochs, batch "
            + training.batchSize()
            + ", "
            + training.optimizer().value()
            + " at learning rate "
            + Formats.threshold(training.learningRate())
            + (training.l2() > 0 ? ", l2 " + Formats.threshold(training.l2()) : "")
            + ", seed "
            + training.seed()
            + ", standardize "
            + training.standardize());
    facts.put(
        "network",
        training.hiddenLayers().isEmpty()
            ? "one logistic unit"
            : "hidden ReLU layers " + training.hiddenLayers() + ", sigmoid output");
    return facts;
  }
}

package io.costwise.experiment;

import io.costwise.artifact.SavedModel;
import io.costwise.config.EvaluationConfig;
import io.costwise.config.Hyperparameters;
import io.costwise.data.ChannelReader;
import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.report.ModelReport;
import io.costwise.report.ReportContext;
import io.costwise.report.ScoredSplit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Judges a saved model on labelled data it may never have seen, with the report {@code train}
 * writes: by default at the model's own threshold and with the outcome values it was trained with.
 */
public final class ModelEvaluation {
  private ModelEvaluation() {}

  /**
   * @param model the saved model
   * @param data label-first CSV files with the model's features, in its order
   * @param threshold overrides the model's stored threshold
   * @param values override the model's outcome values
   * @param out where the report goes
   * @return the evaluation and the files written
   */
  public static Result run(
      SavedModel model,
      List<Path> data,
      OptionalDouble threshold,
      Optional<OutcomeValues> values,
      Path out)
      throws IOException {
    Dataset dataset =
        new ChannelReader().read("data", data, OptionalInt.of(model.description().featureCount()));
    EvaluationConfig stored =
        Hyperparameters.parse(model.description().hyperparameters()).evaluationConfig();
    OutcomeValues used = values.orElse(stored.values());
    double cut = threshold.orElse(model.description().decisionThreshold());
    if (!(cut >= 0 && cut <= 1)) {
      throw new InvalidInputException(
          "The threshold " + cut + " is outside [0, 1]; give --threshold a probability.");
    }
    double[] scores = model.scorer().scores(dataset);
    Evaluation evaluation =
        Evaluation.of(scores, dataset.labels(), cut, used, stored.closeCallWidth());
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("model", model.folder().toString());
    facts.put("data", data.toString() + " (" + dataset.rows() + " rows)");
    facts.put(
        "decision threshold",
        cut
            + (threshold.isPresent()
                ? " (given on the command line)"
                : " (the model's, " + model.description().thresholdRule() + ")"));
    facts.put("trained with", model.description().hyperparameters().toString());
    List<Path> files =
        ModelReport.write(
            out,
            new ReportContext("costwise evaluation", facts),
            List.of(new ScoredSplit("evaluation", scores, dataset.labels(), evaluation)));
    return new Result(evaluation, files);
  }

  /** What {@link #run} computed and wrote. */
  public record Result(Evaluation evaluation, List<Path> files) {}
}

package io.costwise.experiment;

import io.costwise.artifact.ModelDescription;
import io.costwise.artifact.SavedModel;
import io.costwise.config.EvaluationConfig;
import io.costwise.config.Hyperparameters;
import io.costwise.config.ThresholdRules;
import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import io.costwise.data.ChannelReader;
import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import io.costwise.evaluation.ChosenThreshold;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.ThresholdRule;
import io.costwise.report.ModelReport;
import io.costwise.report.ReportContext;
import io.costwise.report.ScoredSplit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Judges a saved model on labelled data it may never have seen, with the report {@code train}
 * writes: by default at the model's own threshold and with the outcome values it was trained with.
 */
public final class ModelEvaluation {
  private ModelEvaluation() {}

  /**
   * @param model the saved model
   * @param data label-first CSV files with the model's features, in its order, and its cost columns
   *     when it was trained with some
   * @param rule overrides the model's decision: a number, {@code cost_optimal} or {@code
   *     bayes_risk}
   * @param values override the model's fixed outcome values (its cost columns stay)
   * @param out where the report goes
   * @return the evaluation and the files written
   */
  public static Result run(
      SavedModel model,
      List<Path> data,
      Optional<String> rule,
      Optional<OutcomeValues> values,
      Path out)
      throws IOException {
    EvaluationConfig stored =
        Hyperparameters.parse(model.description().hyperparameters()).evaluationConfig();
    CostModel costModel = new CostModel(values.orElse(stored.values()), stored.costs().columns());
    Dataset dataset =
        new ChannelReader()
            .read("data", data, OptionalInt.of(model.description().featureCount()), costModel);
    CaseCosts costs = dataset.caseCosts(costModel);
    ChosenThreshold chosen = rule.map(text -> chosen(text, costs)).orElse(stored(model));
    double[] probabilities = model.probabilities(dataset);
    Evaluation evaluation =
        Evaluation.of(
            probabilities,
            dataset.labels(),
            chosen.decisions(costs),
            costs,
            stored.closeCallWidth());
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("model", model.folder().toString());
    facts.put("data", data.toString() + " (" + dataset.rows() + " rows)");
    facts.put(
        "decision",
        chosen.reason() + (rule.isPresent() ? " (given on the command line)" : " (the model's)"));
    facts.put("calibration", model.description().calibrationOrNone().method());
    if (!dataset.costColumnNames().isEmpty()) {
      facts.put("cost columns", dataset.costColumnNames().toString());
    }
    facts.put("trained with", model.description().hyperparameters().toString());
    List<Path> files =
        ModelReport.write(
            out,
            new ReportContext(
                ReportContext.titled("evaluate", out.toString()),
                facts,
                List.of(),
                LocalDate.now(ZoneOffset.UTC).toString()),
            List.of(
                new ScoredSplit(
                    "evaluation", probabilities, dataset.labels(), evaluation, null, costs)));
    return new Result(evaluation, files);
  }

  /** The model's own decision, as training chose it. */
  private static ChosenThreshold stored(SavedModel model) {
    ModelDescription d = model.description();
    return new ChosenThreshold(d.decisionThreshold(), d.thresholdRule(), d.thresholdReason());
  }

  /** A decision given on the command line: rules that need validation data are refused. */
  private static ChosenThreshold chosen(String text, CaseCosts costs) {
    Optional<String> canonical = ThresholdRules.canonical(text);
    if (canonical.isEmpty()) {
      throw new InvalidInputException(
          "The threshold '"
              + text
              + "' is not a probability from 0 to 1, cost_optimal or bayes_risk; give one of"
              + " those.");
    }
    ThresholdRule rule = ThresholdRule.parse(canonical.get());
    if (rule.needsValidation()) {
      throw new InvalidInputException(
          "The threshold rule '"
              + text
              + "' is chosen on validation data when training; give a number, cost_optimal or"
              + " bayes_risk here, or retrain with that rule.");
    }
    return rule.choose(new double[0], new int[0], costs);
  }

  /** What {@link #run} computed and wrote. */
  public record Result(Evaluation evaluation, List<Path> files) {}
}

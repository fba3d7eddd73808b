package io.costwise.train;

import io.costwise.evaluation.Evaluation;

/**
 * The evaluation's log line for one split, e.g. {@code validation:auc=0.991234;
 * validation:expected_value=-15282.86; …}, so that a hyperparameter tuning job can maximise {@code
 * validation:expected_value}. The names and regexes are listed in docs/configuration.md.
 */
final class EvaluationMetrics {
  private EvaluationMetrics() {}

  static String line(String split, Evaluation evaluation) {
    return new MetricLine()
        .add(split + ":expected_value", evaluation.expectedValuePerCase(), 2)
        .add(split + ":expected_value_total", evaluation.expectedValueTotal().doubleValue(), 2)
        .add(split + ":auc", evaluation.roc().auc(), 6)
        .add(split + ":accuracy", evaluation.matrix().accuracy(), 6)
        .add(split + ":precision", evaluation.report().positive().precision(), 6)
        .add(split + ":recall", evaluation.report().positive().recall(), 6)
        .add(split + ":f1", evaluation.report().positive().f1(), 6)
        .add(split + ":log_loss", evaluation.probabilityScores().logLoss(), 6)
        .add(split + ":brier", evaluation.probabilityScores().brierScore(), 6)
        .add(split + ":true_negatives", evaluation.matrix().tn(), 0)
        .add(split + ":false_positives", evaluation.matrix().fp(), 0)
        .add(split + ":false_negatives", evaluation.matrix().fn(), 0)
        .add(split + ":true_positives", evaluation.matrix().tp(), 0)
        .add(split + ":close_calls", evaluation.closeCalls().total(), 0)
        .add(split + ":threshold", evaluation.threshold(), 6)
        .toString();
  }
}

package io.costwise.experiment;

import io.costwise.evaluation.ClassificationReport;
import io.costwise.evaluation.ConfusionMatrix;
import io.costwise.evaluation.Evaluation;
import io.costwise.report.Formats;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The demo's side-by-side comparison as plain text, one column per model. */
public final class DemoTable {
  private DemoTable() {}

  public static String render(DemoResult result, String unit, double costOptimalThreshold) {
    List<DemoResult.Model> models = result.models();
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Test split: %d cases (trained on %d); threshold 0.5 unless stated.%n%n",
            result.testRows(),
            result.trainRows()));
    row(text, "", models, DemoResult.Model::name);
    row(text, "accuracy", models, m -> f(m.atHalf().matrix().accuracy(), 4));
    row(text, "AUC", models, m -> f(m.atHalf().roc().auc(), 4));
    row(text, "TN / FP / FN / TP", models, m -> cells(m.atHalf().matrix()));
    row(text, "precision 0 / 1", models, m -> pair(m.atHalf().report(), true));
    row(text, "recall 0 / 1", models, m -> pair(m.atHalf().report(), false));
    row(text, "expected value per case (" + unit + ")", models, m -> money(m.atHalf()));
    text.append(System.lineSeparator());
    row(
        text,
        "at the cost-optimal threshold " + Formats.threshold(costOptimalThreshold) + ":",
        models,
        m -> "");
    row(text, "  TN / FP / FN / TP", models, m -> cells(m.atCostOptimal().matrix()));
    row(text, "  expected value per case (" + unit + ")", models, m -> money(m.atCostOptimal()));
    text.append(System.lineSeparator());
    row(text, "at a threshold tuned on the train split:", models, m -> "");
    row(text, "  threshold", models, m -> Formats.threshold(m.atTuned().threshold()));
    row(text, "  TN / FP / FN / TP", models, m -> cells(m.atTuned().matrix()));
    row(text, "  expected value per case (" + unit + ")", models, m -> money(m.atTuned()));
    return text.toString();
  }

  private static void row(
      StringBuilder text,
      String label,
      List<DemoResult.Model> models,
      Function<DemoResult.Model, String> cell) {
    text.append(String.format(Locale.ROOT, "%-40s", label));
    for (DemoResult.Model model : models) {
      text.append(String.format(Locale.ROOT, "%18s", cell.apply(model)));
    }
    text.append(System.lineSeparator());
  }

  private static String cells(ConfusionMatrix m) {
    return m.tn() + " / " + m.fp() + " / " + m.fn() + " / " + m.tp();
  }

  private static String pair(ClassificationReport report, boolean precision) {
    return precision
        ? f(report.negative().precision(), 2) + " / " + f(report.positive().precision(), 2)
        : f(report.negative().recall(), 2) + " / " + f(report.positive().recall(), 2);
  }

  private static String money(Evaluation evaluation) {
    return Formats.money(evaluation.expectedValuePerCase(2), evaluation.values().unit());
  }

  private static String f(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}

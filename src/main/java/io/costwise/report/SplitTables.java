package io.costwise.report;

import static java.math.RoundingMode.HALF_UP;

import io.costwise.evaluation.ClassMetrics;
import io.costwise.evaluation.ClassificationReport;
import io.costwise.evaluation.ClassificationReportText;
import io.costwise.evaluation.CloseCalls;
import io.costwise.evaluation.ConfusionMatrix;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The HTML tables and sentences of one split's figures, shared by both reports. */
final class SplitTables {
  private SplitTables() {}

  /** Rows actual, columns predicted, negative first, as {@code ConfusionMatrix} orients it. */
  static void confusionMatrix(Html page, Evaluation e) {
    ConfusionMatrix m = e.matrix();
    page.table(
        null,
        List.of("", "Predicted negative (0)", "Predicted positive (1)", "Total"),
        List.of(
            List.of(
                "Actual negative (0)",
                "TN " + Formats.count(m.tn()),
                "FP " + Formats.count(m.fp()),
                Formats.count(m.negatives())),
            List.of(
                "Actual positive (1)",
                "FN " + Formats.count(m.fn()),
                "TP " + Formats.count(m.tp()),
                Formats.count(m.positives())),
            List.of(
                "Total",
                Formats.count(m.tn() + m.fn()),
                Formats.count(m.fp() + m.tp()),
                Formats.count(m.total()))));
  }

  /** The close calls of each cell of the confusion matrix. */
  static void closeCalls(Html page, Evaluation e) {
    CloseCalls c = e.closeCalls();
    String width = Formats.threshold(c.width());
    page.paragraph(
        "Close calls: cases whose score lies within ±"
            + width
            + " of the threshold "
            + Formats.threshold(c.threshold())
            + " (from "
            + Formats.threshold(Math.max(0, c.threshold() - c.width()))
            + " to "
            + Formats.threshold(c.threshold() + c.width())
            + "), which a slightly different model or threshold could flip.",
        null);
    page.table(
        null,
        List.of("", "TN", "FP", "FN", "TP", "Total"),
        List.of(
            List.of(
                "Close calls (±" + width + ")",
                Formats.count(c.tn()),
                Formats.count(c.fp()),
                Formats.count(c.fn()),
                Formats.count(c.tp()),
                Formats.count(c.total()))));
  }

  /** scikit-learn's classification report as a table, two decimals rounded half to even. */
  static void classificationReport(Html page, Evaluation e) {
    ClassificationReport r = e.report();
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("0 (negative)", r.negative()));
    rows.add(row("1 (positive)", r.positive()));
    rows.add(
        List.of(
            "accuracy",
            "",
            "",
            Formats.decimal(r.accuracy(), 2),
            Formats.count(r.macroAverage().support())));
    rows.add(row("macro avg", r.macroAverage()));
    rows.add(row("weighted avg", r.weightedAverage()));
    page.table(null, List.of("", "precision", "recall", "f1-score", "support"), rows);
    page.preformatted("As scikit-learn prints it", ClassificationReportText.toText(r));
  }

  private static List<String> row(String name, ClassMetrics m) {
    return List.of(
        name,
        Formats.decimal(m.precision(), 2),
        Formats.decimal(m.recall(), 2),
        Formats.decimal(m.f1(), 2),
        Formats.count(m.support()));
  }

  /** Threshold, accuracy, AUC, log loss, Brier score and expected value, one per row. */
  static void metrics(Html page, Evaluation e) {
    String unit = e.values().unit();
    page.table(
        null,
        List.of("Metric", "Value"),
        List.of(
            List.of(
                "Threshold (predict positive when score ≥ it)", Formats.threshold(e.threshold())),
            List.of("Accuracy", Formats.decimal(e.matrix().accuracy(), 4)),
            List.of("ROC AUC", Formats.decimal(e.roc().auc(), 4)),
            List.of(
                "Log loss (lower is better)", Formats.decimal(e.probabilityScores().logLoss(), 4)),
            List.of(
                "Brier score (lower is better)",
                Formats.decimal(e.probabilityScores().brierScore(), 4)),
            List.of(
                "Expected value per case (" + unit + ")",
                Formats.money(e.expectedValuePerCase(2), unit)),
            List.of(
                "Expected value, total (" + unit + ")",
                Formats.money(e.expectedValueTotal(), unit)),
            List.of(
                "Cost of the decisions (" + unit + ")",
                Formats.money(BigDecimal.valueOf(e.costs().total()).setScale(2, HALF_UP), unit)),
            List.of(
                "Cost if nobody were flagged (" + unit + ")",
                Formats.money(
                    BigDecimal.valueOf(e.costs().flagNobody()).setScale(2, HALF_UP), unit)),
            List.of(
                "Cost if everyone were flagged (" + unit + ")",
                Formats.money(
                    BigDecimal.valueOf(e.costs().flagEveryone()).setScale(2, HALF_UP), unit)),
            List.of(
                "Savings against the cheaper of the two (1 is free, 0 no better, below 0 worse)",
                Formats.decimal(e.costs().savings(), 4))));
  }

  /**
   * The expected value in one plain sentence, against the three baselines that need no model.
   *
   * @param subject e.g. "this model" or "the medical model"
   * @param split the split's name to open the sentence with, or null when the context says it
   */
  static String valueSentence(Evaluation e, String subject, String split) {
    String unit = e.values().unit();
    Baselines b = Baselines.of(e);
    return (split == null ? "Each" : "On the " + split + " split, each")
        + " case classified by "
        + subject
        + (e.perCaseDecisions()
            ? " by its own minimum-risk decision"
            : " at threshold " + Formats.threshold(e.threshold()))
        + " is worth on average "
        + Formats.money(e.expectedValuePerCase(2), unit)
        + ", compared with "
        + Formats.money(b.perfect(), unit)
        + " if every case were classified correctly, "
        + Formats.money(b.flagAll(), unit)
        + " if every case were flagged positive and "
        + Formats.money(b.flagNone(), unit)
        + " if none were. Over these "
        + Formats.count(e.matrix().total())
        + " cases that is "
        + Formats.money(e.expectedValueTotal(), unit)
        + " in total.";
  }

  /** The four outcome values, in the order of the confusion matrix. */
  static void outcomeValues(Html page, OutcomeValues v) {
    String unit = v.unit();
    page.table(
        null,
        List.of("Outcome", "Value per case (" + unit + ")"),
        List.of(
            List.of("True negative", Formats.money(v.trueNegative(), unit)),
            List.of("False positive", Formats.money(v.falsePositive(), unit)),
            List.of("False negative", Formats.money(v.falseNegative(), unit)),
            List.of("True positive", Formats.money(v.truePositive(), unit))));
  }
}

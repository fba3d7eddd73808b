package io.costwise.report;

import static java.math.RoundingMode.HALF_UP;

import io.costwise.evaluation.ConfusionMatrix;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The page of a {@link ComparisonReport}: one column per model, one row per metric. */
final class ComparisonHtml {
  private ComparisonHtml() {}

  static String render(
      String title,
      List<ComparedModel> models,
      Map<String, RenderedChart> scoreCharts,
      RenderedChart roc,
      RenderedChart value,
      RenderedChart valueLogOdds,
      RenderedChart precisionRecall,
      Optional<RenderedChart> costRatio) {
    OutcomeValues values = models.get(0).test().evaluation().values();
    String unit = values.unit();
    Html page = new Html(title);
    page.heading(1, title);
    List<String> warnings = new ArrayList<>();
    for (ComparedModel model : models) {
      ReportWarnings.trivialPolicy(
              model.name() + " model's " + model.test().name(), model.test().evaluation())
          .ifPresent(warnings::add);
    }
    ReportWarnings.fewCases(models.get(0).test().name(), models.get(0).test().evaluation())
        .ifPresent(warnings::add);
    page.warnings(warnings);
    page.paragraph(ComparisonHeadline.text(models), "lede");
    if (models.stream().anyMatch(model -> !model.otherRules().isEmpty())) {
      page.heading(2, "Expected value by decision rule");
      page.paragraph(
          "The same test scores decided by each rule; a tuned threshold is chosen on scores the"
              + " model was not judged on, never on these. The rest of the page shows each model"
              + " at "
              + models.get(0).ruleName()
              + ".",
          "note");
      ComparisonHeadline.rulesTable(page, models);
      page.heading(2, "Every figure at " + models.get(0).ruleName());
    }

    List<String> header = new ArrayList<>();
    header.add("Metric");
    models.forEach(model -> header.add(model.name()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("Description", models, ComparedModel::description));
    rows.add(row("Split", models, model -> model.test().name()));
    rows.add(cells("Cases", models, e -> Formats.count(e.matrix().total())));
    rows.add(
        cells(
            "Threshold",
            models,
            e ->
                e.perCaseDecisions()
                    ? "per case (minimum risk)"
                    : Formats.threshold(e.threshold())));
    rows.add(cells("Accuracy", models, e -> Formats.decimal(e.matrix().accuracy(), 4)));
    rows.add(cells("ROC AUC", models, e -> Formats.decimal(e.roc().auc(), 4)));
    rows.add(cells("TN", models, e -> Formats.count(e.matrix().tn())));
    rows.add(cells("FP", models, e -> Formats.count(e.matrix().fp())));
    rows.add(cells("FN", models, e -> Formats.count(e.matrix().fn())));
    rows.add(cells("TP", models, e -> Formats.count(e.matrix().tp())));
    rows.add(
        cells("Precision 0", models, e -> Formats.decimal(e.report().negative().precision(), 2)));
    rows.add(
        cells("Precision 1", models, e -> Formats.decimal(e.report().positive().precision(), 2)));
    rows.add(cells("Recall 0", models, e -> Formats.decimal(e.report().negative().recall(), 2)));
    rows.add(cells("Recall 1", models, e -> Formats.decimal(e.report().positive().recall(), 2)));
    rows.add(cells("F1 0", models, e -> Formats.decimal(e.report().negative().f1(), 2)));
    rows.add(cells("F1 1", models, e -> Formats.decimal(e.report().positive().f1(), 2)));
    rows.add(cells("Log loss", models, e -> Formats.decimal(e.probabilityScores().logLoss(), 4)));
    rows.add(
        cells("Brier score", models, e -> Formats.decimal(e.probabilityScores().brierScore(), 4)));
    rows.add(
        cells(
            "Close calls (±"
                + Formats.threshold(models.get(0).test().evaluation().closeCalls().width())
                + ")",
            models,
            e -> Formats.count(e.closeCalls().total())));
    rows.add(
        cells(
            "Expected value per case (" + unit + ")",
            models,
            e -> Formats.money(e.expectedValuePerCase(2), unit)));
    rows.add(
        cells(
            "Expected value, total (" + unit + ")",
            models,
            e -> Formats.money(e.expectedValueTotal(), unit)));
    rows.add(
        cells(
            "Cost of the decisions (" + unit + ")",
            models,
            e -> Formats.money(BigDecimal.valueOf(e.costs().total()).setScale(2, HALF_UP), unit)));
    rows.add(
        cells(
            "Savings (against the cheaper of flag nobody / flag everyone)",
            models,
            e -> Formats.decimal(e.costs().savings(), 4)));
    page.table(null, header, rows);
    page.paragraph(
        "A case is predicted positive when its score is at or above the model's threshold. Class 0"
            + " is negative, class 1 positive; precision, recall and F1 are per class, as in"
            + " scikit-learn's classification report.",
        "note");

    InteractivePanel.addTo(
        page, models.stream().map(model -> model.test().renamed(model.name())).toList(), "Model");
    page.heading(2, "Outcome values");
    SplitTables.outcomeValues(page, values);
    page.heading(2, "Charts");
    ThresholdCharts.addTo(
        page,
        roc,
        precisionRecall,
        value,
        valueLogOdds,
        costRatio,
        "the best model's scores",
        "its");
    for (ComparedModel model : models) {
      page.heading(3, model.name() + ": " + model.description());
      ConfusionMatrix m = model.test().evaluation().matrix();
      page.paragraph(
          "TN "
              + Formats.count(m.tn())
              + ", FP "
              + Formats.count(m.fp())
              + ", FN "
              + Formats.count(m.fn())
              + ", TP "
              + Formats.count(m.tp())
              + ".",
          "note");
      scoreCharts.get(model.name()).addTo(page);
    }
    return page.finish();
  }

  private static List<String> row(
      String name, List<ComparedModel> models, Function<ComparedModel, String> cell) {
    List<String> row = new ArrayList<>();
    row.add(name);
    models.forEach(model -> row.add(cell.apply(model)));
    return row;
  }

  private static List<String> cells(
      String name, List<ComparedModel> models, Function<Evaluation, String> cell) {
    return row(name, models, model -> cell.apply(model.test().evaluation()));
  }
}

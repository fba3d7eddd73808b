package io.costwise.report;

import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The page of a {@link ModelReport}: what is shown, in what order. */
final class ModelReportHtml {
  private ModelReportHtml() {}

  static String render(
      ReportContext context,
      List<ScoredSplit> splits,
      Map<String, RenderedChart> scoreCharts,
      RenderedChart roc,
      RenderedChart value,
      RenderedChart reliability,
      RenderedChart valueLogOdds,
      RenderedChart precisionRecall,
      Optional<RenderedChart> costRatio) {
    OutcomeValues values = Splits.commonValues(splits);
    Html page = new Html(context.heading());
    page.heading(1, context.heading());
    page.warnings(ReportWarnings.all(context, splits));
    ScoredSplit last = splits.get(splits.size() - 1);
    page.paragraph(SplitTables.valueSentence(last.evaluation(), "this model", last.name()), "lede");

    page.heading(2, "Summary");
    List<List<String>> summary = new ArrayList<>();
    for (ScoredSplit split : splits) {
      Evaluation e = split.evaluation();
      summary.add(
          List.of(
              split.name(),
              Formats.count(e.matrix().total()),
              Formats.count(e.matrix().positives()),
              Formats.threshold(e.threshold()),
              Formats.decimal(e.matrix().accuracy(), 4),
              Formats.decimal(e.roc().auc(), 4),
              Formats.money(e.expectedValuePerCase(2), values.unit())));
    }
    page.table(
        null,
        List.of(
            "Split",
            "Cases",
            "Positives",
            "Threshold",
            "Accuracy",
            "AUC",
            "Expected value per case (" + values.unit() + ")"),
        summary);
    InteractivePanel.addTo(page, splits, "Split");

    if (!context.facts().isEmpty()) {
      page.heading(2, "Model");
      List<List<String>> facts = new ArrayList<>();
      context.facts().forEach((key, text) -> facts.add(List.of(key, text)));
      page.table(null, List.of(), facts);
    }
    page.heading(2, "Outcome values");
    page.paragraph(
        "What each outcome is worth; negative is a cost. The expected value of a set of decisions"
            + " is the sum of these over its cases, divided by the number of cases.",
        "note");
    SplitTables.outcomeValues(page, values);

    page.heading(2, "Charts");
    ThresholdCharts.addTo(
        page,
        roc,
        precisionRecall,
        value,
        valueLogOdds,
        costRatio,
        "the same scores",
        "this model's");
    page.paragraph(
        "Reliability: among cases given a probability near p, the share that were positive. A"
            + " calibrated model lies on the diagonal, which the cost-optimal and minimum-risk"
            + " rules assume.",
        "note");
    reliability.addTo(page);

    for (ScoredSplit split : splits) {
      Evaluation e = split.evaluation();
      page.heading(2, "Split: " + split.name());
      page.paragraph(SplitTables.valueSentence(e, "this model", null), null);
      page.heading(3, "Confusion matrix at threshold " + Formats.threshold(e.threshold()));
      page.paragraph(
          "Rows are the actual class, columns the predicted class; a case is predicted positive"
              + " when its score is at or above the threshold.",
          "note");
      SplitTables.confusionMatrix(page, e);
      SplitTables.closeCalls(page, e);
      page.heading(3, "Classification report");
      SplitTables.classificationReport(page, e);
      page.heading(3, "Metrics");
      SplitTables.metrics(page, e);
      scoreCharts.get(split.name()).addTo(page);
    }
    return page.finish();
  }
}

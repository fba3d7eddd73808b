package io.costwise.report;

import java.util.Optional;

/**
 * The charts against the threshold that a model report and a comparison both show, in one order
 * with one set of notes: ROC, precision–recall, expected value (on a plain and on a log-odds axis)
 * and, when there is one ratio to vary, expected value against the cost ratio.
 */
final class ThresholdCharts {
  private ThresholdCharts() {}

  /**
   * Adds the charts to the page.
   *
   * @param ratioScores whose scores the cost-ratio chart re-decides, e.g. "the same scores"
   * @param ratioThreshold whose fixed threshold it compares with, e.g. "this model's"
   */
  static void addTo(
      Html page,
      RenderedChart roc,
      RenderedChart precisionRecall,
      RenderedChart value,
      RenderedChart valueLogOdds,
      Optional<RenderedChart> costRatio,
      String ratioScores,
      String ratioThreshold) {
    roc.addTo(page);
    precisionRecall.addTo(page);
    value.addTo(page);
    page.paragraph(
        "The same curves with the thresholds on a log-odds scale, which gives each factor of ten"
            + " near 0 or 1 the same width: a costly miss puts the best threshold close to 0.",
        "note");
    valueLogOdds.addTo(page);
    costRatio.ifPresent(
        chart -> {
          page.paragraph(
              "If a miss cost more or less than the outcome values say: "
                  + ratioScores
                  + " decided at each cost ratio's cost-optimal threshold, at "
                  + ratioThreshold
                  + " fixed threshold, and at the best threshold in hindsight (a ceiling, chosen"
                  + " on these very cases).",
              "note");
          chart.addTo(page);
        });
  }
}

package io.costwise.experiment;

import io.costwise.report.Formats;
import java.util.List;
import java.util.Locale;

/**
 * The sweep's table as plain text, best rows starred (a best within one standard deviation of the
 * next is a tie and is not starred); money in the reports' {@link Formats}.
 */
public final class SweepTable {
  private SweepTable() {}

  public static String render(List<SweepRow> rows, String unit) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%-8s %-13s %28s %8s %8s %7s%n",
            "ratio",
            "threshold",
            "expected value (" + unit + "/case)",
            "FN",
            "FP",
            "AUC"));
    for (SweepRow row : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-8s %-13s %18s ± %10s %8.1f %8.1f %7.4f%s%n",
              Formats.ratio(row.ratio()),
              row.thresholdKind(),
              Formats.money(row.meanExpectedValue(), unit),
              Formats.money(row.sdExpectedValue(), unit),
              row.meanFalseNegatives(),
              row.meanFalsePositives(),
              row.meanAuc(),
              row.best() ? "  * best" : ""));
    }
    return text.toString();
  }
}

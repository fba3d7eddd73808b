package io.costwise.experiment;

import java.util.List;
import java.util.Locale;

/** The sweep's table as plain text, best rows starred. */
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
              "%-8s %-13s %18.2f ± %8.2f %8.1f %8.1f %7.4f%s%n",
              Sweep.plain(row.ratio()),
              row.thresholdKind(),
              row.meanExpectedValue(),
              row.sdExpectedValue(),
              row.meanFalseNegatives(),
              row.meanFalsePositives(),
              row.meanAuc(),
              row.best() ? "  * best" : ""));
    }
    return text.toString();
  }
}

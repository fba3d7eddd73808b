package io.costwise.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report's interactive panel: a threshold slider and the four outcome values, which recompute
 * the confusion matrix, classification figures, expected value, close calls and the charts in the
 * browser, from {@link ReportData}. The script and style are resources ({@code report/*.js}, {@code
 * report/interactive.css}), inlined so the page stays one file that works offline. The scripts
 * share one function scope, in this order: exact figures, chart drawing, the six charts, and the
 * panel, whose last line draws it (so everything it uses is defined by then).
 */
final class InteractivePanel {
  /** The element the script fills; its data sits in {@code cw-panel-data}. */
  static final String ID = "cw-panel";

  private static final String SCRIPT =
      "(function () {\n'use strict';\n"
          + read("/report/exact.js")
          + read("/report/charts.js")
          + read("/report/panel-charts.js")
          + read("/report/panel.js")
          + "})();\n";
  private static final String STYLE = read("/report/interactive.css");

  private InteractivePanel() {}

  /**
   * Adds the panel for these splits to the page.
   *
   * @param choice what the entries are, e.g. "Split" or "Model": the label of the panel's menu
   */
  static void addTo(Html page, List<ScoredSplit> splits, String choice) {
    page.heading(2, "Explore: move the threshold, change the values");
    page.script(ID, ReportData.json(splits, choice), STYLE, SCRIPT);
  }

  private static String read(String resource) {
    try (InputStream in = InteractivePanel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

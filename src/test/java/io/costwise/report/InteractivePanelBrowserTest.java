package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.costwise.evaluation.CloseCalls;
import io.costwise.evaluation.CostRatioCurve;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * The report's interactive panel in headless Chromium, offline: what the page shows after the
 * slider moves or a value is typed equals the Java evaluation at that threshold and those values.
 */
class InteractivePanelBrowserTest {
  private static Browser browser;

  @TempDir Path dir;

  @BeforeAll
  static void startBrowser() {
    if (Browser.installed()) {
      browser = Browser.start();
    }
  }

  /** Each test is skipped with the reason, rather than the class vanishing from the counts. */
  @BeforeEach
  void needsBrowser() {
    assumeTrue(browser != null, Browser.MISSING);
  }

  @AfterAll
  static void quitBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /**
   * The panel's figures, named as the test vector names them, read in one script call (a WebDriver
   * round trip per figure made the vector test take over a minute).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> pageFigures() {
    Map<String, String> read =
        (Map<String, String>)
            browser.script(
                "const t = (id) => document.getElementById('cw-' + id).textContent;"
                    + " const out = {};"
                    + " for (const c of ['tn', 'fp', 'fn', 'tp']) out[c] = t(c).replaceAll(',', '');"
                    + " out.closeCalls = '[' + ['tn', 'fp', 'fn', 'tp'].map((c) =>"
                    + " t('cc-' + c).replaceAll(',', '')).join(',') + ']';"
                    + " for (const r of ['precision', 'recall', 'f1', 'accuracy']) out[r] = t(r);"
                    + " for (const m of ['ev', 'nobody', 'everyone', 'perfect']) {"
                    + " out[m + 'Total'] = t(m + '-total'); out[m + 'PerCase'] = t(m + '-case'); }"
                    + " return out;");
    Map<String, String> ordered = new LinkedHashMap<>();
    List.of("tn", "fp", "fn", "tp", "closeCalls", "precision", "recall", "f1", "accuracy")
        .forEach(key -> ordered.put(key, read.get(key)));
    InteractiveVector.MONEY.forEach(key -> ordered.put(key, read.get(key)));
    return ordered;
  }

  @Test
  void typedThresholdsGiveTheSharedVectorsFigures() throws IOException {
    InteractiveVector vector = InteractiveVector.load();
    int i = 0;
    for (InteractiveVector.Case c : vector.cases()) {
      Path out = dir.resolve("vector-" + i++);
      ModelReport.write(out, new ReportContext("vector", Map.of()), List.of(vector.split(c, 0.5)));
      browser.open(out.resolve("report.html"));
      // With cost columns there is no one ratio to vary: the cost-ratio chart says so instead.
      assertEquals(
          c.fpCosts() != null || c.fnCosts() != null,
          browser.script("return !!document.querySelector('#cw-chart-ratio .cw-missing')"),
          "cost-ratio chart left out, with its reason, exactly when costs differ per case");
      for (InteractiveVector.Expected expected : c.expected()) {
        browser.type("cw-threshold", Double.toString(expected.threshold()));
        String where = c.values() + " at " + expected.threshold();
        assertEquals(expected.figures(), pageFigures(), where);
        Evaluation java = vector.split(c, expected.threshold()).evaluation();
        assertEquals(InteractiveVector.figuresOf(java), pageFigures(), where);
      }
      browser.assertNoConsoleErrors();
    }
  }

  @Test
  void slidingAndTypingAValueMatchTheJavaEvaluation() throws IOException {
    ScoredSplit split = Fixtures.logistic("validation", 1700, 300, 0, 0.5, 7);
    ModelReport.write(dir, new ReportContext("slider", Map.of()), List.of(split));
    browser.open(dir.resolve("report.html"));
    assertEquals("0.5", browser.find("cw-threshold").getAttribute("value"));

    browser.find("cw-slider").sendKeys(Keys.ARROW_LEFT.toString().repeat(250));
    double moved = Double.parseDouble(browser.find("cw-threshold").getAttribute("value"));
    assertTrue(moved < 0.1, "250 steps left on the log-odds slider from 0.5: " + moved);
    assertEquals(figures(split, moved, Fixtures.REFERENCE), pageFigures(), "after sliding");

    browser.type("cw-v-fp", "-1000.01");
    OutcomeValues typed = new OutcomeValues(0, -1000.01, -252000, -35280, "USD");
    assertEquals(figures(split, moved, typed), pageFigures(), "after typing FP = -1000.01");

    browser.find("cw-go-optimal").click();
    assertEquals(
        typed.costOptimalThreshold(),
        Double.parseDouble(browser.find("cw-threshold").getAttribute("value")));
    assertEquals(figures(split, typed.costOptimalThreshold(), typed), pageFigures());
    browser.assertNoConsoleErrors();
    browser.screenshot("panel-slider", null);
  }

  @Test
  void comparisonPageOffersEachModel() throws IOException {
    List<ComparedModel> models =
        List.of(
            new ComparedModel("builtin", "plain", Fixtures.logistic("test", 88, 55, 0, 0.5, 1)),
            new ComparedModel("medical", "fn 200", Fixtures.logistic("test", 88, 55, 2, 0.3, 1)));
    ComparisonReport.write(dir, "two models", models);
    browser.open(dir.resolve("report.html"));
    assertEquals(figures(models.get(0).test(), 0.5, Fixtures.REFERENCE), pageFigures());

    browser.choose("cw-split", "medical");
    assertEquals("0.3", browser.find("cw-threshold").getAttribute("value"));
    Map<String, String> medical = pageFigures();
    assertEquals(figures(models.get(1).test(), 0.3, Fixtures.REFERENCE), medical);
    assertNotEquals(figures(models.get(0).test(), 0.3, Fixtures.REFERENCE), medical);
    browser.assertNoConsoleErrors();
  }

  @Test
  void everyChartMarksTheThresholdAndAnswersHover() throws IOException {
    ModelReport.write(
        dir,
        new ReportContext("charts", Map.of()),
        List.of(Fixtures.logistic("validation", 300, 100, 0, 0.5, 3)));
    browser.open(dir.resolve("report.html"));
    // The expected-value chart last, so the screenshot shows its hover value.
    for (String chart : List.of("ratio", "hist", "rel", "pr", "roc", "ev")) {
      String id = "cw-chart-" + chart;
      assertTrue(
          (Boolean)
              browser.script(
                  "const c = document.getElementById(arguments[0]);"
                      + " return !!c.querySelector('.cw-marker, circle[fill=\"#222\"]');",
                  id),
          id + " has no threshold marker");
      browser.script(
          "const svg = document.querySelector('#' + arguments[0] + ' svg');"
              + " const r = svg.getBoundingClientRect();"
              + " svg.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + r.width * 0.55,"
              + " clientY: r.top + r.height / 2, bubbles: true}));",
          id);
      String tip = (String) browser.script("return document.querySelector('.cw-tip').innerText");
      assertTrue(!tip.isBlank(), id + " shows no value on hover");
      if (!chart.equals("ev")) {
        browser.script(
            "document.querySelector('#' + arguments[0] + ' svg').dispatchEvent("
                + "new MouseEvent('mouseleave'))",
            id);
      }
    }
    String peak = browser.text("cw-peak");
    assertTrue(peak.matches("[0-9.]+|above every score.*"), peak);
    // The whole panel, for a person to look at (docs/img/report.png is taken from here).
    browser.resize(1100, 2400);
    browser.screenshot("panel", InteractivePanel.ID);
    browser.resize(1100, 900);
  }

  /**
   * The cost-ratio chart follows the typed values: hovered at its marker (the typed ratio), its
   * cost-optimal value is the panel's expected value per case at the cost-optimal threshold, and
   * Java's {@link CostRatioCurve} gives the same at that ratio.
   */
  @Test
  void costRatioChartAtTheTypedRatioIsThePanelsCostOptimalFigure() throws IOException {
    ScoredSplit split = Fixtures.logistic("validation", 1700, 300, 0, 0.5, 5);
    ModelReport.write(dir, new ReportContext("ratio", Map.of()), List.of(split));
    browser.open(dir.resolve("report.html"));
    browser.type("cw-v-fp", "-2500");
    OutcomeValues typed = new OutcomeValues(0, -2500, -252000, -35280, "USD");
    double own = CostRatioCurve.ownRatio(typed);
    String marker =
        (String)
            browser.script(
                "return document.querySelector('#cw-chart-ratio .cw-marker').getAttribute('x1')");
    assertTrue(marker != null, "the ratio chart marks the typed ratio");
    browser.script(
        "const svg = document.querySelector('#cw-chart-ratio svg');"
            + " const r = svg.getBoundingClientRect(), w = svg.viewBox.baseVal.width;"
            + " svg.dispatchEvent(new MouseEvent('mousemove',"
            + " {clientX: r.left + arguments[0] * r.width / w,"
            + " clientY: r.top + r.height / 2, bubbles: true}));",
        Double.parseDouble(marker));
    String tip = (String) browser.script("return document.querySelector('.cw-tip').innerText");
    assertTrue(
        tip.startsWith("your ratio " + String.format("%.4g", own).replaceAll("\\.?0+$", "")),
        tip + " at ratio " + own);
    java.util.regex.Matcher value =
        java.util.regex.Pattern.compile("at cost-optimal threshold ([0-9.e-]+): (\\S+) per case")
            .matcher(tip);
    assertTrue(value.find(), tip);
    browser.find("cw-go-optimal").click();
    assertEquals(
        Double.toString(typed.costOptimalThreshold()),
        browser.find("cw-threshold").getAttribute("value"));
    assertEquals(browser.text("cw-ev-case"), value.group(2), tip);
    CostRatioCurve java =
        CostRatioCurve.of(split.scores(), split.labels(), typed, 0.5, new double[] {own});
    assertEquals(
        Formats.money(java.points().get(0).atCostOptimal(), "USD"), value.group(2), "Java's curve");
    assertEquals(
        Formats.money(java.points().get(0).atFixed(), "USD"),
        tip.replaceAll("(?s).*at threshold 0.5: (\\S+) per case.*", "$1"),
        "Java's curve at the fixed threshold");
    // A false alarm that costs nothing leaves no ratio: the chart says so, and comes back.
    browser.type("cw-v-fp", "0");
    assertTrue(
        (Boolean) browser.script("return !!document.querySelector('#cw-chart-ratio .cw-missing')"));
    browser.type("cw-v-fp", "-2500");
    assertTrue(
        (Boolean) browser.script("return !!document.querySelector('#cw-chart-ratio .cw-marker')"));
    browser.assertNoConsoleErrors();
    browser.screenshot("panel-ratio", "cw-chart-ratio");
  }

  /**
   * With scores calibrated, the reliability chart shows the network's own scores too, as the PNG.
   */
  @Test
  void reliabilityChartShowsTheScoresBeforeCalibration() throws IOException {
    ScoredSplit calibrated = Fixtures.logistic("validation", 300, 100, 0, 0.5, 3);
    double[] raw = calibrated.scores().clone();
    for (int i = 0; i < raw.length; i++) {
      raw[i] = raw[i] * raw[i]; // over-confident that cases are negative
    }
    ScoredSplit split =
        new ScoredSplit(
            "validation", calibrated.scores(), calibrated.labels(), calibrated.evaluation(), raw);
    ModelReport.write(dir, new ReportContext("before", Map.of()), List.of(split));
    browser.open(dir.resolve("report.html"));
    assertTrue(
        (Boolean) browser.script("return !!document.querySelector('#cw-chart-rel path.cw-before')"),
        "no before-calibration line");
    browser.script(
        "const svg = document.querySelector('#cw-chart-rel svg');"
            + " const r = svg.getBoundingClientRect();"
            + " svg.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + r.width * 0.4,"
            + " clientY: r.top + r.height / 2, bubbles: true}));");
    String tip = (String) browser.script("return document.querySelector('.cw-tip').innerText");
    assertTrue(tip.contains("before calibration"), tip);
    browser.assertNoConsoleErrors();
    browser.screenshot("panel-reliability-before", "cw-chart-rel");
  }

  /**
   * Page size and time to a drawn panel for 1,000 and 100,000 scored rows (distinct double scores,
   * the largest case: 8 bytes each). The figures go to the test output; docs/report.md quotes them.
   */
  @Test
  void pageStaysSmallAndRendersQuicklyAt100000Rows() throws IOException {
    long[] sizes = new long[2];
    int[] rows = {1_000, 100_000};
    for (int i = 0; i < rows.length; i++) {
      Path out = dir.resolve("rows-" + rows[i]);
      ScoredSplit split = Fixtures.logistic("validation", rows[i] * 4 / 5, rows[i] / 5, 0, 0.5, 11);
      ModelReport.write(out, new ReportContext("size", Map.of()), List.of(split));
      Path page = out.resolve("report.html");
      sizes[i] = java.nio.file.Files.size(page);
      browser.open(page);
      long ready = Long.parseLong(browser.find(InteractivePanel.ID).getAttribute("data-ready-ms"));
      browser.find("cw-slider").sendKeys(Keys.ARROW_LEFT.toString());
      double slide =
          Double.parseDouble(browser.find(InteractivePanel.ID).getAttribute("data-update-ms"));
      browser.type("cw-v-fn", "-250000");
      double revalue =
          Double.parseDouble(browser.find(InteractivePanel.ID).getAttribute("data-update-ms"));
      System.out.printf(
          "report.html, %,d rows: %,d bytes (the panel's data %,d); panel drawn %d ms after"
              + " navigation; slider step %.1f ms; new value %.1f ms%n",
          rows[i],
          sizes[i],
          ReportData.json(List.of(split), "Split").length(),
          ready,
          slide,
          revalue);
      assertTrue(ready < 15_000, rows[i] + " rows: panel took " + ready + " ms");
      browser.assertNoConsoleErrors();
    }
    // Per distinct score: 8 bytes of score in base64 (10.7 characters) and two small counts.
    assertTrue(sizes[1] - sizes[0] < 99_000 * 16L, "100,000 rows add " + (sizes[1] - sizes[0]));
  }

  /** What the page should show: the Java evaluation at that threshold with those values. */
  private static Map<String, String> figures(ScoredSplit split, double t, OutcomeValues values) {
    return InteractiveVector.figuresOf(
        Evaluation.of(split.scores(), split.labels(), t, values, CloseCalls.DEFAULT_WIDTH));
  }
}

package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.evaluation.CloseCalls;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReportTest {
  @TempDir Path dir;

  private static ReportContext context(String title) {
    LinkedHashMap<String, String> facts = new LinkedHashMap<>();
    facts.put("loss", "custom");
    facts.put("fn_cost", "200");
    facts.put("threshold rule", "fixed 0.5");
    return new ReportContext(title, facts);
  }

  @Test
  void writesJsonHtmlAndOneChartPerKindAndSplit() throws IOException {
    Path out = dir.resolve("new/report");
    List<Path> written =
        ModelReport.write(
            out,
            context("medical"),
            List.of(
                Fixtures.logistic("train", 269, 157, 0, 0.5, 1),
                Fixtures.logistic("validation", 88, 55, 0, 0.5, 2)));

    assertEquals(
        List.of(
            "evaluation.json",
            "report.html",
            "roc.png",
            "expected-value.png",
            "reliability.png",
            "expected-value-log-odds.png",
            "precision-recall.png",
            "cost-ratio.png",
            "scores-train.png",
            "scores-validation.png"),
        written.stream().map(path -> path.getFileName().toString()).toList());
    for (Path file : written) {
      assertEquals(out, file.getParent());
      assertTrue(Files.size(file) > 1000, file + " is nearly empty");
      if (file.toString().endsWith(".png")) {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is not a readable PNG");
        assertEquals(900, image.getWidth());
        assertEquals(560, image.getHeight());
      }
    }
  }

  @Test
  void htmlShowsTheNumbersAndIsSelfContained() throws IOException {
    ScoredSplit test = Fixtures.reference("test");
    ModelReport.write(dir, context("builtin"), List.of(test));
    String html = Files.readString(dir.resolve("report.html"));

    assertTrue(html.contains("TN 85"), "confusion matrix");
    assertTrue(html.contains("FP 3"));
    assertTrue(html.contains("FN 4"));
    assertTrue(html.contains("TP 51"));
    assertTrue(html.contains("-$19,658.34"), "expected value per case");
    assertTrue(html.contains("-$2,811,143.01"), "expected value in total");
    assertTrue(html.contains(Formats.decimal(test.evaluation().roc().auc(), 4)), "AUC");
    // The reference's 0.5 threshold has FP 0.5 and 0.52 and FN 0.45 within ±0.05.
    assertTrue(html.contains("Close calls (±0.05)"));
    assertTrue(html.contains("precision"));
    assertTrue(html.contains("weighted avg"));
    assertTrue(html.contains("-$252,000.00"), "outcome values");
    assertTrue(html.contains("<th scope=\"row\">fn_cost</th><td class=\"n\">200</td>"), "facts");
    assertTrue(html.contains("is worth on average -$19,658.34"), "the plain sentence");
    assertEquals(
        7,
        count(html, "data:image/png;base64,"),
        "ROC, PR, EV twice, cost ratio, reliability and one histogram, inlined");
    assertFalse(html.contains("http://"), "nothing fetched");
    assertFalse(html.contains("https://"), "nothing fetched");
    assertEquals(2, count(html, "<script"), "only the panel's data and its inline script");
    assertFalse(html.contains("<script src"), "no script fetched");
  }

  @Test
  void escapesUserText() throws IOException {
    LinkedHashMap<String, String> facts = new LinkedHashMap<>();
    facts.put("<b>key</b>", "a & b");
    ModelReport.write(
        dir,
        new ReportContext("<script>alert('x')</script>", facts),
        List.of(Fixtures.reference("<i>test</i>")));
    String html = Files.readString(dir.resolve("report.html"));

    assertFalse(html.contains("<script>alert"));
    assertFalse(html.contains("<b>key"));
    assertFalse(html.contains("<i>test"));
    assertTrue(html.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>"));
    assertTrue(html.contains("a &amp; b"));
    assertTrue(Files.exists(dir.resolve("scores-i-test-i.png")), "file name made safe");
  }

  @Test
  void jsonHasTheHandMadeFigures() throws IOException {
    // Negatives 0.1 and 0.4, positives 0.35 and 0.8; at 0.5: TN 2, FP 0, FN 1, TP 1.
    ScoredSplit split =
        Fixtures.split(
            "validation", new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}, 0.5);
    ModelReport.write(dir, context("four cases"), List.of(split));
    Map<String, Object> json = Json.read(dir.resolve("evaluation.json"));

    assertEquals("four cases", json.get("title"));
    assertEquals(
        List.of("loss", "fn_cost", "threshold rule"),
        List.copyOf(Json.map(json, "facts").keySet()));
    assertEquals("USD", json.get("unit"));
    assertEquals(
        Map.of("tn", 0.0, "fp", -1287.67, "fn", -252000.0, "tp", -35280.0),
        Json.map(json, "values"));
    Map<String, Object> v = Json.map(Json.map(json, "splits"), "validation");
    assertEquals(0.5, v.get("threshold"));
    assertEquals(Map.of("tn", 2, "fp", 0, "fn", 1, "tp", 1), Json.map(v, "confusion_matrix"));
    assertEquals(0.75, v.get("accuracy"));
    assertEquals(0.75, v.get("auc")); // 3 of the 4 positive-negative pairs are ordered correctly
    Map<String, Object> report = Json.map(v, "classification_report");
    assertEquals(
        Map.of("precision", 2 / 3.0, "recall", 1.0, "f1", 0.8, "support", 2),
        Json.map(report, "0"));
    assertEquals(
        Map.of("precision", 1.0, "recall", 0.5, "f1", 2 / 3.0, "support", 2),
        Json.map(report, "1"));
    assertEquals(5 / 6.0, (double) Json.map(report, "macro_avg").get("precision"), 1e-15);
    assertTrue(report.containsKey("weighted_avg"));
    // (2·0 − 252,000 − 35,280) / 4
    assertEquals(
        Map.of("per_case", -71820.0, "total", -287280.0),
        Map.of(
            "per_case", ((Number) Json.map(v, "expected_value").get("per_case")).doubleValue(),
            "total", ((Number) Json.map(v, "expected_value").get("total")).doubleValue()));
    assertEquals(
        Map.of("width", 0.05, "tn", 0, "fp", 0, "fn", 0, "tp", 0), Json.map(v, "close_calls"));
    assertEquals(split.evaluation().probabilityScores().logLoss(), v.get("log_loss"));
    assertEquals(split.evaluation().probabilityScores().brierScore(), v.get("brier"));

    List<Map<String, Object>> roc = Json.list(v, "roc");
    assertEquals(5, roc.size());
    assertEquals(Json.point("fpr", 0.0, "tpr", 0.0, "threshold", null), roc.get(0));
    assertEquals(Json.point("fpr", 0.0, "tpr", 0.5, "threshold", 0.8), roc.get(1));
    assertEquals(Json.point("fpr", 1.0, "tpr", 1.0, "threshold", 0.1), roc.get(4));
    List<Map<String, Object>> curve = Json.list(v, "expected_value_curve");
    assertEquals(7, curve.size()); // 0, the four scores, just above 0.8, and 1
    Map<String, Object> flagAll = curve.get(0);
    assertEquals(0.0, flagAll.get("threshold"));
    assertEquals(-18283.835, flagAll.get("per_case")); // (2·−1,287.67 + 2·−35,280) / 4
    assertEquals(
        List.of(0, 2, 0, 2),
        List.of(flagAll.get("tn"), flagAll.get("fp"), flagAll.get("fn"), flagAll.get("tp")));
    assertEquals(1.0, curve.get(6).get("threshold"));
    assertEquals(false, v.get("curve_points_thinned"));
  }

  @Test
  void undefinedFiguresAreNullInJson() throws IOException {
    ScoredSplit negativesOnly =
        Fixtures.split("train", new double[] {0.1, 0.2, 0.7}, new int[] {0, 0, 0}, 0.5);
    ModelReport.write(dir, context("one class"), List.of(negativesOnly));
    String text = Files.readString(dir.resolve("evaluation.json"));
    Map<String, Object> split =
        Json.map(Json.map(Json.read(dir.resolve("evaluation.json")), "splits"), "train");

    assertFalse(text.contains("NaN"));
    assertFalse(text.contains("Infinity"));
    assertTrue(split.containsKey("auc"));
    assertEquals(null, split.get("auc"));
    Map<String, Object> last = Json.list(split, "roc").get(3);
    assertEquals(1.0, last.get("fpr"));
    assertEquals(null, last.get("tpr")); // no positives: the rate is undefined
    assertTrue(Files.readString(dir.resolve("report.html")).contains("not defined"));
  }

  @Test
  void longCurvesAreThinnedKeepingBothEnds() throws IOException {
    int n = 10_000;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      scores[i] = (i + 0.5) / n;
      labels[i] = i % 3 == 0 ? 0 : 1;
    }
    ScoredSplit big = Fixtures.split("train", scores, labels, 0.5);
    ModelReport.write(dir, context("big"), List.of(big));
    Map<String, Object> split =
        Json.map(Json.map(Json.read(dir.resolve("evaluation.json")), "splits"), "train");

    assertEquals(true, split.get("curve_points_thinned"));
    List<Map<String, Object>> roc = Json.list(split, "roc");
    assertEquals(2000, roc.size());
    assertEquals(Json.point("fpr", 0.0, "tpr", 0.0, "threshold", null), roc.get(0));
    assertEquals(Json.point("fpr", 1.0, "tpr", 1.0, "threshold", 0.5 / n), roc.get(1999));
    List<Map<String, Object>> curve = Json.list(split, "expected_value_curve");
    assertEquals(2000, curve.size());
    assertEquals(0.0, curve.get(0).get("threshold"));
    assertEquals(1.0, curve.get(1999).get("threshold"));
    assertEquals(n, ((Number) split.get("cases")).intValue());
  }

  @Test
  void rejectsSplitsThatCannotShareAReport() {
    ScoredSplit a = Fixtures.reference("test");
    assertThrows(
        IllegalArgumentException.class, () -> ModelReport.write(dir, context("x"), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelReport.write(dir, context("x"), List.of(a, Fixtures.reference("test"))));
    OutcomeValues other = new OutcomeValues(0, -1, -10, -2, "EUR");
    ScoredSplit euros =
        new ScoredSplit(
            "validation",
            a.scores(),
            a.labels(),
            Evaluation.of(a.scores(), a.labels(), 0.5, other, CloseCalls.DEFAULT_WIDTH));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelReport.write(dir, context("x"), List.of(a, euros)));
    assertFalse(Files.exists(dir.resolve("report.html")), "nothing written on bad input");
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}

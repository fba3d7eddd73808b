package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {
  @TempDir Path dir;

  private static List<ComparedModel> models() {
    return List.of(
        new ComparedModel("builtin", "binary cross-entropy", Fixtures.reference("test")),
        new ComparedModel(
            "5:1", "custom loss, fn_cost 5", Fixtures.logistic("test", 88, 55, 1.0, 0.5, 8)),
        new ComparedModel(
            "medical",
            "custom loss, fn_cost 200",
            Fixtures.logistic("test", 88, 55, 0.3, 0.005907, 9)));
  }

  @Test
  void writesThePageAndChartsForEveryModel() throws IOException {
    List<Path> written = ComparisonReport.write(dir.resolve("demo"), "Three models", models());

    assertEquals(
        List.of(
            "report.html",
            "roc.png",
            "expected-value.png",
            "expected-value-log-odds.png",
            "precision-recall.png",
            "cost-ratio.png",
            "scores-builtin.png",
            "scores-5-1.png",
            "scores-medical.png"),
        written.stream().map(path -> path.getFileName().toString()).toList());
    for (Path png : written.subList(1, written.size())) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertNotNull(image, png + " is not a readable PNG");
      assertEquals(900, image.getWidth());
      assertEquals(560, image.getHeight());
    }
  }

  @Test
  void tableSetsTheModelsSideBySide() throws IOException {
    List<ComparedModel> models = models();
    ComparisonReport.write(dir, "Three models", models);
    String html = Files.readString(dir.resolve("report.html"));

    assertTrue(
        html.contains(
            "<th scope=\"col\">builtin</th><th scope=\"col\">5:1</th>"
                + "<th scope=\"col\">medical</th>"),
        "one column per model, in order");
    assertTrue(html.contains("<th scope=\"row\">FN</th><td class=\"n\">4</td>"), "builtin's FN");
    assertTrue(html.contains("<th scope=\"row\">TN</th><td class=\"n\">85</td>"), "builtin's TN");
    assertTrue(html.contains("-$19,658.34"), "builtin's expected value per case");
    for (ComparedModel model : models) {
      var e = model.test().evaluation();
      assertTrue(html.contains(Formats.money(e.values().perCase(e.matrix(), 2), "USD")));
      assertTrue(html.contains(Formats.decimal(e.roc().auc(), 4)));
    }
    assertTrue(html.contains("<td class=\"n\">0.005907</td>"), "medical's threshold");
    assertTrue(html.contains("Precision 1"));
    assertTrue(html.contains("Recall 0"));
    assertEquals(8, html.split("data:image/png;base64,", -1).length - 1, "5 shared + 3 histograms");
    assertFalse(html.contains("http://"));
    assertFalse(html.contains("https://"));
  }

  @Test
  void namesTheModelWithTheBestExpectedValue() throws IOException {
    ScoredSplit worse = Fixtures.reference("test");
    ScoredSplit better = Fixtures.logistic("test", 88, 55, 1.0, 0.5, 8);
    assertTrue(
        better.evaluation().expectedValuePerCase() > worse.evaluation().expectedValuePerCase());
    ComparisonReport.write(
        dir,
        "Two <models>",
        List.of(
            new ComparedModel("a&b", "worse", worse), new ComparedModel("c", "better", better)));
    String html = Files.readString(dir.resolve("report.html"));

    String margin =
        Formats.money(
            better
                .evaluation()
                .expectedValuePerCase(2)
                .subtract(worse.evaluation().expectedValuePerCase(2)),
            "USD");
    assertTrue(html.contains("best is c, "), html);
    assertTrue(html.contains("; next is a&amp;b, "), "the runner-up");
    assertTrue(html.contains(": c is " + margin + " per case better ("), "the margin");
    String marginTotal =
        Formats.money(
            better
                .evaluation()
                .expectedValueTotal()
                .subtract(worse.evaluation().expectedValueTotal())
                .setScale(2, java.math.RoundingMode.HALF_UP),
            "USD");
    // The whole split's difference too: per case it can round to 0.00 with costs of a few euros.
    assertTrue(html.contains(marginTotal + " over these 143 cases)"), "the total margin");
    assertTrue(html.contains("no error bar"), "one split: says it has no uncertainty");
    assertTrue(html.contains("<h1>Two &lt;models&gt;</h1>"));
  }

  @Test
  void headlineComparesEachModelAtItsBestRule() throws IOException {
    // Model "a" is worse than "b" at 0.5 but better at its other rule: the headline must say so.
    ScoredSplit a = Fixtures.logistic("test", 88, 55, 0.3, 0.5, 9);
    ScoredSplit b = Fixtures.logistic("test", 88, 55, 1.0, 0.5, 8);
    double costOptimal = Fixtures.REFERENCE.costOptimalThreshold();
    var aOptimal =
        io.costwise.evaluation.Evaluation.of(
            a.scores(), a.labels(), costOptimal, Fixtures.REFERENCE, 0.05);
    var bOptimal =
        io.costwise.evaluation.Evaluation.of(
            b.scores(), b.labels(), costOptimal, Fixtures.REFERENCE, 0.05);
    List<ComparedModel> models =
        List.of(
            new ComparedModel("a", "", a, "0.5", java.util.Map.of("cost-optimal", aOptimal)),
            new ComparedModel("b", "", b, "0.5", java.util.Map.of("cost-optimal", bOptimal)));
    var bests = ComparisonHeadline.bests(models);
    double aBest = Math.max(a.evaluation().expectedValuePerCase(), aOptimal.expectedValuePerCase());
    double bBest = Math.max(b.evaluation().expectedValuePerCase(), bOptimal.expectedValuePerCase());
    assertEquals(aBest, bests.get(0).evaluation().expectedValuePerCase());
    assertEquals(bBest, bests.get(1).evaluation().expectedValuePerCase());
    String winner = aBest > bBest ? "a" : "b";
    String text = ComparisonHeadline.text(models);
    assertTrue(text.startsWith("Each model at its best decision rule: best is " + winner), text);
    assertEquals(winner, ComparisonHeadline.ranking(bests).first().name());

    ComparisonReport.write(dir, "rules", models);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("Expected value by decision rule"));
    assertTrue(html.contains("<th scope=\"col\">Best rule</th>"));
  }

  @Test
  void rejectsNamesThatCollide() {
    ScoredSplit test = Fixtures.reference("test");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ComparisonReport.write(
                dir,
                "x",
                List.of(new ComparedModel("5:1", "", test), new ComparedModel("5-1", "", test))));
    assertThrows(IllegalArgumentException.class, () -> ComparisonReport.write(dir, "x", List.of()));
  }
}

package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {
  private static final List<SweepPoint> POINTS =
      List.of(
          // At 0.5, ratio 5 leads ratio 1 by 2,000 with an sd of 2,500: a tie.
          new SweepPoint(1, "0.5", -20_000, 2_500, 5, 10, false),
          new SweepPoint(1, "cost-optimal", -14_000, 60, 0, 110, false),
          new SweepPoint(5, "0.5", -18_000, 1_500, 3, 12, false),
          // At cost-optimal, ratio 5 leads by 200, more than the larger sd, 70: a winner.
          new SweepPoint(5, "cost-optimal", -13_800, 70, 0, 100, true));

  @Test
  void headlinesNameAWinnerOnlyBeyondOneSdAndCompareTheKinds() {
    List<String> lines = SweepReport.headlines(POINTS, "USD");
    assertEquals(3, lines.size(), lines.toString());
    assertEquals(
        "At threshold 0.5, no training ratio is best: ratio 5 has the highest mean (-$18,000.00 ±"
            + " $1,500.00 per case), but ratios 5 and 1 are within one standard deviation of each"
            + " other — a tie.",
        lines.get(0));
    assertEquals(
        "At the cost-optimal threshold, the best training ratio is 5 (-$13,800.00 ± $70.00 per"
            + " case), $200.00 per case better than ratio 1, more than one standard deviation.",
        lines.get(1));
    assertEquals(
        "Deciding at the cost-optimal threshold gives a higher mean than at threshold 0.5 at every"
            + " one of the 2 training ratios.",
        lines.get(2));
  }

  @Test
  void writesThePageAndTheChart(@TempDir Path dir) throws Exception {
    List<Path> written =
        SweepReport.write(
            dir,
            new ReportContext(
                ReportContext.titled("sweep", "out"),
                Map.of("folds", "5"),
                List.of(),
                "2026-11-30"),
            POINTS,
            List.of(),
            "USD");
    assertEquals(List.of(dir.resolve("report.html"), dir.resolve("sweep.png")), written);
    String html = Files.readString(written.get(0));
    assertTrue(html.contains("<h1>costwise sweep: out, 2026-11-30</h1>"), html);
    assertTrue(html.contains("<td class=\"n\">-$13,800.00</td>"));
    assertTrue(html.contains("data:image/png;base64,"));
    assertTrue(html.contains("a tie"));
  }

  @Test
  void carriesTheInteractivePanelForTheOutOfFoldScores(@TempDir Path dir) throws Exception {
    double[] scores = {0.1, 0.4, 0.6, 0.9};
    int[] labels = {0, 1, 0, 1};
    ScoredSplit ratio5 =
        new ScoredSplit(
            "ratio 5, out of fold",
            scores,
            labels,
            io.costwise.evaluation.Evaluation.of(
                scores, labels, 0.5, io.costwise.evaluation.OutcomeValues.reference(), 0.05));
    String html =
        Files.readString(
            SweepReport.write(
                    dir,
                    new ReportContext("sweep", Map.of(), List.of(), "2026-11-30"),
                    POINTS,
                    List.of(ratio5),
                    "USD")
                .get(0));
    assertTrue(html.contains("id=\"" + InteractivePanel.ID + "\""), "no panel");
    assertTrue(html.contains("\"choice\":\"Training ratio\""), "no ratio menu");
    assertTrue(html.contains("\"name\":\"ratio 5, out of fold\""), "no split");
  }
}

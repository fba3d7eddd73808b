package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.evaluation.Reliability;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

class ReliabilityChartTest {
  /**
   * Scores shaped like a cost-sensitive model's, pushed up; their squares stand in for calibrated.
   */
  private static final ScoredSplit SPLIT = Fixtures.logistic("test", 300, 100, 1.0, 0.5, 17);

  private static Reliability before() {
    return Reliability.of(SPLIT.scores(), SPLIT.labels());
  }

  private static Reliability after() {
    double[] calibrated = new double[SPLIT.scores().length];
    for (int i = 0; i < calibrated.length; i++) {
      calibrated[i] = SPLIT.scores()[i] * SPLIT.scores()[i];
    }
    return Reliability.of(calibrated, SPLIT.labels());
  }

  @Test
  void rendersBothCurvesAsAPng() throws IOException {
    RenderedChart chart =
        RenderedChart.of(
            "reliability.png",
            ReliabilityChart.create("Model: reliability", before(), Optional.of(after())));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
    assertNotNull(image);
    assertEquals(Charts.WIDTH, image.getWidth());
    assertEquals(Charts.HEIGHT, image.getHeight());
    assertTrue(Fixtures.hasColour(image, Charts.BLUE), "before calibration");
    assertTrue(Fixtures.hasColour(image, Charts.VERMILLION), "after calibration");
    assertEquals("Model: reliability", chart.alt());
  }

  @Test
  void legendAndSubtitleWithBothCurves() {
    JFreeChart chart = ReliabilityChart.create("t", before(), Optional.of(after()));

    assertEquals(
        List.of("before calibration", "after calibration", "perfectly calibrated"), legend(chart));
    String subtitle = ((TextTitle) chart.getSubtitle(1)).getText();
    assertTrue(
        subtitle.startsWith(
            "Before: Brier "
                + Formats.decimal(before().brierScore(), 4)
                + ", ECE "
                + Formats.decimal(before().expectedCalibrationError(), 4)
                + "; after: Brier "),
        subtitle);
    assertTrue(subtitle.endsWith("10 bins of equal width, 400 cases"), subtitle);
  }

  @Test
  void beforeOnly() throws IOException {
    JFreeChart chart = ReliabilityChart.create("t", before(), Optional.empty());

    assertEquals(List.of("before calibration", "perfectly calibrated"), legend(chart));
    String subtitle = ((TextTitle) chart.getSubtitle(1)).getText();
    assertFalse(subtitle.contains("after"), subtitle);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.png(chart)));
    assertTrue(Fixtures.hasColour(image, Charts.BLUE));
    assertFalse(Fixtures.hasColour(image, Charts.VERMILLION));
  }

  @Test
  void emptyBinsAreSkipped() throws IOException {
    Reliability sparse = Reliability.of(new double[] {0.05, 0.93}, new int[] {0, 1});

    JFreeChart chart = ReliabilityChart.create("t", sparse, Optional.empty());

    assertEquals(2, chart.getXYPlot().getDataset().getItemCount(0));
    assertNotNull(ImageIO.read(new ByteArrayInputStream(Charts.png(chart))));
  }

  private static List<String> legend(JFreeChart chart) {
    LegendItemCollection items = chart.getXYPlot().getLegendItems();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < items.getItemCount(); i++) {
      labels.add(items.get(i).getLabel());
    }
    return labels;
  }
}

package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepChartTest {
  @TempDir Path dir;

  /** Ten ratios from 1 to 500, two threshold kinds, the cost-optimal one best at 200. */
  static List<SweepPoint> sweep() {
    List<SweepPoint> points = new ArrayList<>();
    double[] ratios = {1, 2, 5, 10, 20, 50, 100, 200, 300, 500};
    for (int i = 0; i < ratios.length; i++) {
      double hump = -Math.pow(Math.log(ratios[i] / 150), 2);
      points.add(new SweepPoint(ratios[i], "0.5", -17000 + 120 * hump, 1500, 4, 3 + 2 * i, false));
      points.add(
          new SweepPoint(ratios[i], "cost-optimal", -15600 + 60 * hump, 900, 1, 20 - i, i == 7));
    }
    return points;
  }

  @Test
  void writesAPngWithBothSeries() throws IOException {
    Path png = dir.resolve("sweep/expected-value-by-ratio.png");
    SweepChart.write(png, sweep(), "USD");

    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image);
    assertEquals(900, image.getWidth());
    assertEquals(560, image.getHeight());
    assertTrue(Fixtures.hasColour(image, Charts.BLUE), "the 0.5 series");
    assertTrue(Fixtures.hasColour(image, Charts.VERMILLION), "the cost-optimal series");
  }

  @Test
  void legendDescribesTheBestPoint() {
    List<String> labels = legend(SweepChart.create(sweep(), "USD"));

    assertEquals(
        List.of(
            "threshold 0.5",
            "cost-optimal threshold",
            "best by more than 1 sd: ratio 200, cost-optimal threshold, -$15,605 per case (mean FN 1.0, FP 13.0)"),
        labels);
  }

  @Test
  void aTieGetsNoRingAndTheChartSaysSo() {
    List<SweepPoint> tied =
        List.of(
            new SweepPoint(1, "0.5", -100, 30, 1, 2, false),
            new SweepPoint(5, "0.5", -90, 30, 1, 2, false));
    var chart = SweepChart.create(tied, "USD");
    assertFalse(legend(chart).stream().anyMatch(label -> label.startsWith("best")));
    boolean said = false;
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle text) {
        said |= text.getText().contains("a tie");
      }
    }
    assertTrue(said, "the subtitle says why nothing is ringed");
  }

  @Test
  void oneKindWithoutABestPointStillRenders() throws IOException {
    Path png = dir.resolve("one.png");
    SweepChart.write(png, List.of(new SweepPoint(5, "0.5", -100, 0, 1, 2, false)), "EUR");
    assertNotNull(ImageIO.read(png.toFile()));
    List<String> labels =
        legend(SweepChart.create(List.of(new SweepPoint(5, "0.5", -100, 0, 1, 2, false)), "EUR"));
    assertEquals(List.of("threshold 0.5"), labels);
    assertFalse(labels.stream().anyMatch(label -> label.startsWith("best")));
  }

  @Test
  void rejectsNoPointsAndBadRatios() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SweepChart.write(dir.resolve("x.png"), List.of(), ""));
    assertThrows(
        IllegalArgumentException.class, () -> new SweepPoint(0, "0.5", -1, 0, 0, 0, false));
    assertThrows(
        IllegalArgumentException.class, () -> new SweepPoint(1, "0.5", -1, -1, 0, 0, false));
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

package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.evaluation.ConfusionMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ScoreHistogramTest {
  @Test
  void binsByDecimalValueAndSplitsCorrectFromWrong() {
    // 0.15 / 0.05 is 2.9999999999999996 in binary; a reader puts 0.15 in [0.15, 0.2).
    double[] scores = {0.0, 0.15, 0.49, 0.5, 1.0, 0.2, 0.7};
    int[] labels = {0, 0, 0, 0, 0, 1, 1};
    ScoreHistogram h = ScoreHistogram.of(scores, labels, 0.5, 0.05);

    assertEquals(20, h.bins());
    long[] tn = new long[20];
    tn[0] = 1;
    tn[3] = 1;
    tn[9] = 1;
    long[] fp = new long[20];
    fp[10] = 1; // 0.5 is at the threshold: positive, so a false positive
    fp[19] = 1; // 1.0 closes the last bin
    assertArrayEquals(tn, h.negativeCorrect);
    assertArrayEquals(fp, h.negativeWrong);
    assertEquals(1, h.positiveWrong[4]);
    assertEquals(1, h.positiveCorrect[14]);
    assertEquals(0.025, h.centre(0), 1e-15);
  }

  @Test
  void sumsAreTheConfusionMatrix() {
    ScoredSplit split = Fixtures.logistic("test", 88, 55, 0.3, 0.005907, 9);
    ScoreHistogram h = ScoreHistogram.of(split.scores(), split.labels(), 0.005907, 0.05);
    ConfusionMatrix m = split.evaluation().matrix();

    assertEquals(m.tn(), ScoreHistogram.sum(h.negativeCorrect));
    assertEquals(m.fp(), ScoreHistogram.sum(h.negativeWrong));
    assertEquals(m.fn(), ScoreHistogram.sum(h.positiveWrong));
    assertEquals(m.tp(), ScoreHistogram.sum(h.positiveCorrect));
  }

  @Test
  void rejectsBinWidthsThatDoNotDivideTheUnitInterval() {
    assertEquals(50, ScoreHistogram.binCount(0.02));
    assertThrows(IllegalArgumentException.class, () -> ScoreHistogram.binCount(0.03));
    assertThrows(IllegalArgumentException.class, () -> ScoreHistogram.binCount(0));
    assertThrows(IllegalArgumentException.class, () -> ScoreHistogram.binCount(1.5));
  }

  @Test
  void chartDrawsCorrectAndWrongInTheirColours() throws IOException {
    ScoredSplit split = Fixtures.reference("test");
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                Charts.png(ScoreHistogramChart.create("builtin — test", split, 0.05))));

    assertNotNull(image);
    assertTrue(Fixtures.hasColour(image, ScoreHistogramChart.CORRECT));
    assertTrue(Fixtures.hasColour(image, ScoreHistogramChart.WRONG));
  }

  @Test
  void binsEqualDecimalBinningForRandomScoresAndEdges() {
    java.util.Random random = new java.util.Random(3);
    int n = 200_000;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      // Every fourth score sits on or next to a bin edge, the rest anywhere.
      double edge = random.nextInt(21) * 0.05;
      scores[i] =
          switch (i % 4) {
            case 0 -> Math.min(1, edge);
            case 1 -> Math.min(1, Math.nextUp(edge));
            case 2 -> Math.max(0, Math.nextDown(edge));
            default -> random.nextDouble();
          };
      labels[i] = random.nextInt(2);
    }
    ScoreHistogram histogram = ScoreHistogram.of(scores, labels, 2.0, 0.05);
    long[] expected = new long[20];
    for (int i = 0; i < n; i++) {
      if (labels[i] == 0) {
        int bin =
            Math.min(
                19,
                java.math.BigDecimal.valueOf(scores[i])
                    .multiply(java.math.BigDecimal.valueOf(20))
                    .intValue());
        expected[bin]++;
      }
    }
    assertArrayEquals(expected, histogram.negativeCorrect);
  }
}

package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

  @Test
  void perfectlyCalibratedBinsHaveNoError() {
    // Bin [0.2, 0.3): four scores of 0.25, one positive. Bin [0.7, 0.8): 0.7 and 0.8 would
    // straddle bins, so ten scores of 0.7 (and 0.7 is in [0.7, 0.8)), seven positive.
    double[] scores = new double[14];
    int[] labels = new int[14];
    for (int i = 0; i < 4; i++) {
      scores[i] = 0.25;
    }
    labels[0] = 1;
    for (int i = 4; i < 14; i++) {
      scores[i] = 0.7;
      labels[i] = i < 11 ? 1 : 0;
    }

    Reliability r = Reliability.of(scores, labels);

    assertEquals(0, r.expectedCalibrationError(), 1e-15);
    assertEquals(0, r.maximumCalibrationError(), 1e-15);
    assertEquals(4, r.bins().get(2).count());
    assertEquals(0.25, r.bins().get(2).fractionPositive());
    assertEquals(10, r.bins().get(7).count());
    assertEquals(0.7, r.bins().get(7).meanScore(), 1e-15);
    assertEquals(0.7, r.bins().get(7).fractionPositive(), 1e-15);
  }

  @Test
  void aHandCheckedExample() {
    double[] scores = {0.05, 0.15, 0.12, 0.95, 0.9, 1.0, 0.45};
    int[] labels = {0, 1, 0, 1, 0, 1, 1};

    Reliability r = Reliability.of(scores, labels);

    // Bin 0 [0, 0.1): {0.05 → 0}: mean 0.05, positives 0, gap 0.05.
    // Bin 1 [0.1, 0.2): {0.15 → 1, 0.12 → 0}: mean 0.135, fraction 0.5, gap 0.365.
    // Bin 4 [0.4, 0.5): {0.45 → 1}: gap 0.55.
    // Bin 9 [0.9, 1.0]: {0.95 → 1, 0.9 → 0, 1.0 → 1}: mean 0.95, fraction 2/3, gap 0.28333.
    // ECE = (1·0.05 + 2·0.365 + 1·0.55 + 3·0.283333) / 7 = (0.05 + 0.73 + 0.55 + 0.85) / 7
    //     = 2.18 / 7 = 0.311428571...
    assertEquals(7, r.cases());
    assertEquals(2.18 / 7, r.expectedCalibrationError(), 1e-15);
    assertEquals(0.55, r.maximumCalibrationError(), 1e-15);
    // Brier = (0.05² + 0.85² + 0.12² + 0.05² + 0.9² + 0² + 0.55²) / 7 = 1.8544 / 7
    assertEquals(1.8544 / 7, r.brierScore(), 1e-15);
    assertEquals(ProbabilityScores.of(scores, labels).brierScore(), r.brierScore(), 1e-15);

    Reliability.Bin one = r.bins().get(1);
    assertEquals(0.1, one.lower());
    assertEquals(0.2, one.upper());
    assertEquals(2, one.count());
    assertEquals(0.135, one.meanScore(), 1e-15);
    assertEquals(0.5, one.fractionPositive());
    Reliability.Bin last = r.bins().get(9);
    assertEquals(0.9, last.lower());
    assertEquals(1.0, last.upper());
    assertEquals(3, last.count());
    assertEquals(2.0 / 3, last.fractionPositive(), 1e-15);
  }

  @Test
  void emptyBinsAreReportedWithCountZero() {
    Reliability r = Reliability.of(new double[] {0.55}, new int[] {1});

    assertEquals(Reliability.BINS, r.bins().size());
    for (int k = 0; k < Reliability.BINS; k++) {
      Reliability.Bin bin = r.bins().get(k);
      assertEquals(k / 10.0, bin.lower());
      assertEquals((k + 1) / 10.0, bin.upper());
      if (k == 5) {
        assertEquals(1, bin.count());
      } else {
        assertEquals(0, bin.count());
        assertTrue(Double.isNaN(bin.meanScore()) && Double.isNaN(bin.fractionPositive()));
      }
    }
    assertEquals(0.45, r.expectedCalibrationError(), 1e-15);
  }

  /** A score on an edge opens the bin above; the largest score below an edge stays below. */
  @Test
  void edgesBelongToTheBinAbove() {
    for (int k = 0; k < Reliability.BINS; k++) {
      assertEquals(k, Reliability.binOf(k / 10.0), "at " + k / 10.0);
      if (k > 0) {
        assertEquals(k - 1, Reliability.binOf(Math.nextDown(k / 10.0)), "below " + k / 10.0);
      }
    }
    assertEquals(9, Reliability.binOf(1.0), "the last bin is closed");
    assertEquals(9, Reliability.binOf(Math.nextDown(1.0)));
    assertEquals(0, Reliability.binOf(Double.MIN_VALUE));
  }

  /** Scores drawn so that each is the true probability of its label: the ECE is sampling noise. */
  @Test
  void calibratedScoresHaveASmallErrorAndMiscalibratedOnesALargeOne() {
    Random random = new Random(5);
    int n = 200_000;
    double[] scores = new double[n];
    double[] squared = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      scores[i] = random.nextDouble();
      squared[i] = scores[i] * scores[i];
      labels[i] = random.nextDouble() < scores[i] ? 1 : 0;
    }

    assertTrue(Reliability.of(scores, labels).expectedCalibrationError() < 0.01);
    // Squaring lowers each score by s − s², whose mean over uniform scores is 1/6.
    assertEquals(1.0 / 6, Reliability.of(squared, labels).expectedCalibrationError(), 0.01);
  }

  @Test
  void rejectsMalformedArrays() {
    assertThrows(IllegalArgumentException.class, () -> Reliability.of(new double[0], new int[0]));
    assertThrows(
        IllegalArgumentException.class, () -> Reliability.of(new double[] {1.2}, new int[] {1}));
  }
}

package io.costwise.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.Calibration;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Isotonic calibration against scikit-learn, whose numbers {@code
 * src/test/resources/calibration/expected.py} printed (README there): {@code
 * IsotonicRegression(out_of_bounds="clip", y_min=0, y_max=1).fit(scores, labels)}, its {@code
 * X_thresholds_}, {@code y_thresholds_} and {@code predict} at {@link #PROBES}. Debian 12's
 * scikit-learn 1.2.1 (numpy 1.24.2, scipy 1.10.1) and 1.9.1 (numpy 2.4.6, scipy 1.17.1) print the
 * same numbers here, and {@code IsotonicFit} reproduces them bit for bit.
 */
class IsotonicFitTest {
  /** Below, at and above the scores' range, on and between thresholds. */
  static final double[] PROBES = {-0.5, 0.0, 0.005, 0.123, 0.5, 0.7777, 0.999, 1.0, 1.5};

  /** 200 scores on a 0.01 grid, 0 and 1 among them with both labels. */
  @Test
  void mixed() {
    assertMatches(
        "mixed",
        new double[] {
          0.0, 0.03, 0.04, 0.09, 0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.46, 0.49, 0.68, 0.7, 0.81,
          0.83, 1.0
        },
        new double[] {
          0.14285714285714285,
          0.14285714285714285,
          0.19230769230769232,
          0.19230769230769232,
          0.3333333333333333,
          0.375,
          0.375,
          0.4,
          0.4,
          0.5,
          0.5,
          0.71875,
          0.71875,
          0.9047619047619048,
          0.9047619047619048,
          0.9722222222222222,
          0.9722222222222222
        },
        new double[] {
          0.14285714285714285,
          0.14285714285714285,
          0.14285714285714285,
          0.3825,
          0.71875,
          0.9047619047619048,
          0.9722222222222222,
          0.9722222222222222,
          0.9722222222222222
        });
  }

  /** 40 scores in random order, a few repeated. */
  @Test
  void small() {
    assertMatches(
        "small",
        new double[] {0.0, 0.194, 0.198, 0.244, 0.296, 0.354, 0.395, 0.542, 0.546, 1.0},
        new double[] {0.0, 0.0, 0.25, 0.25, 0.5, 0.5, 0.6, 0.6, 1.0, 1.0},
        new double[] {0.0, 0.0, 0.0, 0.0, 0.6, 1.0, 1.0, 1.0, 1.0});
  }

  /** Every positive above every negative: a ramp between the classes. */
  @Test
  void separable() {
    assertMatches(
        "separable",
        new double[] {0.02, 0.45, 0.56, 0.98},
        new double[] {0.0, 0.0, 1.0, 1.0},
        new double[] {0.0, 0.0, 0.0, 0.0, 0.4545454545454543, 1.0, 1.0, 1.0, 1.0});
  }

  /**
   * Scores 0, 4e-16 and 9e-16 are one tie (within 1e-15 of 0), 1e-15 and 1.5e-15 another, 2e-15 a
   * third; 1 − 1.1e-16 and 1 are one, kept at its smaller score.
   */
  @Test
  void nearTies() {
    assertMatches(
        "near-ties",
        new double[] {0.0, 1e-15, 0.5, 0.7, 0.9999999999999999},
        new double[] {0.3333333333333333, 0.6, 0.6, 0.75, 0.75},
        new double[] {
          0.3333333333333333, 0.3333333333333333, 0.6, 0.6, 0.6, 0.75, 0.75, 0.75, 0.75
        });
  }

  @Test
  void oneClass() {
    assertMatches(
        "one-class",
        new double[] {0.01, 0.99},
        new double[] {0.0, 0.0},
        new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0});
  }

  @Test
  void oneDistinctScoreIsAConstant() {
    Calibration fitted = IsotonicFit.fit(new double[] {0.3, 0.3, 0.3, 0.3}, new int[] {1, 0, 0, 0});

    assertArrayEquals(new double[] {0.3}, fitted.x());
    assertArrayEquals(new double[] {0.25}, fitted.y());
    assertEquals(0.25, fitted.apply(0.0));
    assertEquals(0.25, fitted.apply(1.0));
  }

  /** Merging ties walks two sorted arrays; the input order must not matter. */
  @Test
  void inputOrderDoesNotMatter() {
    CalibrationFixture data = CalibrationFixture.read("mixed");
    Calibration fitted = IsotonicFit.fit(data.scores(), data.labels());
    int n = data.scores().length;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      scores[i] = data.scores()[n - 1 - i];
      labels[i] = data.labels()[n - 1 - i];
    }

    assertEquals(fitted, IsotonicFit.fit(scores, labels));
  }

  /**
   * Pooling keeps the weighted mean: over the points before trimming, and so over the fitting data,
   * the calibrated probabilities add up to the number of positives.
   */
  @Test
  void aMillionScoresKeepTheirPositiveCount() {
    Random random = new Random(3);
    int n = 1_000_000;
    double[] scores = new double[n];
    int[] labels = new int[n];
    long positives = 0;
    for (int i = 0; i < n; i++) {
      scores[i] = 1 / (1 + Math.exp(-2.5 * random.nextGaussian()));
      labels[i] = random.nextDouble() < scores[i] * scores[i] ? 1 : 0;
      positives += labels[i];
    }

    ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = thread.getCurrentThreadCpuTime();
    Calibration fitted = IsotonicFit.fit(scores, labels);
    long cpuMillis = (thread.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.println(
        "IsotonicFit: 1,000,000 scores in "
            + millis
            + " ms ("
            + cpuMillis
            + " ms of CPU), "
            + fitted.x().length
            + " points");
    double sum = 0;
    for (double score : scores) {
      sum += fitted.apply(score);
    }
    assertEquals(positives, sum, 1e-6 * n);
    for (int i = 1; i < fitted.y().length; i++) {
      assertTrue(fitted.x()[i] > fitted.x()[i - 1] && fitted.y()[i] >= fitted.y()[i - 1]);
    }
  }

  @Test
  void rejectsMalformedArrays() {
    assertThrows(IllegalArgumentException.class, () -> IsotonicFit.fit(null, new int[0]));
    assertThrows(
        IllegalArgumentException.class, () -> IsotonicFit.fit(new double[] {1.5}, new int[] {1}));
    assertThrows(
        IllegalArgumentException.class, () -> IsotonicFit.fit(new double[] {0.5}, new int[] {-1}));
  }

  private static void assertMatches(
      String fixture, double[] sklearnX, double[] sklearnY, double[] sklearnPredictions) {
    CalibrationFixture data = CalibrationFixture.read(fixture);

    Calibration fitted = IsotonicFit.fit(data.scores(), data.labels());

    assertEquals(Calibration.ISOTONIC, fitted.method());
    assertArrayEquals(sklearnX, fitted.x(), 1e-12, "X_thresholds_");
    assertArrayEquals(sklearnY, fitted.y(), 1e-12, "y_thresholds_");
    double[] predictions = new double[PROBES.length];
    for (int i = 0; i < PROBES.length; i++) {
      predictions[i] = fitted.apply(PROBES[i]);
    }
    assertArrayEquals(sklearnPredictions, predictions, 1e-12, "predict");
  }
}

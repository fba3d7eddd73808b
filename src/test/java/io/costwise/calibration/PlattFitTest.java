package io.costwise.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.Calibration;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Platt scaling against scikit-learn, whose numbers {@code
 * src/test/resources/calibration/expected.py} printed (README there; outputs in {@code
 * sklearn-1.2.1.txt} and {@code sklearn-1.9.1.txt}): {@code _sigmoid_calibration(logit(np.clip(
 * scores, 1e-15, 1 - 1e-15)), labels)} with Debian 12's scikit-learn 1.2.1 (numpy 1.24.2, scipy
 * 1.10.1) and with 1.9.1 (numpy 2.4.6, scipy 1.17.1), on Python 3.11.2; and the optimum that Newton
 * steps from scikit-learn's answer reach in numpy.
 */
class PlattFitTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // fixture,  scikit-learn 1.9.1 a,  scikit-learn 1.9.1 b, optimum a,             optimum b
    "mixed,      -0.19587526438733596, -0.436118301022299,   -0.19587525664406175, -0.4361182947472333",
    "small,      -0.8505732742128528,  -0.23060942206783155, -0.8505732587064446,  -0.23060941584270997",
    "separable,  -2.7129133584045224,   0.5275907727970262,  -2.712913396502843,    0.5275907569834266",
    "near-ties,  -0.008257309153145228, -0.38953357099343294, -0.008257308439546583, -0.38953357440499686",
    "one-class,   0.0,                  3.4339872044851463,   0.0,                  3.4339872044851463",
  })
  void matchesScikitLearnAndReachesTheOptimum(
      String fixture, double sklearnA, double sklearnB, double optimumA, double optimumB) {
    CalibrationFixture data = CalibrationFixture.read(fixture);

    Calibration fitted = PlattFit.fit(data.scores(), data.labels());

    assertEquals(Calibration.PLATT, fitted.method());
    assertEquals(sklearnA, fitted.a(), 1e-6, "a");
    assertEquals(sklearnB, fitted.b(), 1e-6, "b");
    assertEquals(optimumA, fitted.a(), 1e-12, "a, converged");
    assertEquals(optimumB, fitted.b(), 1e-12, "b, converged");
  }

  /** scikit-learn 1.2.1's BFGS, on the fixtures where it converged (gradient below 1e-5). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // fixture,  scikit-learn 1.2.1 a,  scikit-learn 1.2.1 b
    "mixed,      -0.19587525778330261, -0.43611822478870643",
    "separable,  -2.712913554257444,    0.5275904766156456",
    "near-ties,  -0.008257302040958413, -0.3895330469600043",
    "one-class,   0.0,                  3.4339872044851463",
  })
  void matchesScikitLearn12WhereItConverged(String fixture, double sklearnA, double sklearnB) {
    CalibrationFixture data = CalibrationFixture.read(fixture);

    Calibration fitted = PlattFit.fit(data.scores(), data.labels());

    assertEquals(sklearnA, fitted.a(), 1e-6, "a");
    assertEquals(sklearnB, fitted.b(), 1e-6, "b");
  }

  /**
   * On this fixture (a score of 0 and one of 1 among 40, logits ±34.5) scikit-learn 1.2.1's BFGS
   * stops early with "precision loss", its gradient still 4.8e-3 and its a 4.8e-4 from the optimum:
   * its objective takes ln(1 − P) of a P within 1e-13 of 1, and the rounding hides the last
   * decrease. 1.9.1, which computes the loss stably, converges (above). So does Newton's method, to
   * a loss lower than 1.2.1's answer by 1.1e-6 (numpy, computed stably: 17.782929709 against
   * 17.782930815).
   */
  @Test
  void beatsScikitLearn12WhereItStoppedEarly() {
    CalibrationFixture data = CalibrationFixture.read("small");
    double sklearnA = -0.8510489932670684;
    double sklearnB = -0.2309562976261153;

    Calibration fitted = PlattFit.fit(data.scores(), data.labels());

    assertEquals(sklearnA, fitted.a(), 1e-3);
    assertEquals(sklearnB, fitted.b(), 1e-3);
    assertTrue(
        loss(data, fitted.a(), fitted.b()) < loss(data, sklearnA, sklearnB),
        "a lower loss than scikit-learn 1.2.1's answer");
  }

  /**
   * At the optimum the loss's derivative in b vanishes: Σ (T − p) = 0, so the calibrated
   * probabilities of the fitting data add up to the regularised targets; in a: Σ f·(T − p) = 0.
   */
  @Test
  void optimumZeroesTheGradient() {
    Random random = new Random(7);
    int n = 5000;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      scores[i] = random.nextDouble();
      labels[i] = random.nextDouble() < scores[i] * scores[i] ? 1 : 0;
    }

    Calibration fitted = PlattFit.fit(scores, labels);

    double[] gradient = gradient(new CalibrationFixture("random", scores, labels), fitted);
    assertEquals(0, gradient[0], 1e-9 * n, "d loss / d a");
    assertEquals(0, gradient[1], 1e-9 * n, "d loss / d b");
    assertTrue(fitted.a() < -1, "squared probabilities: steeper than the identity (a = −1)");
  }

  /** With one distinct score only a·f + b is determined; it must give the mean target. */
  @Test
  void equalScoresCalibrateToTheRegularisedBaseRate() {
    double[] scores = new double[1000];
    Arrays.fill(scores, 0.8);
    int[] labels = new int[1000];
    Arrays.fill(labels, 0, 300, 1);

    Calibration fitted = PlattFit.fit(scores, labels);

    // (300·(301/302) + 700·(1/702)) / 1000
    double meanTarget = (300 * (301.0 / 302) + 700 * (1.0 / 702)) / 1000;
    assertEquals(meanTarget, fitted.apply(0.8), 1e-12);
  }

  @Test
  void aMillionScores() {
    Random random = new Random(11);
    int n = 1_000_000;
    double[] scores = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      double logit = 2.5 * random.nextGaussian();
      scores[i] = 1 / (1 + Math.exp(-logit));
      labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-0.5 * logit - 0.3)) ? 1 : 0;
    }

    ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = thread.getCurrentThreadCpuTime();
    Calibration fitted = PlattFit.fit(scores, labels);
    long cpuMillis = (thread.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.println(
        "PlattFit: 1,000,000 scores in " + millis + " ms (" + cpuMillis + " ms of CPU): " + fitted);
    // The labels follow 1 / (1 + exp(−(0.5·f + 0.3))): a ≈ −0.5, b ≈ −0.3.
    assertEquals(-0.5, fitted.a(), 0.01);
    assertEquals(-0.3, fitted.b(), 0.01);
  }

  @Test
  void rejectsMalformedArrays() {
    assertThrows(IllegalArgumentException.class, () -> PlattFit.fit(new double[0], new int[0]));
    assertThrows(
        IllegalArgumentException.class, () -> PlattFit.fit(new double[] {0.5}, new int[] {2}));
    assertThrows(
        IllegalArgumentException.class,
        () -> PlattFit.fit(new double[] {Double.NaN}, new int[] {1}));
    assertThrows(
        IllegalArgumentException.class, () -> PlattFit.fit(new double[] {0.5, 0.2}, new int[] {1}));
  }

  /**
   * scikit-learn's objective, Σ −[T·ln p + (1 − T)·ln(1 − p)] with p = 1 / (1 + exp(z)), z = a·f +
   * b, computed as Σ [ln(1 + e^z) − (1 − T)·z] so that p near 1 loses no precision.
   */
  private static double loss(CalibrationFixture data, double a, double b) {
    double[] targets = targets(data.labels());
    double sum = 0;
    for (int i = 0; i < targets.length; i++) {
      double z = a * Calibration.logit(data.scores()[i]) + b;
      sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (1 - targets[i]) * z;
    }
    return sum;
  }

  private static double[] gradient(CalibrationFixture data, Calibration fitted) {
    double[] targets = targets(data.labels());
    double[] gradient = new double[2];
    for (int i = 0; i < targets.length; i++) {
      double f = Calibration.logit(data.scores()[i]);
      double residual = targets[i] - fitted.apply(data.scores()[i]);
      gradient[0] += f * residual;
      gradient[1] += residual;
    }
    return gradient;
  }

  /** Platt's targets: (N+ + 1) / (N+ + 2) for positives, 1 / (N− + 2) for negatives. */
  private static double[] targets(int[] labels) {
    int positives = Arrays.stream(labels).sum();
    int negatives = labels.length - positives;
    double[] targets = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      targets[i] = labels[i] == 1 ? (positives + 1.0) / (positives + 2) : 1.0 / (negatives + 2);
    }
    return targets;
  }
}

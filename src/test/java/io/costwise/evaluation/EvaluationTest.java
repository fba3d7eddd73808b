package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EvaluationTest {
  private static final OutcomeValues REFERENCE = OutcomeValues.reference();

  /** 143 cases laid out as the builtin model's test set: TN 85, FP 3, FN 4, TP 51 at 0.5. */
  private static double[] scores() {
    double[] scores = new double[143];
    int i = 0;
    for (int k = 0; k < 85; k++) {
      scores[i++] = 0.01 + k * 0.005; // TN: 0.01 … 0.43
    }
    scores[i++] = 0.5; // FP exactly at the threshold (tie rule: positive)
    scores[i++] = 0.52; // FP, a close call
    scores[i++] = 0.9; // FP
    scores[i++] = 0.45; // FN, a close call
    scores[i++] = 0.3; // FN
    scores[i++] = 0.2; // FN
    scores[i++] = 0.1; // FN
    for (int k = 0; k < 51; k++) {
      scores[i++] = 0.6 + k * 0.005; // TP: 0.6 … 0.85
    }
    return scores;
  }

  private static int[] labels() {
    int[] labels = new int[143];
    for (int i = 88; i < 143; i++) {
      labels[i] = 1;
    }
    return labels;
  }

  @Test
  void bundlesEveryFigureForTheSplit() {
    Evaluation e = Evaluation.of(scores(), labels(), 0.5, REFERENCE, CloseCalls.DEFAULT_WIDTH);

    assertEquals(0.5, e.threshold(), 0.0);
    assertEquals(ConfusionMatrix.of(85, 3, 4, 51), e.matrix());
    assertEquals(ClassificationReport.of(e.matrix()), e.report());
    assertEquals(RocCurve.of(scores(), labels()), e.roc());
    assertEquals(ProbabilityScores.of(scores(), labels()), e.probabilityScores());
    assertEquals(REFERENCE, e.values());
    // The reference's builtin figure: −2,811,143.01 in total, −19,658.34 per patient.
    assertEquals(0, new BigDecimal("-2811143.01").compareTo(e.expectedValueTotal()));
    assertEquals(-19658.342727272728, e.expectedValuePerCase(), 0.0);
    // Within [0.45, 0.55]: FP 0.5 and 0.52, FN 0.45 (TNs end at 0.43, TPs start at 0.6).
    assertEquals(new CloseCalls(0.5, 0.05, 0, 2, 1, 0), e.closeCalls());
    assertEquals(ExpectedValueCurve.of(scores(), labels(), REFERENCE), e.expectedValueCurve());
  }

  @Test
  void rejectsMalformedInputAsProgrammingErrors() {
    double[] ok = {0.2, 0.8};
    int[] labels = {0, 1};
    assertIllegal(() -> Evaluation.of(ok, new int[] {0}, 0.5, REFERENCE, 0.05));
    assertIllegal(() -> Evaluation.of(new double[0], new int[0], 0.5, REFERENCE, 0.05));
    assertIllegal(
        () -> Evaluation.of(new double[] {0.2, Double.NaN}, labels, 0.5, REFERENCE, 0.05));
    assertIllegal(() -> Evaluation.of(new double[] {0.2, 1.01}, labels, 0.5, REFERENCE, 0.05));
    assertIllegal(() -> Evaluation.of(new double[] {-0.01, 0.8}, labels, 0.5, REFERENCE, 0.05));
    assertIllegal(() -> Evaluation.of(ok, new int[] {0, 2}, 0.5, REFERENCE, 0.05));
    assertIllegal(() -> Evaluation.of(ok, labels, Double.NaN, REFERENCE, 0.05));
    assertIllegal(() -> Evaluation.of(ok, labels, Double.POSITIVE_INFINITY, REFERENCE, 0.05));
    assertIllegal(() -> Evaluation.of(ok, labels, 0.5, REFERENCE, -0.05));
    assertIllegal(() -> Evaluation.of(null, labels, 0.5, REFERENCE, 0.05));
  }

  private static void assertIllegal(Executable call) {
    assertThrows(IllegalArgumentException.class, call);
  }

  @Test
  void splitWithOneClassStillEvaluates() {
    Evaluation e = Evaluation.of(new double[] {0.1, 0.7}, new int[] {0, 0}, 0.5, REFERENCE, 0.05);
    assertEquals(ConfusionMatrix.of(1, 1, 0, 0), e.matrix());
    assertTrue(Double.isNaN(e.roc().auc()));
    assertEquals(-643.835, e.expectedValuePerCase(), 0.0); // one FP, −1287.67, over 2 cases
  }
}

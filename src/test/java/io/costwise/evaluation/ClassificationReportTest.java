package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassificationReportTest {

  /** tn = 3, fp = 1, fn = 2, tp = 4 (n = 10). */
  private static final ConfusionMatrix SMALL = ConfusionMatrix.of(3, 1, 2, 4);

  @Test
  void matchesHandComputedFigures() {
    ClassificationReport r = ClassificationReport.of(SMALL);

    // Class 0 (its "tp" is tn = 3, its "fp" is fn = 2, its "fn" is fp = 1):
    //   precision 3/5, recall 3/4, F1 2·3/(6+2+1) = 6/9, support 4
    assertEquals(new ClassMetrics(3.0 / 5, 3.0 / 4, 6.0 / 9, 4), r.negative());
    // Class 1: precision 4/5, recall 4/6, F1 8/(8+1+2) = 8/11, support 6
    assertEquals(new ClassMetrics(4.0 / 5, 4.0 / 6, 8.0 / 11, 6), r.positive());
    // accuracy (3 + 4)/10
    assertEquals(0.7, r.accuracy(), 0.0);
    // macro: plain means of the two rows
    assertEquals(0.7, r.macroAverage().precision(), 1e-15);
    assertEquals((0.75 + 4.0 / 6) / 2, r.macroAverage().recall(), 1e-15); // 0.708333…
    assertEquals((6.0 / 9 + 8.0 / 11) / 2, r.macroAverage().f1(), 1e-15); // 0.696969…
    assertEquals(10, r.macroAverage().support());
    // weighted by support 4 and 6: precision (0.6·4 + 0.8·6)/10 = 0.72,
    // recall (0.75·4 + 4/6·6)/10 = 0.7, F1 (6/9·4 + 8/11·6)/10 = 0.703030…
    assertEquals(0.72, r.weightedAverage().precision(), 1e-15);
    assertEquals(0.7, r.weightedAverage().recall(), 1e-15);
    assertEquals((6.0 / 9 * 4 + 8.0 / 11 * 6) / 10, r.weightedAverage().f1(), 1e-15);
    assertEquals(10, r.weightedAverage().support());
  }

  @Test
  void rendersScikitLearnLayout() {
    // Output of sklearn.metrics.classification_report for the same decisions.
    String expected =
        "              precision    recall  f1-score   support\n"
            + "\n"
            + "           0       0.60      0.75      0.67         4\n"
            + "           1       0.80      0.67      0.73         6\n"
            + "\n"
            + "    accuracy                           0.70        10\n"
            + "   macro avg       0.70      0.71      0.70        10\n"
            + "weighted avg       0.72      0.70      0.70        10\n";

    assertEquals(expected, ClassificationReportText.toText(ClassificationReport.of(SMALL)));
  }

  @Test
  void zeroDivisionIsZeroAndRoundingIsPythonsHalfEven() {
    // Never predicts positive: tn = 5, fp = 0, fn = 3, tp = 0.
    // Class 1 precision is 0/0 -> 0.0. Class 0 precision 5/8 = 0.625 exactly, which Python
    // prints as 0.62 (half to even); Java's %.2f would print 0.63.
    ClassificationReport r = ClassificationReport.of(ConfusionMatrix.of(5, 0, 3, 0));
    assertEquals(new ClassMetrics(0.0, 0.0, 0.0, 3), r.positive());

    String expected =
        "              precision    recall  f1-score   support\n"
            + "\n"
            + "           0       0.62      1.00      0.77         5\n"
            + "           1       0.00      0.00      0.00         3\n"
            + "\n"
            + "    accuracy                           0.62         8\n"
            + "   macro avg       0.31      0.50      0.38         8\n"
            + "weighted avg       0.39      0.62      0.48         8\n";
    assertEquals(expected, ClassificationReportText.toText(r));
  }

  @Test
  void absentClassIsStillReportedWithZeroSupport() {
    // Only negatives; one of five flagged. sklearn with labels=[0, 1], zero_division=0.
    ClassificationReport r = ClassificationReport.of(ConfusionMatrix.of(4, 1, 0, 0));
    assertEquals(new ClassMetrics(0.0, 0.0, 0.0, 0), r.positive());
    assertEquals(0.4, r.macroAverage().recall(), 1e-15); // (0.8 + 0)/2
    assertEquals(0.8, r.weightedAverage().recall(), 1e-15); // class 1 has weight 0
  }

  @Test
  void customClassNamesWidenTheNameColumn() {
    // sklearn: classification_report(..., target_names=[...], digits=3)
    String expected =
        "                    precision    recall  f1-score   support\n"
            + "\n"
            + "benign (no cancer)      0.600     0.750     0.667         4\n"
            + "         malignant      0.800     0.667     0.727         6\n"
            + "\n"
            + "          accuracy                          0.700        10\n"
            + "         macro avg      0.700     0.708     0.697        10\n"
            + "      weighted avg      0.720     0.700     0.703        10\n";

    assertEquals(
        expected,
        ClassificationReportText.toText(
            ClassificationReport.of(SMALL), "benign (no cancer)", "malignant", 3));
  }
}

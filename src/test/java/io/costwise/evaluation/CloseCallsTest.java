package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CloseCallsTest {

  @Test
  void intervalIsClosedAtBothEdges() {
    // Threshold 0.5, width 0.25: [0.25, 0.75], all exact in binary.
    double[] scores = {
      Math.nextDown(0.25),
      0.25,
      0.4,
      0.5,
      0.75,
      Math.nextUp(0.75), // negatives
      0.25,
      0.49,
      0.5,
      0.75 // positives
    };
    int[] labels = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};

    CloseCalls c = CloseCalls.of(scores, labels, 0.5, 0.25);

    // Negatives inside: 0.25, 0.4 (tn); 0.5, 0.75 (fp, since 0.5 >= 0.5). Just-outside: none.
    // Positives inside: 0.25, 0.49 (fn); 0.5, 0.75 (tp).
    assertEquals(new CloseCalls(0.5, 0.25, 2, 2, 2, 2), c);
    assertEquals(8, c.total());
  }

  @Test
  void decimalEdgesCountAsAReaderExpects() {
    // 0.55 − 0.5 is 0.05000000000000004 in binary; as decimals it is exactly the width.
    double[] scores = {0.45, 0.55, 0.44999999999999996, 0.5500000000000002};
    int[] labels = {1, 0, 1, 0};

    CloseCalls c = CloseCalls.of(scores, labels, 0.5, CloseCalls.DEFAULT_WIDTH);

    assertEquals(new CloseCalls(0.5, 0.05, 0, 1, 1, 0), c);
  }

  @Test
  void zeroWidthCountsOnlyScoresAtTheThreshold() {
    CloseCalls c = CloseCalls.of(new double[] {0.3, 0.3, 0.31}, new int[] {0, 1, 1}, 0.3, 0.0);
    assertEquals(new CloseCalls(0.3, 0.0, 0, 1, 0, 1), c);
  }

  @Test
  void rejectsBadWidth() {
    double[] scores = {0.5};
    int[] labels = {1};
    assertThrows(IllegalArgumentException.class, () -> CloseCalls.of(scores, labels, 0.5, -0.1));
    assertThrows(
        IllegalArgumentException.class, () -> CloseCalls.of(scores, labels, 0.5, Double.NaN));
  }
}

package io.costwise.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.config.Hyperparameters;
import io.costwise.data.BundledData;
import io.costwise.evaluation.OutcomeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {
  @Test
  void logSpacedRatiosRunFromMinToMax() {
    assertArrayEquals(new double[] {1, 10, 100}, SweepSettings.logSpaced(1, 100, 3), 1e-12);
    assertArrayEquals(new double[] {1, 3.16, 10}, SweepSettings.logSpaced(1, 10, 3), 1e-12);
    assertArrayEquals(new double[] {5}, SweepSettings.logSpaced(5, 5, 1), 0);
  }

  @Test
  void sampleStandardDeviationDividesByNMinusOne() {
    assertEquals(Math.sqrt(2.5), Sweep.sampleSd(new double[] {1, 2, 3, 4, 5}), 1e-12);
    assertEquals(3, Sweep.mean(new double[] {1, 2, 3, 4, 5}));
  }

  @Test
  void theBestRowOfEachThresholdKindIsMarked() {
    List<SweepRow> rows =
        Sweep.markBest(
            List.of(
                new SweepRow(1, Sweep.HALF, 0.5, -3, 0, 0, 0, 1, false),
                new SweepRow(1, Sweep.COST_OPTIMAL, 0.01, -2, 0, 0, 0, 1, false),
                new SweepRow(5, Sweep.HALF, 0.5, -1, 0, 0, 0, 1, false),
                new SweepRow(5, Sweep.COST_OPTIMAL, 0.01, -4, 0, 0, 0, 1, false)));
    assertEquals(List.of(false, true, true, false), rows.stream().map(SweepRow::best).toList());
  }

  @Test
  void aBestWithinOneSdOfTheNextIsATieAndIsNotMarked() {
    List<SweepRow> rows =
        Sweep.markBest(
            List.of(
                // 0.5: −1 beats −3 by 2, but an sd of 2.5 makes it a tie.
                new SweepRow(1, Sweep.HALF, 0.5, -3, 2.5, 0, 0, 1, false),
                new SweepRow(1, Sweep.COST_OPTIMAL, 0.01, -2, 0.5, 0, 0, 1, false),
                new SweepRow(5, Sweep.HALF, 0.5, -1, 1, 0, 0, 1, false),
                // cost-optimal: −2 beats −4 by 2, more than the larger sd, 1.5.
                new SweepRow(5, Sweep.COST_OPTIMAL, 0.01, -4, 1.5, 0, 0, 1, false)));
    assertEquals(List.of(false, true, false, false), rows.stream().map(SweepRow::best).toList());
  }

  @Test
  void crossValidatesEachRatioOnStratifiedFolds() {
    List<String> progress = new ArrayList<>();
    SweepSettings settings =
        new SweepSettings(
            new double[] {1, 200},
            3,
            Hyperparameters.defaults().with(Map.of("epochs", "30")).trainingConfig(),
            OutcomeValues.reference());
    SweepResult result = new Sweep(settings, progress::add).run(BundledData.wdbc());
    List<SweepRow> rows = result.rows();
    assertEquals(4, rows.size());
    assertEquals(2, progress.size());
    SweepRow low = rows.get(0);
    SweepRow high = rows.get(2);
    assertEquals(Sweep.HALF, low.thresholdKind());
    assertEquals(200, high.ratio());
    // A dearer miss trades false negatives for false positives.
    assertTrue(high.meanFalseNegatives() <= low.meanFalseNegatives());
    assertTrue(high.meanFalsePositives() > low.meanFalsePositives());
    assertTrue(low.sdExpectedValue() > 0);
    assertEquals(
        1, rows.stream().filter(r -> r.best() && r.thresholdKind().equals(Sweep.HALF)).count());
    // The pooled out-of-fold scores are the folds' scores put back in place: decided at 0.5 they
    // miss as many cases in all as the folds did (the row's mean per fold times the folds).
    assertEquals(2, result.outOfFold().size());
    for (int r = 0; r < 2; r++) {
      double[] scores = result.outOfFold().get(r).scores();
      int misses = 0;
      for (int i = 0; i < scores.length; i++) {
        if (result.labels()[i] == 1 && !(scores[i] >= 0.5)) {
          misses++;
        }
      }
      assertEquals(rows.get(2 * r).meanFalseNegatives() * 3, misses, 1e-9);
    }
  }
}

package io.costwise.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.cost.CaseCosts;
import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostColumns;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Evaluation with costs that differ per case, checked against sums over the cases one by one. */
class PerCaseCostsTest {
  private static final int N = 2_000;

  /** Bank-marketing-like costs: a call costs 1 whatever happens; a missed subscriber costs more. */
  private static CaseCosts costs(Random random, int n) {
    CostModel model =
        new CostModel(
            new OutcomeValues(0, -1, -1, -1, "EUR"),
            new CostColumns(
                Map.of(
                    Outcome.FALSE_NEGATIVE, ColumnRef.parse("C_FN"),
                    Outcome.FALSE_POSITIVE, ColumnRef.parse("C_FP"))));
    double[] miss = new double[n];
    double[] call = new double[n];
    for (int i = 0; i < n; i++) {
      miss[i] = Math.max(1, Math.exp(random.nextGaussian() * 1.5 + 1));
      call[i] = 1 + random.nextInt(3) * 0.25;
    }
    Map<Outcome, double[]> columns = new EnumMap<>(Outcome.class);
    columns.put(Outcome.FALSE_NEGATIVE, miss);
    columns.put(Outcome.FALSE_POSITIVE, call);
    return CaseCosts.of(model, columns, n);
  }

  private static double[] scores(Random random, int n) {
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = Math.round(random.nextDouble() * 500) / 500.0; // ties, as real scores have
    }
    return scores;
  }

  private static int[] labels(Random random, double[] scores) {
    int[] labels = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      labels[i] = random.nextDouble() < scores[i] * 0.6 ? 1 : 0;
    }
    return labels;
  }

  private static double totalAt(double threshold, double[] s, int[] y, CaseCosts costs) {
    double total = 0;
    for (int i = 0; i < s.length; i++) {
      total += costs.cost(i, y[i], s[i] >= threshold);
    }
    return total;
  }

  @Test
  void theExpectedValueCurveIsTheCaseByCaseSumAtEveryThreshold() {
    Random random = new Random(1);
    double[] s = scores(random, N);
    int[] y = labels(random, s);
    CaseCosts costs = costs(random, N);
    ExpectedValueCurve curve = ExpectedValueCurve.of(SortedScores.of(s, y), s, y, costs);
    assertTrue(curve.points().size() > 400);
    for (ExpectedValuePoint point : curve.points()) {
      assertEquals(
          -totalAt(point.threshold(), s, y, costs) / N, point.expectedValuePerCase(), 1e-9);
    }
  }

  @Test
  void theUnsmoothedTunerFindsTheCheapestSingleThreshold() {
    Random random = new Random(2);
    double[] s = scores(random, N);
    int[] y = labels(random, s);
    CaseCosts costs = costs(random, N);
    TunedThreshold tuned = new ThresholdTuner(1, 1, 0, 0).tune(s, y, costs);
    double cheapest = Double.POSITIVE_INFINITY;
    for (double t = 0; t <= 1.0005; t += 0.001) {
      cheapest = Math.min(cheapest, totalAt(t, s, y, costs));
    }
    assertEquals(cheapest, totalAt(tuned.threshold(), s, y, costs), 1e-9);
    assertEquals(-cheapest / N, tuned.expectedValuePerCase(), 1e-9);
  }

  @Test
  void minimumRiskDecisionsCostLessThanAnySingleThresholdWhenScoresAreCalibrated() {
    Random random = new Random(3);
    int n = 20_000;
    double[] s = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = random.nextDouble();
      y[i] = random.nextDouble() < s[i] ? 1 : 0; // calibrated by construction
    }
    CaseCosts costs = costs(random, n);
    ChosenThreshold bayes = new ThresholdRule.BayesRisk().choose(s, y, costs);
    Evaluation perCase = Evaluation.of(s, y, bayes.decisions(costs), costs, 0.05);
    TunedThreshold best = new ThresholdTuner(1, 1, 0, 0).tune(s, y, costs);
    assertTrue(perCase.perCaseDecisions());
    assertTrue(
        perCase.costs().total() < totalAt(best.threshold(), s, y, costs),
        perCase.costs().total() + " vs " + totalAt(best.threshold(), s, y, costs));
  }

  @Test
  void theCostSummaryAddsUpCaseByCaseAndGivesSavings() {
    Random random = new Random(4);
    double[] s = scores(random, N);
    int[] y = labels(random, s);
    CaseCosts costs = costs(random, N);
    ChosenThreshold bayes = new ThresholdRule.BayesRisk().choose(s, y, costs);
    Decisions decisions = bayes.decisions(costs);
    Evaluation e = Evaluation.of(s, y, decisions, costs, 0.05);
    double model = 0;
    double nobody = 0;
    double everyone = 0;
    long flagged = 0;
    for (int i = 0; i < N; i++) {
      boolean flag = s[i] >= costs.minimumRiskThreshold(i);
      flagged += flag ? 1 : 0;
      model += costs.cost(i, y[i], flag);
      nobody += costs.cost(i, y[i], false);
      everyone += costs.cost(i, y[i], true);
    }
    assertEquals(flagged, e.matrix().fp() + e.matrix().tp());
    assertEquals(model, e.costs().total(), 1e-9);
    assertEquals(nobody, e.costs().flagNobody(), 1e-9);
    assertEquals(everyone, e.costs().flagEveryone(), 1e-9);
    assertEquals(1 - model / Math.min(nobody, everyone), e.costs().savings(), 1e-12);
    assertEquals(-model / N, e.expectedValuePerCase(), 1e-12);
  }

  @Test
  void withTheFixedTableTheGeneralPathIsTheExactOne() {
    Random random = new Random(5);
    double[] s = scores(random, 500);
    int[] y = labels(random, s);
    OutcomeValues values = OutcomeValues.reference();
    Evaluation single = Evaluation.of(s, y, 0.3, values, 0.05);
    assertFalse(single.perCaseCosts());
    assertEquals(values.total(single.matrix()), single.expectedValueTotal());
    assertEquals(values.perCase(single.matrix(), 2), single.expectedValuePerCase(2));
    long negatives = single.matrix().negatives();
    long positives = single.matrix().positives();
    assertEquals(
        -values.total(ConfusionMatrix.of(negatives, 0, positives, 0)).doubleValue(),
        single.costs().flagNobody());
    assertEquals(
        1
            - single.costs().total()
                / Math.min(single.costs().flagNobody(), single.costs().flagEveryone()),
        single.costs().savings(),
        1e-15);
  }

  @Test
  void savingsIsUndefinedWhenATrivialPolicyCostsNothing() {
    CostSummary summary = CostSummary.of(5, 0, 10, 0, 4, "EUR");
    assertTrue(Double.isNaN(summary.savings()));
    assertTrue(summary.trivialPolicyWins());
    assertEquals("flag nobody", summary.cheaperTrivialPolicy());
  }
}

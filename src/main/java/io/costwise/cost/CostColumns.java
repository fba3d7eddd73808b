package io.costwise.cost;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which outcomes take their cost from a column of the data (the {@code cost_*_column}
 * hyperparameters). Outcomes without a column take the fixed cost of the {@link CostModel}.
 *
 * @param columns by outcome; outcomes without a per-row column are absent
 */
public record CostColumns(Map<Outcome, ColumnRef> columns) {

  private static final CostColumns NONE = new CostColumns(Map.of());

  public CostColumns {
    EnumMap<Outcome, ColumnRef> copy = new EnumMap<>(Outcome.class);
    copy.putAll(columns);
    columns = Collections.unmodifiableMap(copy);
  }

  public static CostColumns none() {
    return NONE;
  }

  public boolean isEmpty() {
    return columns.isEmpty();
  }

  public Optional<ColumnRef> column(Outcome outcome) {
    return Optional.ofNullable(columns.get(outcome));
  }
}

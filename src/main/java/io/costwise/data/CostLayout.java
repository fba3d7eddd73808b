package io.costwise.data;

import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a channel's per-row costs are in its rows, once the {@code cost_*_column} hyperparameters
 * have been resolved against the first line (see {@link CostColumnResolver}): which columns hold
 * costs, which outcomes each serves, and which columns are left as features.
 *
 * <p>A column named by several outcomes (c_FP = c_TP = the cost of a call) is one cost column, read
 * once; its values serve each of them. Cost columns are numbered in row order ("slots"), the order
 * in which {@link ChunkedRows} stores them.
 *
 * <p>It also checks each row's costs: every cell a finite number (done by the caller, which has the
 * text), and neither error cheaper than the right decision for the same case, c_FP ≥ c_TN and c_FN
 * ≥ c_TP; otherwise one decision is best for that row whatever its probability, which is a swapped
 * column or costs stated as values rather than a real cost.
 */
final class CostLayout {
  private static final Outcome[] OUTCOMES = Outcome.values();

  /** No cost columns: every column after the label is a feature. */
  static final CostLayout NONE = new CostLayout(null, new int[0], new int[OUTCOMES.length]);

  private final CostModel model;

  /** 0-based column in the row of each cost column, ascending. */
  private final int[] columns;

  /** By {@link Outcome#ordinal()}: the outcome's cost column (slot), or -1 for its fixed cost. */
  private final int[] slotOf;

  /** By {@link Outcome#ordinal()}: the fixed cost of outcomes without a column. */
  private final double[] fixed = new double[OUTCOMES.length];

  /** Whether c_FP ≥ c_TN, and c_FN ≥ c_TP, is for the rows to meet: a column is in the pair. */
  private final boolean checkFalseAlarms;

  private final boolean checkMisses;

  /**
   * @param model null for {@link #NONE}
   * @param columns the distinct cost columns, 0-based, ascending
   * @param columnOf by outcome: its 0-based column, or 0 when it has none
   */
  CostLayout(CostModel model, int[] columns, int[] columnOf) {
    this.model = model;
    this.columns = columns.clone();
    this.slotOf = new int[OUTCOMES.length];
    for (Outcome outcome : OUTCOMES) {
      int column = columnOf[outcome.ordinal()];
      slotOf[outcome.ordinal()] = column == 0 ? -1 : Arrays.binarySearch(this.columns, column);
      fixed[outcome.ordinal()] = model == null ? 0 : model.fixedCost(outcome);
    }
    checkFalseAlarms = hasColumn(Outcome.FALSE_POSITIVE);
    checkMisses = hasColumn(Outcome.FALSE_NEGATIVE);
  }

  boolean isEmpty() {
    return columns.length == 0;
  }

  /** How many distinct cost columns a row has. */
  int count() {
    return columns.length;
  }

  /** The cost column (slot) of {@code outcome}, or -1 when it takes the fixed cost. */
  int slot(Outcome outcome) {
    return slotOf[outcome.ordinal()];
  }

  /** The 0-based column in the row of a cost column. */
  int column(int slot) {
    return columns[slot];
  }

  /** Whether 0-based {@code column} of the row holds a cost. */
  boolean isCostColumn(int column) {
    return Arrays.binarySearch(columns, column) >= 0;
  }

  /** How many features a row of {@code width} columns has: all but the label and the costs. */
  int featureCount(int width) {
    return width - 1 - columns.length;
  }

  /** The 0-based columns that hold features in a row of {@code width} columns, in order. */
  int[] featureColumns(int width) {
    int[] features = new int[featureCount(width)];
    int at = 0;
    for (int column = 1; column < width; column++) {
      if (!isCostColumn(column)) {
        features[at++] = column;
      }
    }
    return features;
  }

  /** The name a header column left blank gets: {@code fK} for the K-th feature, else its place. */
  String blankName(int column) {
    if (isCostColumn(column)) {
      return "column " + (column + 1);
    }
    int before = 0;
    while (before < columns.length && columns[before] < column) {
      before++;
    }
    return "f" + (column - before);
  }

  /** Copies the row's cost cells, one per slot, into {@code costs}. */
  void gather(double[] values, double[] costs) {
    for (int slot = 0; slot < columns.length; slot++) {
      costs[slot] = values[columns[slot]];
    }
  }

  /** What {@code outcome} costs in a row whose cost cells are {@code costs}. */
  double cost(double[] costs, Outcome outcome) {
    int slot = slotOf[outcome.ordinal()];
    return slot >= 0 ? costs[slot] : fixed[outcome.ordinal()];
  }

  /**
   * The error outcome whose cost in this row is below that of the right decision for the same case
   * (false positive below true negative, or false negative below true positive), or null. Pairs
   * with no cost column are the fixed table's, not the data's, and are not checked here.
   */
  Outcome cheaperError(double[] costs) {
    if (checkFalseAlarms
        && cost(costs, Outcome.FALSE_POSITIVE) < cost(costs, Outcome.TRUE_NEGATIVE)) {
      return Outcome.FALSE_POSITIVE;
    }
    if (checkMisses && cost(costs, Outcome.FALSE_NEGATIVE) < cost(costs, Outcome.TRUE_POSITIVE)) {
      return Outcome.FALSE_NEGATIVE;
    }
    return null;
  }

  private boolean hasColumn(Outcome error) {
    return slot(error) >= 0 || slot(rightDecision(error)) >= 0;
  }

  /** The outcome of deciding a case right whose wrong decision is {@code error}. */
  static Outcome rightDecision(Outcome error) {
    return Outcome.of(error.label(), !error.flagged());
  }

  /** The 1-based column to point at for {@link #cheaperError}: the error's, else the other's. */
  int columnToBlame(Outcome error) {
    int slot = slot(error) >= 0 ? slot(error) : slot(rightDecision(error));
    return columns[slot] + 1;
  }

  /** The sentence for {@link #cheaperError}, without the place. */
  String cheaperErrorProblem(Outcome error, double[] costs) {
    Outcome right = rightDecision(error);
    boolean falseAlarm = error == Outcome.FALSE_POSITIVE;
    return ("%s is %s, less than %s, %s: %s, so %s would always be the cheaper decision for this"
            + " row whatever the model says; give every row a %s cost at least its %s cost (check"
            + " that the columns are not swapped; a negative cost is a gain).")
        .formatted(
            describe(error),
            ChannelErrors.number(cost(costs, error)),
            describe(right),
            ChannelErrors.number(cost(costs, right)),
            falseAlarm
                ? "a false alarm would cost less than leaving the case alone"
                : "missing the case would cost less than catching it",
            falseAlarm ? "flagging it" : "leaving it alone",
            adjective(error),
            adjective(right));
  }

  /**
   * The sentence for a cost cell that is not a finite number, without the place.
   *
   * @param column 0-based column of the cell
   * @param text the cell as read
   */
  String badCellProblem(int column, String text) {
    String cost = describeColumn(Arrays.binarySearch(columns, column));
    String shown = ChannelErrors.quote(NumberParser.trimBlanks(text));
    return switch (NumberParser.describe(text)) {
      case EMPTY -> cost + " is empty; every row needs a cost in this column.";
      case NOT_FINITE ->
          cost
              + " is "
              + shown
              + ", which is not a finite number; every row needs a finite cost in this column"
              + " (fill in missing costs, or drop those rows).";
      case NOT_A_NUMBER ->
          cost
              + " is "
              + shown
              + ", which is not a number; every row needs a cost in this column, a number such as"
              + " 13.5 or -2 (negative for a gain).";
    };
  }

  /** {@code the false-negative cost (cost_fn_column 'C_FN')}, or the fixed one's origin. */
  private String describe(Outcome outcome) {
    int slot = slot(outcome);
    return slot >= 0
        ? describeColumn(slot)
        : "the fixed " + adjective(outcome) + " cost (from value_" + outcome.key() + ")";
  }

  /**
   * A cost column as the hyperparameters name it, with every outcome it serves: {@code the
   * false-positive and true-positive cost (cost_fp_column and cost_tp_column 'CALL')}.
   */
  private String describeColumn(int slot) {
    List<String> costs = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<ColumnRef> refs = new ArrayList<>();
    for (Outcome outcome : OUTCOMES) {
      if (slot(outcome) == slot) {
        costs.add(adjective(outcome));
        keys.add(outcome.columnKey());
        refs.add(model.columns().column(outcome).orElseThrow());
      }
    }
    if (refs.stream().distinct().count() > 1) {
      // One column named two ways (by name and by number): show each as given.
      for (int i = 0; i < keys.size(); i++) {
        keys.set(i, keys.get(i) + " " + given(refs.get(i)));
      }
      return "the " + and(costs) + " cost (" + and(keys) + ")";
    }
    return "the " + and(costs) + " cost (" + and(keys) + " " + given(refs.get(0)) + ")";
  }

  /** A column as the hyperparameter gives it: {@code 'C_FN'} or {@code 37}. */
  static String given(ColumnRef ref) {
    return ref.byName() ? ChannelErrors.quote(ref.name()) : Integer.toString(ref.number());
  }

  /** {@code false-negative}: the outcome as an adjective. */
  static String adjective(Outcome outcome) {
    return outcome.words().replace(' ', '-');
  }

  private static String and(List<String> words) {
    int last = words.size() - 1;
    return last == 0
        ? words.get(0)
        : String.join(", ", words.subList(0, last)) + " and " + words.get(last);
  }

  /** Same cost columns serving the same outcomes: rows read with either are read alike. */
  boolean sameAs(CostLayout other) {
    return Arrays.equals(columns, other.columns) && Arrays.equals(slotOf, other.slotOf);
  }
}

package io.costwise.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How a threshold is written everywhere a person reads one — tables, facts, charts and the rules'
 * own explanations: 4 significant digits and no trailing zeros (0.5 → "0.5", 0.005906625 →
 * "0.005907"). Thresholds far below 0.5 are the point of cost-sensitive decisions, so a fixed
 * number of decimals would print them as 0.01 or 0.00. It lives here, below the report, so that the
 * explanations built in this package read the same as the report's tables.
 */
public final class ThresholdText {
  /** Shown for a threshold that has no value. */
  public static final String NOT_DEFINED = "not defined";

  private ThresholdText() {}

  public static String of(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? NOT_DEFINED : (value > 0 ? "+inf" : "-inf");
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value)
        .round(new MathContext(4, RoundingMode.HALF_EVEN))
        .stripTrailingZeros()
        .toPlainString();
  }
}

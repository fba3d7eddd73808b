package io.costwise.report;

import io.costwise.evaluation.ThresholdText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers read in reports, chart labels, model facts and the commands' text tables: one set of
 * formats so that a figure reads the same wherever it appears. Locale-free (a report reads the same
 * on any machine), with ASCII minus signs so figures paste into spreadsheets.
 *
 * <ul>
 *   <li>money: to the cent with thousands separators and the unit, "-$1,287.67";
 *   <li>thresholds and ratios: 4 significant digits, no trailing zeros, "0.005907", "5", "168.3";
 *   <li>metrics: a fixed number of decimals, "0.9580".
 * </ul>
 */
public final class Formats {
  /** Shown for a figure that has no value, such as the AUC of a split with one class only. */
  static final String NOT_DEFINED = ThresholdText.NOT_DEFINED;

  private Formats() {}

  /** A threshold as {@link ThresholdText} writes it, e.g. "0.005907". */
  public static String threshold(double value) {
    return ThresholdText.of(value);
  }

  /**
   * A ratio such as a training cost ratio or fn_cost: as {@link #threshold}, 4 significant digits
   * and no trailing zeros, so 5.0 reads "5" and 168.304 reads "168.3".
   */
  public static String ratio(double value) {
    return threshold(value);
  }

  /**
   * Four outcome values in the order of the confusion matrix, as money: "TN $0.00, FP -$1,287.67,
   * FN -$252,000.00, TP -$35,280.00".
   */
  public static String outcomeValues(double tn, double fp, double fn, double tp, String unit) {
    return "TN "
        + money(tn, unit)
        + ", FP "
        + money(fp, unit)
        + ", FN "
        + money(fn, unit)
        + ", TP "
        + money(tp, unit);
  }

  /** A metric in [0, 1] or a loss, with {@code digits} decimals; NaN reads "not defined". */
  public static String decimal(double value, int digits) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? NOT_DEFINED : (value > 0 ? "inf" : "-inf");
    }
    return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A count with thousands separators: 12,345. */
  public static String count(long value) {
    return grouped(0).format(value);
  }

  /** A mean count, one decimal: 1.2. */
  public static String meanCount(double value) {
    return grouped(1).format(value);
  }

  /**
   * An amount of money, to the cent, half away from zero; see {@link #money(BigDecimal, String)}.
   */
  public static String money(double value, String unit) {
    return money(BigDecimal.valueOf(value), unit);
  }

  /**
   * An amount rounded to the cent (half away from zero, as {@code OutcomeValues.perCase(m, 2)}
   * rounds) with thousands separators: "-$19,658.34" for USD, "-19,658.34 EUR" for other units.
   */
  public static String money(BigDecimal value, String unit) {
    BigDecimal cents = value.setScale(2, RoundingMode.HALF_UP);
    String digits = grouped(2).format(cents.abs());
    String sign = cents.signum() < 0 ? "-" : "";
    if ("USD".equals(unit)) {
      return sign + "$" + digits;
    }
    return sign + digits + (unit.isEmpty() ? "" : " " + unit);
  }

  /** Money with no decimals, for chart labels where cents are noise: "-$19,658". */
  public static String roundMoney(double value, String unit) {
    long rounded = Math.round(value);
    String digits = grouped(0).format(Math.abs(rounded));
    String sign = rounded < 0 ? "-" : "";
    if ("USD".equals(unit)) {
      return sign + "$" + digits;
    }
    return sign + digits + (unit.isEmpty() ? "" : " " + unit);
  }

  /** Axis tick labels for amounts: grouped, no decimals. */
  static DecimalFormat axisAmounts() {
    return grouped(0);
  }

  private static DecimalFormat grouped(int decimals) {
    DecimalFormat format =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }
}

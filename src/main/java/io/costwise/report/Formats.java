package io.costwise.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers read in reports and chart labels. Locale-free (a report reads the same on any
 * machine), with ASCII minus signs so figures paste into spreadsheets.
 */
final class Formats {
  /** Shown for a figure that has no value, such as the AUC of a split with one class only. */
  static final String NOT_DEFINED = "not defined";

  private Formats() {}

  /**
   * A threshold with 4 significant digits and no trailing zeros: 0.5 → "0.5", 0.005906625 →
   * "0.005907". Thresholds far below 0.5 are the point of cost-sensitive decisions, so a fixed
   * number of decimals would print them as 0.01 or 0.00.
   */
  static String threshold(double value) {
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

  /** A metric in [0, 1] or a loss, with {@code digits} decimals; NaN reads "not defined". */
  static String decimal(double value, int digits) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? NOT_DEFINED : (value > 0 ? "inf" : "-inf");
    }
    return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A count with thousands separators: 12,345. */
  static String count(long value) {
    return grouped(0).format(value);
  }

  /** A mean count, one decimal: 1.2. */
  static String meanCount(double value) {
    return grouped(1).format(value);
  }

  /**
   * An amount of money, to the cent, half away from zero; see {@link #money(BigDecimal, String)}.
   */
  static String money(double value, String unit) {
    return money(BigDecimal.valueOf(value), unit);
  }

  /**
   * An amount rounded to the cent (half away from zero, as {@code OutcomeValues.perCase(m, 2)}
   * rounds) with thousands separators: "-$19,658.34" for USD, "-19,658.34 EUR" for other units.
   */
  static String money(BigDecimal value, String unit) {
    BigDecimal cents = value.setScale(2, RoundingMode.HALF_UP);
    String digits = grouped(2).format(cents.abs());
    String sign = cents.signum() < 0 ? "-" : "";
    if ("USD".equals(unit)) {
      return sign + "$" + digits;
    }
    return sign + digits + (unit.isEmpty() ? "" : " " + unit);
  }

  /** Money with no decimals, for chart labels where cents are noise: "-$19,658". */
  static String roundMoney(double value, String unit) {
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

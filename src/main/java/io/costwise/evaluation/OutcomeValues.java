package io.costwise.evaluation;

import io.costwise.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What each of the four outcomes of a decision is worth, in one unit of money (or any unit).
 *
 * <p>Values are signed: negative is bad. Costs in the decision-theory sense are their negation, c =
 * −value. The expected value of a set of decisions is
 *
 * <pre>
 *   EV total    = tn·v_TN + fp·v_FP + fn·v_FN + tp·v_TP
 *   EV per case = EV total / (tn + fp + fn + tp)
 * </pre>
 *
 * <p>Exact money: each value is taken as the decimal that Java prints for it ({@link
 * BigDecimal#valueOf(double)}, so −1287.67 means −1287.67 and not the nearest binary fraction
 * −1287.670000000000072759…), and sums and products are exact decimals. Only the final division by
 * n rounds, so a published figure is reproduced to the cent.
 *
 * @param trueNegative value of a negative correctly left alone
 * @param falsePositive value of a negative wrongly flagged (usually negative)
 * @param falseNegative value of a positive missed (usually the most negative)
 * @param truePositive value of a positive caught
 * @param unit what the values are measured in, e.g. "USD"
 */
public record OutcomeValues(
    double trueNegative,
    double falsePositive,
    double falseNegative,
    double truePositive,
    String unit) {

  private static final BigDecimal DOLLARS_PER_QALY = new BigDecimal("100000");

  public OutcomeValues {
    Objects.requireNonNull(unit, "unit");
    requireFinite("true-negative", trueNegative);
    requireFinite("false-positive", falsePositive);
    requireFinite("false-negative", falseNegative);
    requireFinite("true-positive", truePositive);
  }

  /**
   * The reference experiment's table: outcomes in quality-adjusted life years (TN 0, FP −0.0128767,
   * FN −2.52, TP −0.3528) at $100,000 per QALY, i.e. TN 0, FP −1,287.67, FN −252,000, TP −35,280
   * USD. The products are taken in decimal, so FP is exactly −1287.67.
   */
  public static OutcomeValues reference() {
    return new OutcomeValues(
        qalyToDollars("0"),
        qalyToDollars("-0.0128767"),
        qalyToDollars("-2.52"),
        qalyToDollars("-0.3528"),
        "USD");
  }

  private static double qalyToDollars(String qaly) {
    return new BigDecimal(qaly).multiply(DOLLARS_PER_QALY).doubleValue();
  }

  /** The exact decimal total value of the decisions counted in {@code matrix}. */
  public BigDecimal total(ConfusionMatrix matrix) {
    return exact().total(matrix.tn(), matrix.fp(), matrix.fn(), matrix.tp());
  }

  /**
   * Expected value per case: the exact total divided by n, as the nearest double.
   *
   * @throws IllegalArgumentException if the matrix is empty
   */
  public double perCase(ConfusionMatrix matrix) {
    return exact().perCase(matrix.tn(), matrix.fp(), matrix.fn(), matrix.tp());
  }

  /**
   * Expected value per case rounded to {@code decimals} places, half away from zero (half-up), for
   * reports in money: {@code perCase(m, 2)} is the figure in cents.
   *
   * @throws IllegalArgumentException if the matrix is empty
   */
  public BigDecimal perCase(ConfusionMatrix matrix, int decimals) {
    return total(matrix)
        .divide(BigDecimal.valueOf(nonEmpty(matrix.total())), decimals, RoundingMode.HALF_UP);
  }

  /**
   * The cost-optimal threshold for calibrated probabilities (Elkan 2001, "The Foundations of
   * Cost-Sensitive Learning", theorem 1): predict positive when p ≥ p*, where, with costs c =
   * −value,
   *
   * <pre>
   *   p* = (c_FP − c_TN) / ((c_FP − c_TN) + (c_FN − c_TP))
   *      = (v_TN − v_FP) / ((v_TN − v_FP) + (v_TP − v_FN))
   * </pre>
   *
   * <p>Why: at p* the expected value of flagging, p·v_TP + (1 − p)·v_FP, equals that of not
   * flagging, p·v_FN + (1 − p)·v_TN. For the reference table p* = 1287.67 / 218007.67 ≈ 0.005907: a
   * miss costs so much more than a false alarm that a 0.6 % chance is enough to flag.
   *
   * <p>The table must be "reasonable" in Elkan's sense: an error must not be worth more than the
   * correct decision for the same case, and the two errors must not both cost nothing extra;
   * otherwise one decision is always best and there is no threshold to speak of.
   *
   * @return p* in [0, 1], computed in decimal and rounded once to the nearest double
   * @throws InvalidInputException naming the values that make the table degenerate
   */
  public double costOptimalThreshold() {
    Exact e = exact();
    BigDecimal falseAlarmCost = e.trueNegative.subtract(e.falsePositive);
    BigDecimal missCost = e.truePositive.subtract(e.falseNegative);
    if (falseAlarmCost.signum() < 0) {
      throw new InvalidInputException(
          "The outcome values are degenerate: a false positive ("
              + amount(falsePositive)
              + ") is worth more than a true negative ("
              + amount(trueNegative)
              + "), so every case would be flagged; make the false-positive value lower than or"
              + " equal to the true-negative value.");
    }
    if (missCost.signum() < 0) {
      throw new InvalidInputException(
          "The outcome values are degenerate: a false negative ("
              + amount(falseNegative)
              + ") is worth more than a true positive ("
              + amount(truePositive)
              + "), so no case would be flagged; make the false-negative value lower than or"
              + " equal to the true-positive value.");
    }
    BigDecimal denominator = falseAlarmCost.add(missCost);
    if (denominator.signum() == 0) {
      throw new InvalidInputException(
          "The outcome values are degenerate: a false positive is worth the same as a true"
              + " negative ("
              + amount(trueNegative)
              + ") and a false negative the same as a true positive ("
              + amount(truePositive)
              + "), so no threshold is better than another; give at least one error a lower"
              + " value than the correct decision.");
    }
    return falseAlarmCost.divide(denominator, MathContext.DECIMAL128).doubleValue();
  }

  /** The values as exact decimals, for loops that evaluate many confusion matrices. */
  Exact exact() {
    return Exact.of(
        BigDecimal.valueOf(trueNegative),
        BigDecimal.valueOf(falsePositive),
        BigDecimal.valueOf(falseNegative),
        BigDecimal.valueOf(truePositive));
  }

  /**
   * The four values as exact decimals, and also as integers of one decimal scale when they are
   * small enough: then a value per case is one IEEE division of two exactly representable integers,
   * which is the correctly rounded result, about a hundred times faster than {@link BigDecimal} (it
   * matters for curves over a million thresholds).
   *
   * @param scale the common decimal scale of {@code scaled}
   * @param scaled the values × 10^scale as TN, FP, FN, TP, or null when they do not fit
   */
  record Exact(
      BigDecimal trueNegative,
      BigDecimal falsePositive,
      BigDecimal falseNegative,
      BigDecimal truePositive,
      int scale,
      long[] scaled) {

    /** 2^53: integers up to here are exact as doubles. */
    private static final long EXACT_DOUBLE = 1L << 53;

    static Exact of(BigDecimal tn, BigDecimal fp, BigDecimal fn, BigDecimal tp) {
      BigDecimal[] all = {tn, fp, fn, tp};
      int scale = 0;
      for (BigDecimal value : all) {
        scale = Math.max(scale, value.stripTrailingZeros().scale());
      }
      long[] scaled = new long[4];
      for (int i = 0; i < 4 && scaled != null; i++) {
        BigDecimal units = all[i].movePointRight(scale);
        scaled =
            scale <= 15 && units.abs().compareTo(BigDecimal.valueOf(EXACT_DOUBLE)) < 0
                ? scaled
                : null;
        if (scaled != null) {
          scaled[i] = units.longValueExact();
        }
      }
      return new Exact(tn, fp, fn, tp, scale, scaled);
    }

    BigDecimal total(long tn, long fp, long fn, long tp) {
      return trueNegative
          .multiply(BigDecimal.valueOf(tn))
          .add(falsePositive.multiply(BigDecimal.valueOf(fp)))
          .add(falseNegative.multiply(BigDecimal.valueOf(fn)))
          .add(truePositive.multiply(BigDecimal.valueOf(tp)));
    }

    double perCase(long tn, long fp, long fn, long tp) {
      long n = nonEmpty(tn + fp + fn + tp);
      if (scaled != null) {
        try {
          long total =
              Math.addExact(
                  Math.addExact(
                      Math.multiplyExact(scaled[0], tn), Math.multiplyExact(scaled[1], fp)),
                  Math.addExact(
                      Math.multiplyExact(scaled[2], fn), Math.multiplyExact(scaled[3], tp)));
          long denominator = Math.multiplyExact(n, LongMath.pow10(scale));
          if (Math.abs(total) < EXACT_DOUBLE && denominator < EXACT_DOUBLE) {
            return (double) total / (double) denominator;
          }
        } catch (ArithmeticException overflow) {
          // Too large for longs: the exact path below handles any size.
        }
      }
      return total(tn, fp, fn, tp)
          .divide(BigDecimal.valueOf(n), MathContext.DECIMAL128)
          .doubleValue();
    }
  }

  /** Powers of ten as longs. */
  private static final class LongMath {
    static long pow10(int exponent) {
      long result = 1;
      for (int i = 0; i < exponent; i++) {
        result = Math.multiplyExact(result, 10);
      }
      return result;
    }
  }

  private static long nonEmpty(long n) {
    if (n == 0) {
      throw new IllegalArgumentException("the confusion matrix is empty");
    }
    return n;
  }

  private String amount(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + " " + unit;
  }

  private static void requireFinite(String outcome, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(
          "The " + outcome + " value must be a finite number, but it is " + value + ".");
    }
  }
}

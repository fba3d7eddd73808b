package io.costwise.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Renders a {@link ClassificationReport} as the plain-text table scikit-learn's {@code
 * classification_report} prints, character for character, so the output can be set beside the
 * reference notebook's:
 *
 * <pre>
 *               precision    recall  f1-score   support
 *
 *            0       0.95      0.99      0.97        88
 *            1       0.98      0.91      0.94        55
 *
 *     accuracy                           0.96       143
 *    macro avg       0.96      0.95      0.95       143
 * weighted avg       0.96      0.96      0.96       143
 * </pre>
 *
 * <p>Layout: a name column right-aligned to the widest of the class names and "weighted avg"; then
 * one space and four right-aligned columns of width 9, each preceded by a space. Numbers are
 * rounded the way Python's {@code format} rounds: the exact binary value, half to even (so 0.125
 * prints 0.12, as in Python, where Java's {@code %.2f} would print 0.13).
 */
public final class ClassificationReportText {
  private static final String LONGEST_HEADING = "weighted avg";
  private static final int DEFAULT_DIGITS = 2;

  private ClassificationReportText() {}

  /** The table with class names "0" and "1" and two decimals, as scikit-learn's default. */
  public static String toText(ClassificationReport report) {
    return toText(report, "0", "1", DEFAULT_DIGITS);
  }

  /**
   * The table with the given class names (scikit-learn's {@code target_names}) and decimals.
   *
   * @param digits decimals per number, at least 0
   */
  public static String toText(
      ClassificationReport report, String negativeName, String positiveName, int digits) {
    if (digits < 0) {
      throw new IllegalArgumentException("digits must be >= 0, got " + digits);
    }
    int width =
        Math.max(
            Math.max(negativeName.length(), positiveName.length()),
            Math.max(LONGEST_HEADING.length(), digits));
    StringBuilder text = new StringBuilder();
    text.append(pad("", width)).append(' ');
    for (String header : new String[] {"precision", "recall", "f1-score", "support"}) {
      text.append(' ').append(pad(header, 9));
    }
    text.append("\n\n");
    row(text, negativeName, report.negative(), width, digits);
    row(text, positiveName, report.positive(), width, digits);
    text.append('\n');
    text.append(pad("accuracy", width))
        .append(' ')
        .append(' ')
        .append(pad("", 9))
        .append(' ')
        .append(pad("", 9))
        .append(' ')
        .append(pad(number(report.accuracy(), digits), 9))
        .append(' ')
        .append(pad(Long.toString(report.macroAverage().support()), 9))
        .append('\n');
    row(text, "macro avg", report.macroAverage(), width, digits);
    row(text, LONGEST_HEADING, report.weightedAverage(), width, digits);
    return text.toString();
  }

  private static void row(StringBuilder text, String name, ClassMetrics m, int width, int digits) {
    text.append(pad(name, width)).append(' ');
    text.append(' ').append(pad(number(m.precision(), digits), 9));
    text.append(' ').append(pad(number(m.recall(), digits), 9));
    text.append(' ').append(pad(number(m.f1(), digits), 9));
    text.append(' ').append(pad(Long.toString(m.support()), 9));
    text.append('\n');
  }

  /** Python's {@code format(x, ".Nf")}: exact binary value rounded half to even. */
  static String number(double value, int digits) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "nan" : (value > 0 ? "inf" : "-inf");
    }
    return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}

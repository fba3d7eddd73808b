package io.costwise.data;

import java.util.regex.Pattern;

/**
 * Parses one CSV field straight from FastCSV's character buffer into a {@code double}, without
 * making a {@code String} for it.
 *
 * <p>Reading a million rows of thirty features means thirty million numbers, so the common case
 * must not allocate. Short decimals ({@code 17.99}, {@code 1001}, {@code 1.0E-5}) take Clinger's
 * fast path: an integer significand up to 2<sup>53</sup> times or divided by an exact power of ten
 * up to 10<sup>22</sup> is one correctly rounded IEEE operation. Up to 19 significant digits (all
 * of {@code %.18e}) go through {@link EiselLemire}. Both give bit for bit what {@link
 * Double#parseDouble} gives; anything they cannot settle (over 19 digits, subnormals, exact ties)
 * falls back to {@code parseDouble} itself, after the syntax has been checked here.
 *
 * <p>The accepted syntax is {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?},
 * with surrounding spaces and tabs ignored. That is what Java's {@code Double.toString} and
 * Python's {@code %.18e} or {@code repr} write; Java-only spellings that {@code parseDouble} would
 * also take ({@code 1.0d}, {@code 2f}, hex floats, {@code NaN}, {@code Infinity}) are rejected,
 * because they are not data anyone meant to train on.
 */
final class NumberParser {
  /** 2<sup>53</sup>: every integer up to here is exact as a double. */
  private static final long MAX_EXACT = 1L << 53;

  /** Significant digits that always fit an unsigned 64-bit significand: 10^19 < 2^64. */
  private static final int MAX_DIGITS = 19;

  /** The syntax {@link #parse} accepts, for telling an overflow from a typo on the error path. */
  private static final Pattern WELL_FORMED =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private NumberParser() {}

  /**
   * Returns the value of {@code chars[from, to)}, or {@code NaN} if it is empty, not a number in
   * the syntax above, or not finite ({@code 1e999}). {@code NaN} is never a valid result, so it
   * doubles as the failure signal; {@link #describe} says which failure it was.
   */
  static double parse(char[] chars, int from, int to) {
    int start = from;
    int end = to;
    while (start < end && isBlank(chars[start])) {
      start++;
    }
    while (end > start && isBlank(chars[end - 1])) {
      end--;
    }
    int i = start;
    boolean negative = false;
    if (i < end && (chars[i] == '-' || chars[i] == '+')) {
      negative = chars[i] == '-';
      i++;
    }
    // Digits go into an unsigned 64-bit significand without checks; it wraps only beyond 19
    // significant digits, which are counted afterwards and sent to the slow path.
    long significand = 0;
    int digitsStart = i;
    for (; i < end && isDigit(chars[i]); i++) {
      significand = significand * 10 + (chars[i] - '0');
    }
    int digits = i - digitsStart;
    int exponent = 0;
    if (i < end && chars[i] == '.') {
      int fractionStart = ++i;
      for (; i < end && isDigit(chars[i]); i++) {
        significand = significand * 10 + (chars[i] - '0');
      }
      exponent = fractionStart - i;
      digits += i - fractionStart;
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < end && (chars[i] == 'e' || chars[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < end && (chars[i] == '-' || chars[i] == '+')) {
        negativeExponent = chars[i] == '-';
        i++;
      }
      if (i == end || !isDigit(chars[i])) {
        return Double.NaN;
      }
      int written = 0;
      for (; i < end && isDigit(chars[i]); i++) {
        written = Math.min(written * 10 + (chars[i] - '0'), 1_000_000);
      }
      exponent += negativeExponent ? -written : written;
    }
    if (i != end) {
      return Double.NaN;
    }
    if (digits <= MAX_DIGITS || significantDigits(chars, digitsStart, end) <= MAX_DIGITS) {
      double value = fastPath(significand, exponent, negative);
      if (!Double.isNaN(value)) {
        return value;
      }
    }
    double value = Double.parseDouble(new String(chars, start, end - start));
    return Double.isFinite(value) ? value : Double.NaN;
  }

  /**
   * Clinger's exact path, else Eisel–Lemire; {@code NaN} if neither can decide. Both give exactly
   * what {@link Double#parseDouble} gives.
   */
  private static double fastPath(long significand, int exponent, boolean negative) {
    if (significand == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (significand >= 0 && significand <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
      // One correctly rounded operation on two exact values: already the nearest double.
      double value =
          exponent >= 0
              ? significand * POWERS_OF_TEN[exponent]
              : significand / POWERS_OF_TEN[-exponent];
      return negative ? -value : value;
    }
    return EiselLemire.toDouble(significand, exponent, negative);
  }

  /** Digits after leading zeros (and the point), from {@code i} up to the exponent or the end. */
  private static int significantDigits(char[] chars, int i, int end) {
    while (i < end && (chars[i] == '0' || chars[i] == '.')) {
      i++;
    }
    int count = 0;
    for (; i < end && (isDigit(chars[i]) || chars[i] == '.'); i++) {
      count += chars[i] == '.' ? 0 : 1;
    }
    return count;
  }

  /**
   * Why {@link #parse} refused {@code text} (call it only for a text that {@code parse} refused):
   * for error messages, which are the only place the difference matters.
   */
  static Failure describe(String text) {
    String trimmed = trimBlanks(text);
    if (trimmed.isEmpty()) {
      return Failure.EMPTY;
    }
    String unsigned =
        trimmed.startsWith("-") || trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
    if (unsigned.equalsIgnoreCase("nan")
        || unsigned.equalsIgnoreCase("inf")
        || unsigned.equalsIgnoreCase("infinity")) {
      return Failure.NOT_FINITE;
    }
    // parse() accepts every text of this shape unless it overflows, as 1e999 does.
    return WELL_FORMED.matcher(trimmed).matches() ? Failure.NOT_FINITE : Failure.NOT_A_NUMBER;
  }

  /** The ways a field can fail to be a usable number. */
  enum Failure {
    EMPTY,
    NOT_FINITE,
    NOT_A_NUMBER
  }

  /** Drops the spaces and tabs {@link #parse} ignores, and nothing else. */
  static String trimBlanks(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isBlank(text.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}

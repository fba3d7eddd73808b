package io.costwise.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.util.regex.Pattern;

/**
 * Parses one CSV field straight from FastCSV's character buffer into a {@code double}, without
 * making a {@code String} for it.
 *
 * <p>Reading a million rows of thirty features means thirty million numbers, so the common case
 * must not allocate: the syntax is checked here, on the characters, and the conversion is
 * FastDoubleParser's (the parser Jackson embeds), which gives bit for bit what {@link
 * Double#parseDouble} gives, about three times faster and without a {@code String}.
 *
 * <p>The accepted syntax is {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?},
 * with surrounding spaces and tabs ignored. That is what Java's {@code Double.toString} and
 * Python's {@code %.18e} or {@code repr} write; Java-only spellings that {@code parseDouble} would
 * also take ({@code 1.0d}, {@code 2f}, hex floats, {@code NaN}, {@code Infinity}) are rejected,
 * because they are not data anyone meant to train on.
 */
final class NumberParser {
  /** The syntax {@link #parse} accepts, for telling an overflow from a typo on the error path. */
  private static final Pattern WELL_FORMED =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

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
    if (i < end && (chars[i] == '-' || chars[i] == '+')) {
      i++;
    }
    int digits = 0;
    for (; i < end && isDigit(chars[i]); i++) {
      digits++;
    }
    if (i < end && chars[i] == '.') {
      for (i++; i < end && isDigit(chars[i]); i++) {
        digits++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < end && (chars[i] == 'e' || chars[i] == 'E')) {
      i++;
      if (i < end && (chars[i] == '-' || chars[i] == '+')) {
        i++;
      }
      if (i == end || !isDigit(chars[i])) {
        return Double.NaN;
      }
      while (i < end && isDigit(chars[i])) {
        i++;
      }
    }
    if (i != end) {
      return Double.NaN;
    }
    // The syntax is now known to be plain decimal; FastDoubleParser converts it exactly as
    // Double.parseDouble would, without the String that parseDouble needs.
    double value = JavaDoubleParser.parseDouble(chars, start, end - start);
    return Double.isFinite(value) ? value : Double.NaN;
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

package io.costwise.serve;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a {@code text/csv} request body: one row of features per line, no label column, straight
 * from the bytes (no {@code String} per field), because a 1,000-row request holds 30,000 numbers.
 *
 * <p>Tolerated: CRLF, blank lines, spaces around fields, quoted numbers, and a first line equal to
 * the model's feature names (a header). Refused with 400, naming the line and column: a field that
 * is empty, not a number, NaN or infinite, and a row with the wrong number of values.
 */
final class CsvRequestDecoder {
  private final List<String> featureNames;
  private final int features;

  CsvRequestDecoder(List<String> featureNames) {
    this.featureNames = List.copyOf(featureNames);
    this.features = featureNames.size();
  }

  Rows decode(byte[] body, int length) {
    double[] values = new double[features * (lines(body, length) + 1)];
    int rows = 0;
    int lineNumber = 0;
    boolean firstLine = true;
    int pos = 0;
    while (pos < length) {
      int end = pos;
      while (end < length && body[end] != '\n') {
        end++;
      }
      lineNumber++;
      int lineEnd = end > pos && body[end - 1] == '\r' ? end - 1 : end;
      if (!isBlank(body, pos, lineEnd)) {
        if (firstLine && isHeader(body, pos, lineEnd)) {
          firstLine = false;
          pos = end + 1;
          continue;
        }
        firstLine = false;
        parseRow(body, pos, lineEnd, lineNumber, values, rows * features);
        rows++;
      }
      pos = end + 1;
    }
    if (rows == 0) {
      throw ServingException.badRequest(
          "The request has no rows; send one row of "
              + features
              + " comma-separated features per"
              + " line (no label column).");
    }
    return new Rows(values, rows, null);
  }

  private void parseRow(byte[] body, int from, int to, int line, double[] values, int offset) {
    int column = 0;
    int start = from;
    while (true) {
      int end = start;
      while (end < to && body[end] != ',') {
        end++;
      }
      column++;
      if (column <= features) {
        values[offset + column - 1] = parseField(body, start, end, line, column);
      }
      if (end >= to) {
        break;
      }
      start = end + 1;
    }
    if (column != features) {
      throw ServingException.badRequest(
          "Line "
              + line
              + " has "
              + column
              + " values, but the model expects "
              + features
              + " features"
              + (column == features + 1
                  ? "; inference rows have no label column, so drop the first value."
                  : "."));
    }
  }

  private static double parseField(byte[] body, int from, int to, int line, int column) {
    int start = from;
    int end = to;
    while (start < end && (body[start] == ' ' || body[start] == '\t')) {
      start++;
    }
    while (end > start && (body[end - 1] == ' ' || body[end - 1] == '\t')) {
      end--;
    }
    if (end - start >= 2 && body[start] == '"' && body[end - 1] == '"') {
      start++;
      end--;
    }
    if (start == end) {
      throw ServingException.badRequest(
          "Line " + line + ", column " + column + " is empty; every feature needs a value.");
    }
    if (isNumeric(body, start, end)) {
      try {
        double value = JavaDoubleParser.parseDouble(body, start, end - start);
        if (Double.isFinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // Reported below with the text.
      }
    }
    String text = new String(body, start, Math.min(end - start, 40), StandardCharsets.UTF_8);
    throw ServingException.badRequest(
        "Line "
            + line
            + ", column "
            + column
            + ": '"
            + text
            + "' is not a finite number; send plain decimal numbers (no NaN or Infinity).");
  }

  /** Plain decimal syntax only: rejects NaN, Infinity, hex and Java's d/f suffixes. */
  private static boolean isNumeric(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = body[i];
      boolean ok =
          (b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int lines(byte[] body, int length) {
    int count = 0;
    for (int i = 0; i < length; i++) {
      if (body[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  /** A first line whose fields are the model's feature names (in order) is a header. */
  private boolean isHeader(byte[] body, int from, int to) {
    if (looksNumeric(body, from, to)) {
      return false;
    }
    List<String> names = new ArrayList<>();
    for (String field : new String(body, from, to - from, StandardCharsets.UTF_8).split(",", -1)) {
      String name = field.strip();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1);
      }
      names.add(name);
    }
    if (names.equals(featureNames)) {
      return true;
    }
    if (names.stream().anyMatch(n -> !n.isEmpty() && !isNumericText(n))) {
      throw ServingException.badRequest(
          "Line 1 is not numbers and not the model's header; a header must be exactly the"
              + " model's feature names ("
              + abbreviate(String.join(",", featureNames))
              + ").");
    }
    return false;
  }

  /** Only bytes that can appear in a row of numbers: the common case, checked without strings. */
  private static boolean looksNumeric(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (!((b >= '0' && b <= '9')
          || b == '.'
          || b == '-'
          || b == '+'
          || b == 'e'
          || b == 'E'
          || b == ','
          || b == ' '
          || b == '\t'
          || b == '"')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumericText(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return isNumeric(bytes, 0, bytes.length);
  }

  private static boolean isBlank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] != ' ' && body[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }
}

package io.costwise.serve;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a {@code text/csv} request body: one row of features per line, no label column, straight
 * from the bytes (no {@code String} per field), because a 1,000-row request holds 30,000 numbers. A
 * body is decoded a chunk of whole lines at a time ({@link #reading()}), keeping its line number
 * and its header from chunk to chunk.
 *
 * <p>Tolerated: a UTF-8 byte order mark, CRLF, blank lines, spaces around fields, quoted numbers,
 * and a first line that is a {@link CsvHeader}: the model's feature names, and optionally cost
 * columns, whose values are the row's own costs (an empty cost field: the model's fixed cost).
 * Refused with 400, naming the line and column: a field that is empty (a feature) or not a number,
 * NaN or infinite, a row with the wrong number of values, and a row whose costs are not reasonable.
 *
 * <p>Without a header a row is exactly the features. Rows laid out like the training file without
 * its label (cost columns at their training positions) are not accepted: the positions of cost
 * columns named by header are not stored in the model, and with one cost column such a row would
 * have the width of a row that wrongly kept its label, which is refused today with a clear message.
 */
final class CsvRequestDecoder {
  private final List<String> featureNames;
  private final Map<String, Integer> featureIndex;
  private final int features;
  private final ModelCosts costs;

  /** The last valid header seen, shared by the request threads (a stale read only re-parses). */
  private volatile KnownHeader lastHeader;

  CsvRequestDecoder(List<String> featureNames, ModelCosts costs) {
    this.featureNames = List.copyOf(featureNames);
    this.features = featureNames.size();
    this.costs = costs;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < features; i++) {
      index.putIfAbsent(this.featureNames.get(i), i);
    }
    this.featureIndex = Map.copyOf(index);
  }

  /** A new decoding of one request's body. */
  LineDecoding reading() {
    return new Reading();
  }

  /** One body's place: what its first line said. */
  private final class Reading extends LineDecoding {
    private boolean firstLine = true;

    /** Set by a header with cost columns; otherwise every row is the features in order. */
    private CsvHeader layout;

    private boolean started;

    @Override
    int firstLineStart(byte[] body, int from, int length) {
      if (started) {
        return from;
      }
      started = true;
      // Excel's "CSV UTF-8" and pandas' utf-8-sig start with a byte order mark; unskipped, it made
      // the first number "not a finite number" in a message that shows the number and hides the
      // mark.
      return startsWithByteOrderMark(body, from, length) ? from + 3 : from;
    }

    @Override
    boolean decodeLine(byte[] body, int pos, int end, long line, RowBuffer into) {
      int lineEnd = end > pos && body[end - 1] == '\r' ? end - 1 : end;
      if (isBlank(body, pos, lineEnd)) {
        return false;
      }
      if (firstLine) {
        firstLine = false;
        CsvHeader header = looksNumeric(body, pos, lineEnd) ? null : header(body, pos, lineEnd);
        if (header != null) {
          if (header.hasCosts()) {
            layout = header;
          }
          return false;
        }
      }
      int row = into.count();
      int offset = into.startRow();
      if (layout != null) {
        parseRowWithCosts(body, pos, lineEnd, line, layout, into, row);
      } else {
        parseRow(body, pos, lineEnd, line, into.values(), offset);
      }
      return true;
    }

    @Override
    ServingException noRows() {
      return ServingException.badRequest(
          "The request has no rows; send one row of "
              + features
              + " comma-separated features per"
              + " line (no label column).");
    }
  }

  /**
   * The header on bytes {@code [from, to)}, or null if the line is numbers. A client sends the same
   * header with every request, so the last one parsed is kept and recognised by its bytes: parsing
   * names costs more than decoding and scoring a single-row request.
   */
  private CsvHeader header(byte[] body, int from, int to) {
    KnownHeader known = lastHeader;
    if (known != null && Arrays.equals(known.bytes(), 0, known.bytes().length, body, from, to)) {
      return known.header();
    }
    CsvHeader header = CsvHeader.parse(body, from, to, featureNames, featureIndex, costs);
    if (header != null) {
      lastHeader = new KnownHeader(Arrays.copyOfRange(body, from, to), header);
    }
    return header;
  }

  /** A header line's bytes and what they parse to; immutable, so threads may share it. */
  private record KnownHeader(byte[] bytes, CsvHeader header) {}

  private void parseRow(byte[] body, int from, int to, long line, double[] values, int offset) {
    int column = 0;
    int start = from;
    while (true) {
      int end = start;
      while (end < to && body[end] != ',') {
        end++;
      }
      column++;
      if (column <= features) {
        values[offset + column - 1] = parseField(body, start, end, line, column, null);
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

  /**
   * A row under a header with cost columns: each column to its feature or cost; an empty cost field
   * leaves that cost to the model's fixed one.
   */
  private void parseRowWithCosts(
      byte[] body, int from, int to, long line, CsvHeader layout, RowBuffer into, int row) {
    double[] values = into.values();
    int valueOffset = row * features;
    // Every row under a cost header has costs, NaN where its field is empty.
    int costOffset = into.costOffset(row);
    double[] rowCosts = into.costs();
    int column = 0;
    int start = from;
    while (true) {
      int end = start;
      while (end < to && body[end] != ',') {
        end++;
      }
      if (column < layout.width()) {
        int target = layout.target(column);
        if (target >= 0) {
          values[valueOffset + target] = parseField(body, start, end, line, column + 1, null);
        } else {
          rowCosts[costOffset - 1 - target] =
              parseField(body, start, end, line, column + 1, layout.name(column));
        }
      }
      column++;
      if (end >= to) {
        break;
      }
      start = end + 1;
    }
    if (column != layout.width()) {
      throw ServingException.badRequest(
          "Line "
              + line
              + " has "
              + column
              + " values, but the header names "
              + layout.width()
              + " columns.");
    }
    String problem = costs.unreasonable(rowCosts, costOffset);
    if (problem != null) {
      throw ServingException.badRequest("Line " + line + ": " + problem);
    }
  }

  /**
   * The number in a field.
   *
   * @param costName null for a feature (which must have a value); a cost column's header name for a
   *     cost, whose empty field means "not given" and is NaN
   */
  private static double parseField(
      byte[] body, int from, int to, long line, int column, String costName) {
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
      if (costName != null) {
        return Double.NaN;
      }
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
    String text =
        Echo.clip(
            new String(body, start, Math.min(end - start, 4 * Echo.MAX), StandardCharsets.UTF_8));
    throw ServingException.badRequest(
        "Line "
            + line
            + ", column "
            + column
            + (costName != null ? " (" + costName + ")" : "")
            + ": '"
            + text
            + "' is not a finite number; send plain decimal numbers (no NaN or Infinity)"
            + (line == 1 && costName == null && column == 1 && !isNumeric(body, start, end)
                ? ", or a header line of the model's feature names."
                : "."));
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

  private static boolean startsWithByteOrderMark(byte[] body, int from, int length) {
    return length - from >= 3
        && body[from] == (byte) 0xEF
        && body[from + 1] == (byte) 0xBB
        && body[from + 2] == (byte) 0xBF;
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

  static boolean isNumericText(String text) {
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
}

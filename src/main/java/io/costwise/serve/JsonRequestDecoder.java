package io.costwise.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.costwise.cost.Outcome;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes {@code application/json} and {@code application/jsonlines} request bodies with Jackson's
 * streaming parser (no tree per request).
 *
 * <p>JSON: {@code {"instances": [[…], …]}} (rows may also be {@code {"features": […]}}), {@code
 * {"features": […]}} for one row, or a bare array of rows (or a bare array of numbers for one row).
 * JSON Lines: one row per line, each {@code […]} or {@code {"features": […]}}, decoded a chunk of
 * lines at a time ({@link #jsonLines()}); a JSON document is one value and is decoded whole.
 *
 * <p>A row given as an object may carry its own costs as numeric fields named like the model's cost
 * columns or {@code cost_tn}, {@code cost_fp}, {@code cost_fn}, {@code cost_tp}, in any order
 * around {@code "features"}; null is "not given" (the model's fixed cost applies). Other fields are
 * ignored.
 *
 * <p>Limits (Jackson's defaults, stated here because clients meet them): arrays and objects nest at
 * most {@value #MAX_DEPTH} deep, a number has at most {@value #MAX_NUMBER_LENGTH} characters. Every
 * malformed body, and every body past a limit, is a 400 with a sentence of ours giving the line and
 * column; no parser message reaches the client.
 */
final class JsonRequestDecoder {
  static final int MAX_DEPTH = 1000;
  static final int MAX_NUMBER_LENGTH = 1000;
  static final int MAX_STRING_LENGTH = 20_000_000;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .build())
          .build();

  private final int features;
  private final ModelCosts costs;

  JsonRequestDecoder(int features, ModelCosts costs) {
    this.features = features;
    this.costs = costs;
  }

  private static ServingException noRows(int features) {
    return ServingException.badRequest(
        "The request has no rows; send e.g. {\"instances\": [[" + features + " numbers]]}.");
  }

  /** Decodes one JSON document, held whole (it is one value, so it cannot be cut into lines). */
  Rows decodeJson(byte[] body, int length) {
    RowBuffer sink = new RowBuffer(features, 16, Integer.MAX_VALUE);
    double[] pending = new double[ModelCosts.PER_ROW];
    JsonParser parser = null;
    try {
      parser = JSON.createParser(body, 0, length);
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        readObject(parser, sink, pending);
      } else if (first == JsonToken.START_ARRAY) {
        JsonToken next = parser.nextToken();
        if (next == JsonToken.VALUE_NUMBER_INT
            || next == JsonToken.VALUE_NUMBER_FLOAT
            || next == JsonToken.VALUE_NULL) {
          // A bare array of values is one row; a null in it is refused there, by its position.
          readNumbers(parser, sink, "the row", true);
        } else {
          readRowsFrom(parser, next, sink, pending);
        }
      } else {
        throw ServingException.badRequest(
            "The JSON body must be an object such as {\"instances\": [[…]]} or an array of rows.");
      }
      if (parser.nextToken() != null) {
        throw ServingException.badRequest("The JSON body has content after its end.");
      }
    } catch (IOException e) {
      throw malformed("The body is not valid JSON", 0, e, parser, body, 0, length);
    } finally {
      close(parser);
    }
    if (sink.count() == 0) {
      throw noRows(features);
    }
    return sink.rows();
  }

  /** A new decoding of one JSON Lines body, a chunk of lines at a time. */
  LineDecoding jsonLines() {
    return new LinesReading();
  }

  /** One JSON Lines body's decoding. */
  private final class LinesReading extends LineDecoding {
    /** The costs of the row being read, NaN where it gives none; reused from row to row. */
    private final double[] pending = new double[ModelCosts.PER_ROW];

    @Override
    boolean decodeLine(byte[] body, int pos, int end, long line, RowBuffer sink) {
      if (blank(body, pos, end)) {
        return false;
      }
      String where = "line " + line;
      JsonParser parser = null;
      try {
        parser = JSON.createParser(body, pos, end - pos);
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
          readNumbers(parser, sink, where, false);
        } else if (token == JsonToken.START_OBJECT) {
          readFeaturesObject(parser, sink, where, pending);
        } else {
          throw ServingException.badRequest(
              "JSON Lines " + where + " must be an array of numbers or {\"features\": […]}.");
        }
      } catch (IOException e) {
        throw malformed(
            "JSON Lines line " + line + " is not valid JSON", line, e, parser, body, pos, end);
      } finally {
        close(parser);
      }
      return true;
    }

    @Override
    ServingException noRows() {
      return JsonRequestDecoder.noRows(features);
    }
  }

  private void readObject(JsonParser parser, RowBuffer sink, double[] pending) throws IOException {
    boolean instances = false;
    int row = -1;
    // Not the sink's pending costs: those are reused by each instance read meanwhile.
    double[] given = new double[ModelCosts.PER_ROW];
    Arrays.fill(given, Double.NaN);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("instances") && value == JsonToken.START_ARRAY) {
        readRowsFrom(parser, parser.nextToken(), sink, pending);
        instances = true;
      } else if (name.equals("features") && value == JsonToken.START_ARRAY) {
        readNumbers(parser, sink, "the row", false);
        row = sink.count() - 1;
      } else if (!readCost(parser, name, value, given, "the row")) {
        parser.skipChildren();
      }
    }
    if (!instances && row < 0) {
      throw ServingException.badRequest(
          "The JSON object has neither \"instances\" nor \"features\"; send {\"instances\": [[…],"
              + " …]} or {\"features\": […]}.");
    }
    if (ModelCosts.carries(given, 0)) {
      if (instances) {
        throw ServingException.badRequest(
            "The JSON body gives costs beside \"instances\"; give each instance its own, e.g."
                + " {\"instances\": [{\"features\": […], \"cost_fn\": 500}]}.");
      }
      checkCosts(given, "the row");
      sink.setCosts(row, given);
    }
  }

  /** Rows of an array whose first element token is {@code token}, until the array ends. */
  private void readRowsFrom(JsonParser parser, JsonToken token, RowBuffer sink, double[] pending)
      throws IOException {
    int instance = 0;
    for (JsonToken t = token; t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      instance++;
      String where = "instance " + instance;
      if (t == JsonToken.START_ARRAY) {
        readNumbers(parser, sink, where, false);
      } else if (t == JsonToken.START_OBJECT) {
        readFeaturesObject(parser, sink, where, pending);
      } else {
        throw ServingException.badRequest(
            "JSON " + where + " must be an array of numbers or {\"features\": […]}.");
      }
    }
  }

  private void readFeaturesObject(JsonParser parser, RowBuffer sink, String where, double[] pending)
      throws IOException {
    int row = -1;
    Arrays.fill(pending, Double.NaN);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY && name.equals("features")) {
        readNumbers(parser, sink, where, false);
        row = sink.count() - 1;
      } else if (!readCost(parser, name, value, pending, where)) {
        parser.skipChildren();
      }
    }
    if (row < 0) {
      throw ServingException.badRequest("JSON " + where + " has no \"features\" array.");
    }
    if (ModelCosts.carries(pending, 0)) {
      checkCosts(pending, where);
      sink.setCosts(row, pending);
    }
  }

  /**
   * Reads the field's value into {@code pending} if the field names a cost.
   *
   * @return whether it does
   */
  private boolean readCost(
      JsonParser parser, String name, JsonToken value, double[] pending, String where)
      throws IOException {
    Outcome outcome = costs.outcomeNamed(name);
    if (outcome == null) {
      return false;
    }
    if (value == JsonToken.VALUE_NULL) {
      return true;
    }
    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
      throw ServingException.badRequest(
          "JSON " + where + ", \"" + name + "\": " + notANumber(parser, value, "a cost"));
    }
    double cost = parser.getDoubleValue();
    if (!Double.isFinite(cost)) {
      throw ServingException.badRequest(
          "JSON "
              + where
              + ", \""
              + name
              + "\": "
              + Echo.clip(parser.getText())
              + " is not finite.");
    }
    if (!Double.isNaN(pending[outcome.ordinal()])) {
      throw ServingException.badRequest(
          "JSON " + where + " gives the cost of a " + outcome.words() + " twice.");
    }
    pending[outcome.ordinal()] = cost;
    return true;
  }

  private void checkCosts(double[] pending, String where) {
    String problem = costs.unreasonable(pending, 0);
    if (problem != null) {
      throw ServingException.badRequest("JSON " + where + ": " + problem);
    }
  }

  /**
   * Reads one row of numbers; the parser is inside the array (on its first element when {@code
   * atFirst}, else just after its start).
   */
  private void readNumbers(JsonParser parser, RowBuffer sink, String where, boolean atFirst)
      throws IOException {
    int offset = sink.startRow();
    double[] values = sink.values();
    int count = 0;
    JsonToken token = atFirst ? parser.currentToken() : parser.nextToken();
    for (; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      count++;
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        throw ServingException.badRequest(
            "JSON " + where + ", value " + count + ": " + notANumber(parser, token, "a feature"));
      }
      double value = parser.getDoubleValue();
      if (!Double.isFinite(value)) {
        throw ServingException.badRequest(
            "JSON "
                + where
                + ", value "
                + count
                + ": "
                + Echo.clip(parser.getText())
                + " is not finite (beyond the range of a double); send finite numbers.");
      }
      if (count <= features) {
        values[offset + count - 1] = value;
      }
    }
    if (count != features) {
      throw ServingException.badRequest(
          "JSON "
              + where
              + " has "
              + count
              + " values, but the model expects "
              + features
              + " features.");
    }
  }

  /** What a value that should be a number is, in a sentence that says what to send. */
  private static String notANumber(JsonParser parser, JsonToken token, String what)
      throws IOException {
    return switch (token) {
      case VALUE_STRING ->
          "\""
              + Echo.clip(parser.getText())
              + "\" is a string; "
              + what
              + " is a JSON number, written without quotes.";
      case START_ARRAY -> "an array where a number belongs; " + what + " is one JSON number.";
      case START_OBJECT -> "an object where a number belongs; " + what + " is one JSON number.";
      case VALUE_NULL -> "null where a number belongs; " + what + " needs a value.";
      default -> Echo.clip(parser.getText()) + " is not a number; " + what + " is a JSON number.";
    };
  }

  /**
   * Our sentence for a body the parser refuses: where (line and column of the body, or the column
   * of a JSON Lines line) and why, in words of ours; Jackson's messages name its own settings and
   * classes, which mean nothing to a client.
   *
   * @param line the JSON Lines line (its column is reported), or 0 for a whole JSON body
   */
  private static ServingException malformed(
      String what, long line, IOException e, JsonParser parser, byte[] body, int from, int to) {
    JsonLocation location =
        e instanceof JsonProcessingException p && p.getLocation() != null
            ? p.getLocation()
            : parser != null ? parser.currentLocation() : null;
    String at = "";
    if (location != null && location.getLineNr() > 0) {
      at =
          line > 0
              ? " at column " + location.getColumnNr()
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    String why;
    if (e instanceof StreamConstraintsException) {
      if (lower.contains("nesting depth")) {
        why =
            "its arrays and objects nest more than "
                + MAX_DEPTH
                + " deep (rows need three levels: {\"instances\": [{\"features\": […]}]})";
      } else if (lower.contains("number")) {
        why =
            "it has a number longer than "
                + MAX_NUMBER_LENGTH
                + " characters (a double needs at most 17 significant digits)";
      } else if (lower.contains("string") || lower.contains("name")) {
        why = "it has a string or field name longer than " + MAX_STRING_LENGTH + " characters";
      } else {
        why = "it exceeds a limit of the JSON reader";
      }
    } else if (lower.contains("'nan'") || lower.contains("infinity'")) {
      why = "NaN and Infinity are not JSON numbers, and features must be finite";
    } else if (lower.contains("end-of-input") || lower.contains("end of input")) {
      why = "it ends before its arrays and objects are closed";
    } else if (lower.contains("utf-8")
        || lower.contains("utf-32")
        || lower.contains("utf8")
        || e instanceof java.io.CharConversionException) {
      why = "its bytes are not UTF-8 text";
    } else if (lower.contains("leading zero")) {
      why = "a number starts with a zero (write 1, not 01)";
    } else if (lower.contains("double-quote to start field name")
        || lower.contains("was expecting double-quote")) {
      why = "a field name is not in double quotes";
    } else if (lower.contains("expecting comma") || lower.contains("expecting a colon")) {
      why = "a comma or colon is missing" + near(location, body, from, to);
    } else {
      why = "unexpected text" + near(location, body, from, to);
    }
    return ServingException.badRequest(what + at + ": " + why + ".");
  }

  /** A few characters of the body before the error's offset, printable ASCII only. */
  private static String near(JsonLocation location, byte[] body, int from, int to) {
    if (location == null || location.getByteOffset() < 0) {
      return "";
    }
    long offset = from + location.getByteOffset();
    int end = (int) Math.min(to, offset + 1);
    int start = Math.max(from, end - 20);
    StringBuilder text = new StringBuilder();
    for (int i = start; i < end; i++) {
      char c = (char) (body[i] & 0xff);
      text.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return text.isEmpty() ? "" : " (near '" + text.toString().strip() + "')";
  }

  private static void close(JsonParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException e) {
        // A parser over a byte array has nothing to release.
      }
    }
  }

  private static boolean blank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] != ' ' && body[i] != '\t' && body[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}

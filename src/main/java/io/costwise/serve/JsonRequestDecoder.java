package io.costwise.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.costwise.cost.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Decodes {@code application/json} and {@code application/jsonlines} request bodies with Jackson's
 * streaming parser (no tree per request).
 *
 * <p>JSON: {@code {"instances": [[…], …]}} (rows may also be {@code {"features": […]}}), {@code
 * {"features": […]}} for one row, or a bare array of rows (or a bare array of numbers for one row).
 * JSON Lines: one row per line, each {@code […]} or {@code {"features": […]}}.
 *
 * <p>A row given as an object may carry its own costs as numeric fields named like the model's cost
 * columns or {@code cost_tn}, {@code cost_fp}, {@code cost_fn}, {@code cost_tp}, in any order
 * around {@code "features"}; null is "not given" (the model's fixed cost applies). Other fields are
 * ignored.
 */
final class JsonRequestDecoder {
  private static final JsonFactory JSON = new JsonFactory();

  private final int features;
  private final ModelCosts costs;

  JsonRequestDecoder(int features, ModelCosts costs) {
    this.features = features;
    this.costs = costs;
  }

  /** A growing row-major buffer, and the costs rows carry (allocated by the first row with any). */
  private final class Sink {
    double[] values = new double[features * 16];
    int rows;
    double[] costs;

    /** The costs of the instance being read, NaN where it gives none; reused from row to row. */
    final double[] pending = new double[ModelCosts.PER_ROW];

    int startRow() {
      if ((rows + 1) * features > values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      return rows++ * features;
    }

    /** Gives row {@code row} the costs {@code given} (four, NaN where none), if there are any. */
    void setCosts(int row, double[] given) {
      if (!ModelCosts.carries(given, 0)) {
        return;
      }
      int needed = (row + 1) * ModelCosts.PER_ROW;
      if (costs == null || needed > costs.length) {
        int previous = costs == null ? 0 : costs.length;
        costs =
            Arrays.copyOf(costs == null ? new double[0] : costs, Math.max(needed, 2 * previous));
        Arrays.fill(costs, previous, costs.length, Double.NaN);
      }
      System.arraycopy(given, 0, costs, row * ModelCosts.PER_ROW, ModelCosts.PER_ROW);
    }

    Rows rows() {
      if (rows == 0) {
        throw ServingException.badRequest(
            "The request has no rows; send e.g. {\"instances\": [[" + features + " numbers]]}.");
      }
      if (costs != null && costs.length < rows * ModelCosts.PER_ROW) {
        // Rows after the last one with costs have none.
        int previous = costs.length;
        costs = Arrays.copyOf(costs, rows * ModelCosts.PER_ROW);
        Arrays.fill(costs, previous, costs.length, Double.NaN);
      }
      return new Rows(values, rows, costs);
    }
  }

  Rows decodeJson(byte[] body, int length) {
    Sink sink = new Sink();
    try (JsonParser parser = JSON.createParser(body, 0, length)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        readObject(parser, sink, "the body");
      } else if (first == JsonToken.START_ARRAY) {
        JsonToken next = parser.nextToken();
        if (next == JsonToken.VALUE_NUMBER_INT || next == JsonToken.VALUE_NUMBER_FLOAT) {
          readNumbers(parser, sink, "the row", true);
        } else {
          readRowsFrom(parser, next, sink);
        }
      } else {
        throw ServingException.badRequest(
            "The JSON body must be an object such as {\"instances\": [[…]]} or an array of rows.");
      }
      if (parser.nextToken() != null) {
        throw ServingException.badRequest("The JSON body has content after its end.");
      }
    } catch (JsonParseException e) {
      throw malformed("JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink.rows();
  }

  Rows decodeJsonLines(byte[] body, int length) {
    Sink sink = new Sink();
    int line = 0;
    int pos = 0;
    while (pos < length) {
      int end = pos;
      while (end < length && body[end] != '\n') {
        end++;
      }
      line++;
      if (!blank(body, pos, end)) {
        String where = "line " + line;
        try (JsonParser parser = JSON.createParser(body, pos, end - pos)) {
          JsonToken token = parser.nextToken();
          if (token == JsonToken.START_ARRAY) {
            readNumbers(parser, sink, where, false);
          } else if (token == JsonToken.START_OBJECT) {
            readFeaturesObject(parser, sink, where);
          } else {
            throw ServingException.badRequest(
                "JSON Lines " + where + " must be an array of numbers or {\"features\": […]}.");
          }
        } catch (JsonParseException e) {
          throw malformed("JSON on line " + line, e);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      pos = end + 1;
    }
    return sink.rows();
  }

  private void readObject(JsonParser parser, Sink sink, String where) throws IOException {
    boolean instances = false;
    int row = -1;
    // Not the sink's pending costs: those are reused by each instance read meanwhile.
    double[] given = new double[ModelCosts.PER_ROW];
    Arrays.fill(given, Double.NaN);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("instances") && value == JsonToken.START_ARRAY) {
        readRowsFrom(parser, parser.nextToken(), sink);
        instances = true;
      } else if (name.equals("features") && value == JsonToken.START_ARRAY) {
        readNumbers(parser, sink, "the row", false);
        row = sink.rows - 1;
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
  private void readRowsFrom(JsonParser parser, JsonToken token, Sink sink) throws IOException {
    int instance = 0;
    for (JsonToken t = token; t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      instance++;
      String where = "instance " + instance;
      if (t == JsonToken.START_ARRAY) {
        readNumbers(parser, sink, where, false);
      } else if (t == JsonToken.START_OBJECT) {
        readFeaturesObject(parser, sink, where);
      } else {
        throw ServingException.badRequest(
            "JSON " + where + " must be an array of numbers or {\"features\": […]}.");
      }
    }
  }

  private void readFeaturesObject(JsonParser parser, Sink sink, String where) throws IOException {
    int row = -1;
    Arrays.fill(sink.pending, Double.NaN);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY && name.equals("features")) {
        readNumbers(parser, sink, where, false);
        row = sink.rows - 1;
      } else if (!readCost(parser, name, value, sink.pending, where)) {
        parser.skipChildren();
      }
    }
    if (row < 0) {
      throw ServingException.badRequest("JSON " + where + " has no \"features\" array.");
    }
    if (ModelCosts.carries(sink.pending, 0)) {
      checkCosts(sink.pending, where);
      sink.setCosts(row, sink.pending);
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
      String text =
          value == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\"" : parser.getText();
      throw ServingException.badRequest(
          "JSON "
              + where
              + ", \""
              + name
              + "\": "
              + text
              + " is not a number; a cost is a number.");
    }
    double cost = parser.getDoubleValue();
    if (!Double.isFinite(cost)) {
      throw ServingException.badRequest(
          "JSON " + where + ", \"" + name + "\": " + parser.getText() + " is not finite.");
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
  private void readNumbers(JsonParser parser, Sink sink, String where, boolean atFirst)
      throws IOException {
    int offset = sink.startRow();
    int count = 0;
    JsonToken token = atFirst ? parser.currentToken() : parser.nextToken();
    for (; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      count++;
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        throw ServingException.badRequest(
            "JSON " + where + ", value " + count + ": " + parser.getText() + " is not a number.");
      }
      double value = parser.getDoubleValue();
      if (!Double.isFinite(value)) {
        throw ServingException.badRequest(
            "JSON " + where + ", value " + count + ": " + parser.getText() + " is not finite.");
      }
      if (count <= features) {
        sink.values[offset + count - 1] = value;
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

  private static ServingException malformed(String what, JsonParseException e) {
    return ServingException.badRequest(
        "The body is not valid "
            + what
            + " at line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ": "
            + e.getOriginalMessage());
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

package io.costwise.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 */
final class JsonRequestDecoder {
  private static final JsonFactory JSON = new JsonFactory();

  private final int features;

  JsonRequestDecoder(int features) {
    this.features = features;
  }

  /** A growing row-major buffer. */
  private final class Sink {
    double[] values = new double[features * 16];
    int rows;

    int startRow() {
      if ((rows + 1) * features > values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      return rows++ * features;
    }

    Rows rows() {
      if (rows == 0) {
        throw ServingException.badRequest(
            "The request has no rows; send e.g. {\"instances\": [[" + features + " numbers]]}.");
      }
      return new Rows(values, rows, null);
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
    boolean found = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("instances") && value == JsonToken.START_ARRAY) {
        readRowsFrom(parser, parser.nextToken(), sink);
        found = true;
      } else if (name.equals("features") && value == JsonToken.START_ARRAY) {
        readNumbers(parser, sink, "the row", false);
        found = true;
      } else {
        parser.skipChildren();
      }
    }
    if (!found) {
      throw ServingException.badRequest(
          "The JSON object has neither \"instances\" nor \"features\"; send {\"instances\": [[…],"
              + " …]} or {\"features\": […]}.");
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
    boolean found = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("features")) {
        readNumbers(parser, sink, where, false);
        found = true;
      } else {
        parser.skipChildren();
      }
    }
    if (!found) {
      throw ServingException.badRequest("JSON " + where + " has no \"features\" array.");
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

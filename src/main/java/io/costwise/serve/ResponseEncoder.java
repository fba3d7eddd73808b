package io.costwise.serve;

import io.costwise.sagemaker.ContentTypes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes predictions, one per input row and in input order (batch transform relies on it):
 *
 * <ul>
 *   <li>{@code text/csv}: one line per row, the chosen fields comma-separated, e.g. {@code
 *       0.9731,1};
 *   <li>{@code application/json}: {@code {"predictions": [{"probability": 0.9731, "label": 1},
 *       …]}};
 *   <li>{@code application/jsonlines}: one such object per line.
 * </ul>
 *
 * Asked for by Linear Learner's or XGBoost's names ({@code score}, {@code predicted_label}, {@code
 * probabilities}, …), the JSON keys are those names; {@code labels}, {@code probabilities} and
 * {@code raw_scores} are two-element lists ({@code [0,1]}, {@code [1 − p, p]}), in CSV one quoted
 * field {@code "[0.0269, 0.9731]"} as XGBoost writes it. With {@link OutputField#EXPECTED_COST},
 * two numbers per row: {@code expected_cost_flag} then {@code expected_cost_pass} (two CSV columns
 * in that order). Probabilities and costs are written with {@link Double#toString}: the shortest
 * text that reads back as the same double.
 *
 * <p>A streamed body is encoded a chunk of rows at a time into one growing buffer: memory is the
 * response (20–60 bytes a row), not the request. Nothing is sent until the whole body decoded, so a
 * bad row anywhere is still a 400 and never half an answer.
 */
final class ResponseEncoder {
  /** Encoded text is moved into the byte buffer once it is this long (a streamed batch body). */
  private static final int FLUSH_CHARS = 1 << 20;

  private final String mediaType;
  private final List<OutputField> fields;

  /** Created by the first rows, sized for them. */
  private StringBuilder text;

  private byte[] bytes;
  private int length;
  private long rows;

  /**
   * An encoder for one response, which gets the predictions a chunk of rows at a time.
   *
   * @throws IllegalArgumentException for a media type it cannot write (negotiation comes first)
   */
  ResponseEncoder(String mediaType, List<OutputField> fields) {
    if (!mediaType.equals(ContentTypes.CSV)
        && !mediaType.equals(ContentTypes.JSON)
        && !mediaType.equals(ContentTypes.JSON_LINES)) {
      throw new IllegalArgumentException("no encoder for " + mediaType);
    }
    this.mediaType = mediaType;
    this.fields = fields;
  }

  /** The whole response for one block of predictions. */
  static byte[] encode(
      String mediaType, double[] probabilities, Decisions decisions, List<OutputField> fields) {
    ResponseEncoder encoder = new ResponseEncoder(mediaType, fields);
    encoder.add(probabilities, decisions);
    return encoder.finish();
  }

  /** Appends the predictions of the next rows; {@code decisions} index them from 0. */
  void add(double[] probabilities, Decisions decisions) {
    int estimate = probabilities.length * (fields.size() * 12 + 20) + 20;
    if (text == null) {
      text = new StringBuilder(estimate);
    } else {
      text.ensureCapacity(text.length() + estimate);
    }
    StringBuilder out = text;
    switch (mediaType) {
      case ContentTypes.CSV -> {
        for (int row = 0; row < probabilities.length; row++) {
          appendFields(out, row, probabilities[row], decisions, fields, false);
          out.append('\n');
        }
      }
      case ContentTypes.JSON -> {
        for (int row = 0; row < probabilities.length; row++) {
          out.append(rows == 0 && row == 0 ? "{\"predictions\":[" : ",");
          appendObject(out, row, probabilities[row], decisions, fields);
        }
      }
      default -> {
        for (int row = 0; row < probabilities.length; row++) {
          appendObject(out, row, probabilities[row], decisions, fields);
          out.append('\n');
        }
      }
    }
    rows += probabilities.length;
    if (out.length() >= FLUSH_CHARS) {
      flush();
    }
  }

  /** The encoded response. */
  byte[] finish() {
    if (text == null) {
      text = new StringBuilder();
    }
    if (mediaType.equals(ContentTypes.JSON)) {
      text.append(rows == 0 ? "{\"predictions\":[]}" : "]}");
    }
    if (bytes == null) {
      // Everything is still text (a request of one chunk): one copy, as before streaming.
      return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
    flush();
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }

  private void flush() {
    byte[] chunk = text.toString().getBytes(StandardCharsets.US_ASCII);
    text.setLength(0);
    if (bytes == null) {
      bytes = chunk;
      length = chunk.length;
      return;
    }
    if (length + (long) chunk.length > bytes.length) {
      long grown = Math.max(length + (long) chunk.length, 2L * bytes.length);
      if (grown > RowBuffer.MAX_ARRAY) {
        throw ServingException.payloadTooLarge(
            "The response to this request would be larger than one array can hold; split it.");
      }
      bytes = Arrays.copyOf(bytes, (int) grown);
    }
    System.arraycopy(chunk, 0, bytes, length, chunk.length);
    length += chunk.length;
  }

  private static void appendObject(
      StringBuilder out, int row, double p, Decisions decisions, List<OutputField> fields) {
    out.append('{');
    appendFields(out, row, p, decisions, fields, true);
    out.append('}');
  }

  private static void appendFields(
      StringBuilder out,
      int row,
      double p,
      Decisions decisions,
      List<OutputField> fields,
      boolean named) {
    for (int f = 0; f < fields.size(); f++) {
      if (f > 0) {
        out.append(',');
      }
      OutputField field = fields.get(f);
      switch (field) {
        case PROBABILITY, SCORE, RAW_SCORE -> name(out, field.key(), named).append(p);
        case LABEL, PREDICTED_LABEL ->
            name(out, field.key(), named).append(decisions.flag(row, p) ? 1 : 0);
        case EXPECTED_COST -> {
          name(out, OutputField.FLAG_KEY, named).append(decisions.expectedCost(row, p, true));
          out.append(',');
          name(out, OutputField.PASS_KEY, named).append(decisions.expectedCost(row, p, false));
        }
        case LABELS -> list(name(out, field.key(), named), "0", "1", named);
        case PROBABILITIES, RAW_SCORES ->
            list(name(out, field.key(), named), Double.toString(1 - p), Double.toString(p), named);
      }
    }
  }

  /**
   * A two-element list: a JSON array, or in CSV the quoted text {@code "[a, b]"} that XGBoost's
   * container writes (a CSV reader sees one field; clients written for XGBoost parse it as they do
   * there).
   */
  private static void list(StringBuilder out, String first, String second, boolean named) {
    if (named) {
      out.append('[').append(first).append(',').append(second).append(']');
    } else {
      out.append("\"[").append(first).append(", ").append(second).append("]\"");
    }
  }

  private static StringBuilder name(StringBuilder out, String key, boolean named) {
    return named ? out.append('"').append(key).append("\":") : out;
  }
}

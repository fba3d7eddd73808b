package io.costwise.serve;

import io.costwise.sagemaker.ContentTypes;
import java.nio.charset.StandardCharsets;
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
 */
final class ResponseEncoder {
  private ResponseEncoder() {}

  static byte[] encode(
      String mediaType, double[] probabilities, Decisions decisions, List<OutputField> fields) {
    StringBuilder out = new StringBuilder(probabilities.length * (fields.size() * 12 + 20));
    switch (mediaType) {
      case ContentTypes.CSV -> {
        for (int row = 0; row < probabilities.length; row++) {
          appendFields(out, row, probabilities[row], decisions, fields, false);
          out.append('\n');
        }
      }
      case ContentTypes.JSON -> {
        out.append("{\"predictions\":[");
        for (int row = 0; row < probabilities.length; row++) {
          if (row > 0) {
            out.append(',');
          }
          appendObject(out, row, probabilities[row], decisions, fields);
        }
        out.append("]}");
      }
      case ContentTypes.JSON_LINES -> {
        for (int row = 0; row < probabilities.length; row++) {
          appendObject(out, row, probabilities[row], decisions, fields);
          out.append('\n');
        }
      }
      default -> throw new IllegalArgumentException("no encoder for " + mediaType);
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
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

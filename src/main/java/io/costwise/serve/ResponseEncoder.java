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
 * Asked for by Linear Learner's names ({@code score}, {@code predicted_label}), the JSON keys are
 * those names. With {@link OutputField#EXPECTED_COST}, two numbers per row: {@code
 * expected_cost_flag} then {@code expected_cost_pass} (two CSV columns in that order).
 * Probabilities and costs are written with {@link Double#toString}: the shortest text that reads
 * back as the same double.
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
        case PROBABILITY, SCORE -> name(out, field.key(), named).append(p);
        case LABEL, PREDICTED_LABEL ->
            name(out, field.key(), named).append(decisions.flag(row, p) ? 1 : 0);
        case EXPECTED_COST -> {
          name(out, OutputField.FLAG_KEY, named).append(decisions.expectedCost(row, p, true));
          out.append(',');
          name(out, OutputField.PASS_KEY, named).append(decisions.expectedCost(row, p, false));
        }
      }
    }
  }

  private static StringBuilder name(StringBuilder out, String key, boolean named) {
    return named ? out.append('"').append(key).append("\":") : out;
  }
}

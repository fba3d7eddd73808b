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
 * Probabilities are written with {@link Double#toString}: the shortest text that reads back as the
 * same double.
 */
final class ResponseEncoder {
  private ResponseEncoder() {}

  static byte[] encode(
      String mediaType, double[] probabilities, double threshold, List<OutputField> fields) {
    StringBuilder out = new StringBuilder(probabilities.length * (fields.size() * 12 + 20));
    switch (mediaType) {
      case ContentTypes.CSV -> {
        for (double p : probabilities) {
          appendFields(out, p, threshold, fields, false);
          out.append('\n');
        }
      }
      case ContentTypes.JSON -> {
        out.append("{\"predictions\":[");
        for (int i = 0; i < probabilities.length; i++) {
          if (i > 0) {
            out.append(',');
          }
          appendObject(out, probabilities[i], threshold, fields);
        }
        out.append("]}");
      }
      case ContentTypes.JSON_LINES -> {
        for (double p : probabilities) {
          appendObject(out, p, threshold, fields);
          out.append('\n');
        }
      }
      default -> throw new IllegalArgumentException("no encoder for " + mediaType);
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void appendObject(
      StringBuilder out, double p, double threshold, List<OutputField> fields) {
    out.append('{');
    appendFields(out, p, threshold, fields, true);
    out.append('}');
  }

  private static void appendFields(
      StringBuilder out, double p, double threshold, List<OutputField> fields, boolean named) {
    for (int f = 0; f < fields.size(); f++) {
      if (f > 0) {
        out.append(',');
      }
      OutputField field = fields.get(f);
      if (named) {
        out.append('"').append(field.key()).append("\":");
      }
      if (field == OutputField.PROBABILITY) {
        out.append(p);
      } else {
        out.append(p >= threshold ? 1 : 0);
      }
    }
  }
}

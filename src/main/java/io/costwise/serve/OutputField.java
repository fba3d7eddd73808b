package io.costwise.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each prediction in a response carries. Users of other containers complain when they get
 * labels and wanted probabilities, or the reverse, so the fields are chosen per request ({@code
 * fields=probability} in the custom attributes) or per endpoint ({@code COSTWISE_OUTPUT_FIELDS}).
 */
public enum OutputField {
  /** The model's probability of the positive class. */
  PROBABILITY("probability"),
  /** 1 when the probability is at least the threshold, else 0. */
  LABEL("label");

  static final List<OutputField> DEFAULT = List.of(PROBABILITY, LABEL);

  private final String key;

  OutputField(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  /**
   * Parses a list such as {@code probability,label} or {@code label} (separated by commas, spaces
   * or {@code +}), in the order given.
   */
  static List<OutputField> parseList(String text) {
    List<OutputField> fields = new ArrayList<>();
    for (String part : text.toLowerCase(Locale.ROOT).split("[,+\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      OutputField field =
          switch (part) {
            case "probability", "probabilities", "score" -> PROBABILITY;
            case "label", "labels", "predicted_label" -> LABEL;
            default ->
                throw ServingException.badRequest(
                    "Unknown output field '" + part + "'; use probability, label or both.");
          };
      if (!fields.contains(field)) {
        fields.add(field);
      }
    }
    if (fields.isEmpty()) {
      throw ServingException.badRequest("No output fields given; use probability, label or both.");
    }
    return List.copyOf(fields);
  }
}

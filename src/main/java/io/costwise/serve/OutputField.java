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
  /** 1 when the row is flagged (its probability is at least its threshold), else 0. */
  LABEL("label"),
  /**
   * Two numbers: the expected cost of flagging the row, p·c_TP + (1 − p)·c_FP, then of passing it,
   * p·c_FN + (1 − p)·c_TN, with the row's costs where it gives them and the fixed ones elsewhere.
   * In JSON they are {@link #FLAG_KEY} and {@link #PASS_KEY}; in CSV two columns in that order.
   */
  EXPECTED_COST("expected_cost"),
  /** {@link #PROBABILITY} under Linear Learner's name: asked for as {@code score}, keyed so. */
  SCORE("score"),
  /** {@link #LABEL} under Linear Learner's name: asked for as {@code predicted_label}, keyed so. */
  PREDICTED_LABEL("predicted_label");

  static final String FLAG_KEY = "expected_cost_flag";
  static final String PASS_KEY = "expected_cost_pass";

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
   * or {@code +}), in the order given. Linear Learner's names are accepted too, and keep their
   * names in JSON responses: {@code score} is the probability, {@code predicted_label} the label,
   * so {@code fields=score,predicted_label} answers {@code {"predictions": [{"score": 0.97,
   * "predicted_label": 1}]}} as Linear Learner does.
   */
  static List<OutputField> parseList(String text) {
    List<OutputField> fields = new ArrayList<>();
    for (String part : text.toLowerCase(Locale.ROOT).split("[,+\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      OutputField field =
          switch (part) {
            case "probability", "probabilities" -> PROBABILITY;
            case "label", "labels" -> LABEL;
            case "score" -> SCORE;
            case "predicted_label" -> PREDICTED_LABEL;
            case "expected_cost", "expected_costs" -> EXPECTED_COST;
            default ->
                throw ServingException.badRequest(
                    "Unknown output field '"
                        + Echo.clip(part)
                        + "'; use probability, label, expected_cost (or Linear Learner's score,"
                        + " predicted_label) or several of them.");
          };
      if (!fields.contains(field)) {
        fields.add(field);
      }
    }
    if (fields.isEmpty()) {
      throw ServingException.badRequest(
          "No output fields given; use probability, label, expected_cost or several of them.");
    }
    return List.copyOf(fields);
  }
}

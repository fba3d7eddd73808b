package io.costwise.serve;

import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each prediction in a response carries. Users of other containers complain when they get
 * labels and wanted probabilities, or the reverse, so the fields are chosen per request ({@code
 * fields=probability} in the custom attributes) or per endpoint ({@code
 * SAGEMAKER_INFERENCE_OUTPUT}, as SageMaker's XGBoost and Autopilot containers read it).
 *
 * <p>A field asked for by another container's name keeps that name as its JSON key and that
 * container's meaning, so clients written against XGBoost (selectable inference content, {@code
 * binary:logistic}) or Linear Learner read costwise's answers unchanged.
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
  /** {@link #LABEL} under Linear Learner's and XGBoost's name {@code predicted_label}. */
  PREDICTED_LABEL("predicted_label"),
  /** XGBoost's list of every label, {@code [0, 1]}: the order of {@link #PROBABILITIES}. */
  LABELS("labels"),
  /** XGBoost's list of each label's probability, {@code [1 − p, p]}. */
  PROBABILITIES("probabilities"),
  /**
   * XGBoost's raw score. For {@code binary:logistic} XGBoost answers the probability here (its
   * prediction is already one), and so does costwise, whose model is the same kind of classifier.
   */
  RAW_SCORE("raw_score"),
  /** XGBoost's raw scores, {@code [1 − p, p]} for {@code binary:logistic}, as here. */
  RAW_SCORES("raw_scores");

  static final String FLAG_KEY = "expected_cost_flag";
  static final String PASS_KEY = "expected_cost_pass";

  static final List<OutputField> DEFAULT = List.of(PROBABILITY, LABEL);

  /** Every name a list may hold, for messages. */
  static final String NAMES =
      Arrays.stream(values()).map(OutputField::key).collect(Collectors.joining(", "));

  private final String key;

  OutputField(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }

  /**
   * Parses a list such as {@code probability,label} or {@code label} (separated by commas, spaces
   * or {@code +}, any case), in the order given; a name given twice counts once. Linear Learner's
   * and XGBoost's names are accepted and keep their names in JSON responses: {@code
   * fields=score,predicted_label} answers {@code {"predictions": [{"score": 0.97,
   * "predicted_label": 1}]}} as Linear Learner does.
   *
   * @throws ServingException (400) for an unknown name or an empty list
   */
  static List<OutputField> parseList(String text) {
    List<OutputField> fields = new ArrayList<>();
    for (String part : names(text)) {
      if (part.isEmpty()) {
        continue;
      }
      OutputField field = named(part);
      if (field == null) {
        throw ServingException.badRequest(
            "Unknown output field '" + Echo.clip(part) + "'; use one or more of " + NAMES + ".");
      }
      if (!fields.contains(field)) {
        fields.add(field);
      }
    }
    if (fields.isEmpty()) {
      throw ServingException.badRequest(
          "No output fields given; use one or more of " + NAMES + ".");
    }
    return List.copyOf(fields);
  }

  /**
   * The endpoint's default fields: {@code SAGEMAKER_INFERENCE_OUTPUT}, else {@code
   * COSTWISE_OUTPUT_FIELDS} (costwise's name before it read SageMaker's), else {@link #DEFAULT}.
   *
   * @throws InvalidInputException naming the variable and the allowed names when a name is unknown,
   *     or when both variables are set (which would win is not obvious to a reader)
   */
  static List<OutputField> defaults(SageMakerEnvironment environment) {
    Optional<String> sageMaker =
        environment.variable(SageMakerEnvironment.INFERENCE_OUTPUT_VARIABLE);
    Optional<String> costwise = environment.variable(SageMakerEnvironment.OUTPUT_FIELDS_VARIABLE);
    if (sageMaker.isPresent() && costwise.isPresent()) {
      throw new InvalidInputException(
          "Both "
              + SageMakerEnvironment.INFERENCE_OUTPUT_VARIABLE
              + " and "
              + SageMakerEnvironment.OUTPUT_FIELDS_VARIABLE
              + " are set; set only "
              + SageMakerEnvironment.INFERENCE_OUTPUT_VARIABLE
              + ", which replaces the other.");
    }
    String variable =
        sageMaker.isPresent()
            ? SageMakerEnvironment.INFERENCE_OUTPUT_VARIABLE
            : SageMakerEnvironment.OUTPUT_FIELDS_VARIABLE;
    Optional<String> text = sageMaker.or(() -> costwise);
    if (text.isEmpty()) {
      return DEFAULT;
    }
    try {
      return parseList(text.get());
    } catch (ServingException e) {
      String unknown =
          Arrays.stream(names(text.get()))
              .filter(name -> !name.isEmpty() && named(name) == null)
              .findFirst()
              .map(name -> " names '" + Echo.clip(name) + "', which is not an output field;")
              .orElse(" is '" + Echo.clip(text.get()) + "';");
      throw new InvalidInputException(
          "The environment variable "
              + variable
              + unknown
              + " it must be a comma-separated list of "
              + NAMES
              + ".",
          e);
    }
  }

  /** The names in a list, lower-cased (empty strings where separators meet). */
  private static String[] names(String text) {
    return text.toLowerCase(Locale.ROOT).split("[,+\\s]+");
  }

  private static OutputField named(String name) {
    if (name.equals("expected_costs")) {
      return EXPECTED_COST;
    }
    for (OutputField field : values()) {
      if (field.key.equals(name)) {
        return field;
      }
    }
    return null;
  }
}

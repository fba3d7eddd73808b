package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.costwise.artifact.NetworkScorer;
import io.costwise.artifact.NetworkShape;
import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code SAGEMAKER_INFERENCE_OUTPUT}: the endpoint's default fields, with XGBoost's names and
 * meanings (selectable inference content, {@code binary:logistic}), through {@link
 * InferenceService}. The model is one logistic unit on feature x with no scaling, so p = σ(x).
 */
class InferenceOutputTest {
  private static final Predictor SIGMOID_OF_X =
      new Predictor(
          new NetworkScorer(
              new NetworkShape(2, List.of()),
              new double[] {1, 0, 0},
              new double[] {0, 0},
              new double[] {1, 1}),
          0.5,
          List.of("x", "y"),
          new ModelCosts(ServeFixtures.COSTS.model(), List.of("x", "y")));

  /** p = σ(−ln 3) ≈ 0.25: below the threshold, and 1 − p differs from p. */
  private static final String QUARTER = Double.toString(-Math.log(3)) + ",0";

  private static ServingSettings settings(Map<String, String> variables) {
    return ServingSettings.from(SageMakerEnvironment.of(variables, Optional.empty()), 0);
  }

  private static String answer(
      Map<String, String> variables, String accept, String body, String attributes) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    InferenceService service = new InferenceService(SIGMOID_OF_X, settings(variables));
    return new String(
        service.invoke(InvocationRequest.of("text/csv", accept, bytes, attributes)).body(),
        StandardCharsets.US_ASCII);
  }

  private static String refusal(Map<String, String> variables) {
    return assertThrows(InvalidInputException.class, () -> settings(variables)).getMessage();
  }

  @Test
  void theVariableChoosesTheDefaultFieldsInItsOrderAndTheCustomAttributeStillWins() {
    Map<String, String> env =
        Map.of("SAGEMAKER_INFERENCE_OUTPUT", " Predicted_Label , probability");
    assertEquals(
        List.of(OutputField.PREDICTED_LABEL, OutputField.PROBABILITY),
        settings(env).outputFields());
    assertEquals("1,0.5\n", answer(env, "text/csv", "0,0", null));
    assertEquals(
        "{\"predictions\":[{\"predicted_label\":1,\"probability\":0.5}]}",
        answer(env, "application/json", "0,0", null));
    assertEquals("0.5\n", answer(env, "text/csv", "0,0", "fields=score"));
  }

  @Test
  void xgboostsListsAreEachLabelsProbabilityInLabelOrder() {
    double p = Double.parseDouble(answer(Map.of(), "text/csv", QUARTER, "fields=probability"));
    assertEquals(0.25, p, 1e-12);
    String q = Double.toString(1 - p);
    Map<String, String> env =
        Map.of(
            "SAGEMAKER_INFERENCE_OUTPUT",
            "predicted_label,probabilities,labels,raw_score,raw_scores,probability");
    assertEquals(
        "{\"predictions\":[{\"predicted_label\":0,\"probabilities\":["
            + q
            + ","
            + p
            + "],\"labels\":[0,1],\"raw_score\":"
            + p
            + ",\"raw_scores\":["
            + q
            + ","
            + p
            + "],\"probability\":"
            + p
            + "}]}",
        answer(env, "application/json", QUARTER, null));
    // In CSV a list is one quoted field, as XGBoost's container writes it.
    assertEquals(
        "0,\"[" + q + ", " + p + "]\",\"[0, 1]\"," + p + ",\"[" + q + ", " + p + "]\"," + p + "\n",
        answer(env, "text/csv", QUARTER, null));
  }

  @Test
  void anUnknownNameStopsStartUpWithOneSentenceNamingTheVariableAndTheAllowedNames() {
    String allowed =
        " it must be a comma-separated list of probability, label, expected_cost, score,"
            + " predicted_label, labels, probabilities, raw_score, raw_scores.";
    assertEquals(
        "The environment variable SAGEMAKER_INFERENCE_OUTPUT names 'probabilty', which is not an"
            + " output field;"
            + allowed,
        refusal(Map.of("SAGEMAKER_INFERENCE_OUTPUT", "predicted_label,probabilty")));
    // XGBoost's regression output: a classifier has none.
    assertEquals(
        "The environment variable SAGEMAKER_INFERENCE_OUTPUT names 'predicted_score', which is not"
            + " an output field;"
            + allowed,
        refusal(Map.of("SAGEMAKER_INFERENCE_OUTPUT", "predicted_score")));
    assertEquals(
        "The environment variable SAGEMAKER_INFERENCE_OUTPUT is ',';" + allowed,
        refusal(Map.of("SAGEMAKER_INFERENCE_OUTPUT", ",")));
    assertEquals(
        "The environment variable COSTWISE_OUTPUT_FIELDS names 'colour', which is not an output"
            + " field;"
            + allowed,
        refusal(Map.of("COSTWISE_OUTPUT_FIELDS", "colour")));
  }

  @Test
  void bothVariablesAtOnceAreRefusedRatherThanOneSilentlyIgnored() {
    assertEquals(
        "Both SAGEMAKER_INFERENCE_OUTPUT and COSTWISE_OUTPUT_FIELDS are set; set only"
            + " SAGEMAKER_INFERENCE_OUTPUT, which replaces the other.",
        refusal(
            Map.of(
                "SAGEMAKER_INFERENCE_OUTPUT", "probability",
                "COSTWISE_OUTPUT_FIELDS", "label")));
    assertEquals(
        List.of(OutputField.LABEL),
        settings(Map.of("COSTWISE_OUTPUT_FIELDS", "label")).outputFields());
  }
}

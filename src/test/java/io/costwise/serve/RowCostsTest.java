package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.NetworkScorer;
import io.costwise.artifact.NetworkShape;
import io.costwise.config.Hyperparameters;
import io.costwise.cost.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-row costs in requests and the decisions they make, through {@link InferenceService}.
 *
 * <p>The model is one logistic unit on feature x (y has weight 0) with no scaling, so p = σ(x): x =
 * 0 gives exactly 0.5 and x = −ln 3 gives 0.25, and every expected threshold and cost below can be
 * worked out by hand. The costs are the fixture's: c_TN 0, c_FP 1, c_FN 9, c_TP 0 (Elkan's
 * threshold 1 / (1 + 9) = 0.1), columns C_FP and C_FN, c_TP's column given by number.
 */
class RowCostsTest {
  private static final String QUARTER = Double.toString(-Math.log(3));
  static final Predictor SIGMOID_OF_X =
      new Predictor(
          new NetworkScorer(
              new NetworkShape(2, List.of()),
              new double[] {1, 0, 0},
              new double[] {0, 0},
              new double[] {1, 1}),
          0.5,
          List.of("x", "y"),
          new ModelCosts(ServeFixtures.COSTS.model(), List.of("x", "y")));
  private static final InferenceService SERVICE =
      new InferenceService(SIGMOID_OF_X, ServeFixtures.settings());

  private static InvocationResponse invoke(
      String type, String accept, String body, String attributes) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return SERVICE.invoke(InvocationRequest.of(type, accept, bytes, attributes));
  }

  private static String csv(String body, String attributes) {
    return new String(
        invoke("text/csv", "text/csv", body, attributes).body(), StandardCharsets.UTF_8);
  }

  private static String refused(String type, String body) {
    ServingException e =
        assertThrows(ServingException.class, () -> invoke(type, "text/csv", body, null));
    assertEquals(400, e.status());
    return e.getMessage();
  }

  @Test
  void csvHeaderNamesCostsByTheModelsColumnNamesOrTheCanonicalOnesInAnyPosition() {
    // p = 0.5 for every row. C_FP 1, C_FN 3: threshold 1/4, flagged; C_FP 3, C_FN 1: 3/4, passed.
    assertEquals("0.5,1\n0.5,0\n", csv("x,C_FP,y,C_FN\n0,1,0,3\n0,3,0,1\n", null));
    assertEquals("0.5,1\n0.5,0\n", csv("cost_fp,x,y,cost_fn\n1,0,0,3\n3,0,0,1\n", null));
    // c_TP (a column given by number in training) and c_TN only by their canonical names: with
    // c_TN 0, c_FP 1, c_FN 9, c_TP 8 the threshold is 1 / (1 + 1) = 0.5, so p = 0.5 is flagged;
    // with c_TN −0.01 it is 1.01 / 2.01 > 0.5, so it is passed.
    assertEquals("0.5,1\n", csv("x,y,cost_tp,cost_tn\n0,0,8,0\n", null));
    assertEquals("0.5,0\n", csv("x,y,cost_tp,cost_tn\n0,0,8,-0.01\n", null));
    // A header of the features alone still works as before, and quoted names too.
    assertEquals("0.5,1\n", csv("\"x\",\"y\"\n0,0\n", null));
  }

  @Test
  void eachRequestsHeaderIsReadEvenWhenTheLastOneIsReused() {
    // The decoder keeps the last header it parsed; the same numbers under swapped names differ.
    assertEquals("0.5,1\n", csv("x,y,C_FP,C_FN\n0,0,1,3\n", null));
    assertEquals("0.5,0\n", csv("x,y,C_FN,C_FP\n0,0,1,3\n", null));
    assertEquals("0.5,1\n", csv("x,y,C_FP,C_FN\n0,0,1,3\n", null));
    assertEquals("0.5,1\n", csv("x,y\n0,0\n", null));
    assertEquals("0.5,0\n", csv("x,y,C_FN,C_FP\n0,0,1,3\n", null));
  }

  @Test
  void rowsWithAndWithoutCostsInOneRequest() {
    // An empty cost field gives no cost: that row keeps the model's threshold 0.5 and is flagged.
    assertEquals("0.5,0\n0.5,1\n0.5,0\n", csv("x,y,C_FP,C_FN\n0,0,3,1\n0,0,,\n0,0,3,1\n", null));
    String json =
        new String(
            invoke(
                    "application/json",
                    "application/json",
                    "{\"instances\": [[0, 0], {\"features\": [0, 0], \"C_FP\": 3, \"C_FN\": 1},"
                        + " {\"features\": [0, 0], \"C_FN\": null}, [0, 0]]}",
                    null)
                .body(),
            StandardCharsets.UTF_8);
    assertEquals(
        "{\"predictions\":[{\"probability\":0.5,\"label\":1},{\"probability\":0.5,\"label\":0},"
            + "{\"probability\":0.5,\"label\":1},{\"probability\":0.5,\"label\":1}]}",
        json);
  }

  @Test
  void partialCostsTakeTheFixedOnesForTheRest() {
    // C_FN 1 alone: a = 1 − 0 (fixed), m = 1 − 0 (fixed), threshold 0.5: flagged at p = 0.5.
    assertEquals("0.5,1\n", csv("x,y,C_FN\n0,0,1\n", null));
    // C_FN 0.5 alone: threshold 1 / 1.5 = 2/3: passed.
    assertEquals("0.5,0\n", csv("x,y,C_FN\n0,0,0.5\n", null));
    // c_TP 5 alone: flagging costs 0.5·5 + 0.5·1 = 3, passing 0.5·9 + 0.5·0 = 4.5.
    assertEquals("3.0,4.5\n", csv("x,y,cost_tp\n0,0,5\n", "fields=expected_cost"));
  }

  @Test
  void theSameFeaturesAreDecidedByEachRowsCostsInJsonLines() {
    String body =
        "{\"features\": [0, 0], \"C_FP\": 1, \"C_FN\": 3}\n"
            + "{\"cost_fn\": 1, \"features\": [0, 0], \"cost_fp\": 3}\n"
            + "[0, 0]\n";
    String out =
        new String(
            invoke("application/jsonlines", "application/jsonlines", body, null).body(),
            StandardCharsets.UTF_8);
    assertEquals(
        "{\"probability\":0.5,\"label\":1}\n"
            + "{\"probability\":0.5,\"label\":0}\n"
            + "{\"probability\":0.5,\"label\":1}\n",
        out);
  }

  @Test
  void expectedCostsAreTheRowsOwnOrTheFixedOnes() {
    // Row 1: c_TN 0 (fixed), c_FP 2, c_FN 30, c_TP 5, p = 0.5:
    //   flag 0.5·5 + 0.5·2 = 3.5, pass 0.5·30 + 0.5·0 = 15; threshold 2 / (2 + 25): flagged.
    // Row 2: the fixed costs: flag 0.5·0 + 0.5·1 = 0.5, pass 0.5·9 + 0.5·0 = 4.5.
    String body = "x,y,C_FP,C_FN,cost_tp\n0,0,2,30,5\n0,0,,,\n";
    assertEquals(
        "0.5,1,3.5,15.0\n0.5,1,0.5,4.5\n", csv(body, "fields=probability,label,expected_cost"));
    String json =
        new String(
            invoke("text/csv", "application/json", body, "fields=expected_cost,label").body(),
            StandardCharsets.UTF_8);
    assertEquals(
        "{\"predictions\":[{\"expected_cost_flag\":3.5,\"expected_cost_pass\":15.0,\"label\":1},"
            + "{\"expected_cost_flag\":0.5,\"expected_cost_pass\":4.5,\"label\":1}]}",
        json);
    // Linear Learner's names for the probability and the label.
    assertEquals("0.5,1\n", csv("0,0", "fields=score,predicted_label"));
    // ... which keep their names in JSON, as Linear Learner answers.
    assertEquals(
        "{\"predictions\":[{\"score\":0.5,\"predicted_label\":1}]}",
        new String(
            invoke("text/csv", "application/json", "0,0", "fields=score,predicted_label").body(),
            StandardCharsets.UTF_8));
    assertEquals(
        "{\"predicted_label\":1,\"probability\":0.5}\n",
        new String(
            invoke("text/csv", "application/jsonlines", "0,0", "fields=predicted_label,probability")
                .body(),
            StandardCharsets.UTF_8));
  }

  @Test
  void costOptimalAndBayesRiskCustomAttributes() {
    // Rows: p = 0.5 with costs of threshold 3/4; p = 0.25 without costs.
    String body = "x,y,C_FP,C_FN\n0,0,3,1\n" + QUARTER + ",0,,\n";
    InvocationResponse model = invoke("text/csv", "text/csv", body, null);
    assertTrue(text(model).matches("0\\.5,0\n0\\.2\\d+,0\n"), text(model));
    assertEquals("threshold=0.5, rows_with_costs=bayes_risk", model.customAttributes());
    // cost_optimal: every row at the fixed table's 0.1, whatever its own costs say.
    InvocationResponse optimal = invoke("text/csv", "text/csv", body, "threshold=cost_optimal");
    assertTrue(text(optimal).matches("0\\.5,1\n0\\.2\\d+,1\n"), text(optimal));
    assertEquals("threshold=0.1", optimal.customAttributes());
    // bayes_risk: the row with costs by its own (3/4: passed), the other by the fixed table's 0.1.
    InvocationResponse bayes = invoke("text/csv", "text/csv", body, "threshold=bayes_risk");
    assertTrue(text(bayes).matches("0\\.5,0\n0\\.2\\d+,1\n"), text(bayes));
    assertEquals("threshold=0.1, rows_with_costs=bayes_risk", bayes.customAttributes());
    // A number is the client's threshold for every row.
    InvocationResponse given = invoke("text/csv", "text/csv", body, "threshold=0.3");
    assertTrue(text(given).matches("0\\.5,1\n0\\.2\\d+,0\n"), text(given));
    assertEquals("threshold=0.3", given.customAttributes());
    // Without costs in the request, bayes_risk is the fixed table's threshold.
    InvocationResponse plain =
        invoke("text/csv", "text/csv", QUARTER + ",0", "threshold=bayes_risk");
    assertTrue(text(plain).matches("0\\.2\\d+,1\n"), text(plain));
    assertEquals("threshold=0.1", plain.customAttributes());
    assertTrue(
        assertThrows(
                ServingException.class, () -> invoke("text/csv", null, "0,0", "threshold=cheapest"))
            .getMessage()
            .endsWith("is not a number from 0 to 1, cost_optimal or bayes_risk."));
  }

  @Test
  void badCostsAre400NamingTheRowAndTheCost() {
    assertEquals(
        "Line 3, column 4 (C_FN): 'NaN' is not a finite number; send plain decimal numbers (no NaN"
            + " or Infinity).",
        refused("text/csv", "x,y,C_FP,C_FN\n0,0,1,2\n0,0,1,NaN\n"));
    assertEquals(
        "Line 2: the costs are not reasonable: c_FN = -5 is less than c_TP = 0 (the model's fixed"
            + " cost), so a miss would cost less than the right decision; each row needs c_FP ≥"
            + " c_TN and c_FN ≥ c_TP.",
        refused("text/csv", "x,y,C_FN\n0,0,-5\n"));
    assertTrue(
        refused("text/csv", "x,y,cost_fp,cost_tn\n0,0,1,2\n")
            .startsWith("Line 2: the costs are not reasonable: c_FP = 1 is less than c_TN = 2,"));
    assertEquals(
        "JSON instance 2, \"C_FN\": \"high\" is a string; a cost is a JSON number, written"
            + " without quotes.",
        refused(
            "application/json",
            "{\"instances\": [[0, 0], {\"features\": [0, 0], \"C_FN\": \"high\"}]}"));
    assertEquals(
        "JSON line 1, \"cost_fp\": 1e999 is not finite.",
        refused("application/jsonlines", "{\"features\": [0, 0], \"cost_fp\": 1e999}"));
    assertTrue(
        refused("application/jsonlines", "[0, 0]\n{\"features\": [0, 0], \"C_FN\": -1}")
            .startsWith("JSON line 2: the costs are not reasonable: c_FN = -1 is less than c_TP"));
    assertEquals(
        "JSON instance 1 gives the cost of a false negative twice.",
        refused("application/json", "[{\"features\": [0, 0], \"C_FN\": 1, \"cost_fn\": 2}]"));
    assertTrue(
        refused("application/json", "{\"instances\": [[0, 0]], \"cost_fn\": 2}")
            .startsWith("The JSON body gives costs beside \"instances\""));
    assertTrue(
        refused("text/csv", "x,C_FN,y,cost_fn\n0,1,0,2\n")
            .startsWith(
                "Line 1 names columns but is not the model's header: it gives the cost of a false"
                    + " negative twice ('C_FN', 'cost_fn')."));
    assertEquals(
        "Line 1 names columns but is not the model's header: 'C_TP' is neither a feature of the"
            + " model nor a cost column. A header names the model's features once each, in its"
            + " order (x,y), and may add cost columns anywhere (C_FP, C_FN, cost_tn, cost_fp,"
            + " cost_fn, cost_tp).",
        refused("text/csv", "x,y,C_TP\n0,0,1\n"));
    assertTrue(
        refused("text/csv", "y,x,C_FN\n0,0,1\n")
            .startsWith(
                "Line 1 names columns but is not the model's header: it has 'y' where the model's"
                    + " feature 'x' belongs."));
    assertEquals(
        "Line 2 has 3 values, but the header names 4 columns.",
        refused("text/csv", "x,y,C_FP,C_FN\n0,0,1\n"));
    assertEquals(
        "Line 2, column 1 is empty; every feature needs a value.",
        refused("text/csv", "x,y,C_FN\n,0,1\n"));
  }

  @Test
  void costNamesAndTheStoredModel() {
    ModelCosts costs = ServeFixtures.COSTS;
    assertEquals(Outcome.FALSE_NEGATIVE, costs.outcomeNamed("C_FN"));
    assertEquals(Outcome.TRUE_POSITIVE, costs.outcomeNamed("cost_tp"));
    assertNull(costs.outcomeNamed("33"), "a column given by number has no name");
    // A feature keeps its name even when it is also a canonical cost name.
    assertNull(new ModelCosts(costs.model(), List.of("cost_fn")).outcomeNamed("cost_fn"));
    // Only the cost keys of model.json are read: a decision rule or an unknown key elsewhere does
    // not keep the model from loading.
    Map<String, String> stored =
        new java.util.HashMap<>(
            Hyperparameters.defaults().with(Map.of("cost_fn_column", "C_FN")).asMap());
    stored.put("decision_threshold", "target_recall=0.9");
    stored.put("a_key_from_another_version", "1");
    ModelCosts loaded = ModelCosts.fromHyperparameters(stored, List.of("x"));
    assertEquals(Outcome.FALSE_NEGATIVE, loaded.outcomeNamed("C_FN"));
    assertEquals(252000.0, loaded.model().fixedCost(Outcome.FALSE_NEGATIVE));
  }

  private static String text(InvocationResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}

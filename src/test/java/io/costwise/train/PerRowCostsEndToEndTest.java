package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.artifact.ModelDescription;
import io.costwise.artifact.SavedModel;
import io.costwise.config.Hyperparameters;
import io.costwise.cost.CaseCosts;
import io.costwise.cost.CostModel;
import io.costwise.data.ChannelReader;
import io.costwise.data.Dataset;
import io.costwise.experiment.ModelEvaluation;
import io.costwise.sagemaker.ContentTypes;
import io.costwise.serve.InferenceService;
import io.costwise.serve.InvocationRequest;
import io.costwise.serve.OutputField;
import io.costwise.serve.Predictor;
import io.costwise.serve.ServingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-row costs from training data to the endpoint: a job trains on bank-marketing rows with their
 * four cost columns, calibrates out of fold and decides by Bayes minimum risk; {@code evaluate}
 * judges the model on other rows with their costs; the endpoint decides rows whose costs come in
 * the request. Each step is checked against the costs computed case by case.
 */
class PerRowCostsEndToEndTest {
  private static final Map<String, String> HYPERPARAMETERS =
      Map.of(
          "cost_fp_column", "C_FP",
          "cost_fn_column", "C_FN",
          "cost_tp_column", "C_TP",
          "cost_tn_column", "C_TN",
          "value_unit", "EUR",
          "optimizer", "adam",
          "epochs", "3",
          "batch_size", "64",
          "calibration", "isotonic",
          "decision_threshold", "bayes_risk");

  @TempDir static Path dir;
  static List<String> lines;
  static String header;
  static Path testCsv;
  static SavedModel model;

  @BeforeAll
  static void trainOnBankMarketing() throws Exception {
    try (InputStream in =
        PerRowCostsEndToEndTest.class.getResourceAsStream("/datasets/bankmarketing.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
    }
    header = lines.get(0);
    OptMlTree tree = new OptMlTree(dir.resolve("job"));
    tree.file("train", "train.csv", csv(1, 6001)).hyperparameters(HYPERPARAMETERS);
    assertEquals(0, tree.train(), () -> read(dir.resolve("job/output/failure")));
    testCsv = Files.writeString(dir.resolve("test.csv"), csv(30001, 32001));
    model = SavedModel.open(dir.resolve("job/model"), dir.resolve("scratch"));
  }

  /** The endpoint's service for the trained model, answering probability and label. */
  private static InferenceService service() {
    return new InferenceService(
        Predictor.of(model.description()),
        new ServingSettings(
            0,
            6L << 20,
            ContentTypes.CSV,
            false,
            "MULTI_RECORD",
            2,
            List.of(OutputField.PROBABILITY, OutputField.LABEL),
            4));
  }

  private static String csv(int from, int to) {
    return header + "\n" + String.join("\n", lines.subList(from, to)) + "\n";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no " + file + ")";
    }
  }

  @Test
  void theModelLeavesCostColumnsOutOfItsFeaturesAndStoresItsCalibrationAndRule() {
    ModelDescription d = model.description();
    assertEquals(32, d.featureCount());
    assertFalse(d.featureNames().contains("C_FN"));
    assertEquals("isotonic", d.calibrationOrNone().method());
    assertEquals("bayes_risk", d.thresholdRule());
  }

  @Test
  void theTrainingReportGivesCostsSavingsAndCalibration() throws Exception {
    JsonNode train =
        new ObjectMapper()
            .readTree(dir.resolve("job/output/data/evaluation.json").toFile())
            .path("splits")
            .path("train");
    assertEquals("per_case_minimum_risk", train.path("decisions").asText());
    assertTrue(train.path("costs").path("per_row").asBoolean());
    double savings = train.path("costs").path("savings").asDouble();
    double total = train.path("costs").path("total").asDouble();
    double best =
        Math.min(
            train.path("costs").path("flag_nobody").asDouble(),
            train.path("costs").path("flag_everyone").asDouble());
    assertEquals(1 - total / best, savings, 1e-12);
    assertTrue(train.has("reliability_before_calibration"));
    assertTrue(
        train.path("reliability").path("expected_calibration_error").asDouble()
            < train
                .path("reliability_before_calibration")
                .path("expected_calibration_error")
                .asDouble(),
        "isotonic calibration lowers the calibration error on the data it was fitted to");
  }

  @Test
  void evaluateDecidesEachCaseByItsOwnCostsAndAddsThemUp() throws Exception {
    ModelEvaluation.Result result =
        ModelEvaluation.run(
            model, List.of(testCsv), Optional.empty(), Optional.empty(), dir.resolve("eval"));
    CostModel costs =
        Hyperparameters.parse(model.description().hyperparameters()).evaluationConfig().costs();
    Dataset data = new ChannelReader().read("test", List.of(testCsv), OptionalInt.of(32), costs);
    CaseCosts cases = data.caseCosts(costs);
    double[] p = model.probabilities(data);
    double total = 0;
    long flagged = 0;
    for (int i = 0; i < p.length; i++) {
      boolean flag = p[i] >= cases.minimumRiskThreshold(i);
      flagged += flag ? 1 : 0;
      total += cases.cost(i, data.label(i), flag);
    }
    assertTrue(result.evaluation().perCaseDecisions());
    assertEquals(flagged, result.evaluation().matrix().fp() + result.evaluation().matrix().tp());
    assertEquals(total, result.evaluation().costs().total(), 1e-6);
  }

  @Test
  void theEndpointDecidesRowsByTheCostsTheyCarry() throws Exception {
    InferenceService service = service();
    // The test rows as a request: features and the four cost columns, no label.
    List<String> request = new ArrayList<>();
    request.add(header.substring(header.indexOf(',') + 1));
    Map<Integer, String> rows = new LinkedHashMap<>();
    for (int line = 30001; line < 30201; line++) {
      String row = lines.get(line);
      request.add(row.substring(row.indexOf(',') + 1));
      rows.put(line, row);
    }
    byte[] body = (String.join("\n", request) + "\n").getBytes(StandardCharsets.US_ASCII);
    String response =
        new String(
            service
                .invoke(InvocationRequest.of(ContentTypes.CSV, ContentTypes.CSV, body, null))
                .body(),
            StandardCharsets.US_ASCII);
    CostModel costs =
        Hyperparameters.parse(model.description().hyperparameters()).evaluationConfig().costs();
    Path sample =
        Files.writeString(
            dir.resolve("sample.csv"), header + "\n" + String.join("\n", rows.values()) + "\n");
    Dataset data = new ChannelReader().read("sample", List.of(sample), OptionalInt.of(32), costs);
    CaseCosts cases = data.caseCosts(costs);
    double[] p = model.probabilities(data);
    List<String> answers = response.lines().toList();
    assertEquals(p.length, answers.size());
    int flagged = 0;
    for (int i = 0; i < p.length; i++) {
      String[] fields = answers.get(i).split(",");
      assertEquals(p[i], Double.parseDouble(fields[0]), 1e-12);
      int expected = p[i] >= cases.minimumRiskThreshold(i) ? 1 : 0;
      flagged += expected;
      assertEquals(expected, Integer.parseInt(fields[1].strip()), "row " + i);
    }
    assertTrue(flagged > 0 && flagged < p.length, "the costs flag some rows and not others");
  }

  @Test
  void rowsWithoutCostsAreDecidedAndPricedWithTheTrainingMeans() throws Exception {
    Map<String, Double> means = model.description().meanCosts();
    assertEquals(1.0, means.get("fp"), 1e-12, "every call costs 1");
    InferenceService service = service();
    StringBuilder features = new StringBuilder();
    List<String> rows = new ArrayList<>();
    for (int line = 31001; line < 31101; line++) {
      String row = lines.get(line);
      String[] fields = row.split(",");
      // Label first, then 32 features, then the four costs: keep the features only.
      features.append(String.join(",", java.util.Arrays.copyOfRange(fields, 1, 33))).append('\n');
      rows.add(row);
    }
    byte[] body = features.toString().getBytes(StandardCharsets.US_ASCII);
    String response =
        new String(
            service
                .invoke(
                    InvocationRequest.of(
                        ContentTypes.CSV,
                        ContentTypes.CSV,
                        body,
                        "threshold=bayes_risk,fields=probability,label,expected_cost"))
                .body(),
            StandardCharsets.US_ASCII);
    double threshold = model.description().decisionThreshold();
    List<String> answers = response.lines().toList();
    assertEquals(rows.size(), answers.size());
    for (String answer : answers) {
      String[] fields = answer.split(",");
      double p = Double.parseDouble(fields[0]);
      assertEquals(p >= threshold ? 1 : 0, Integer.parseInt(fields[1].strip()), answer);
      double flag = p * means.get("tp") + (1 - p) * means.get("fp");
      double pass = p * means.get("fn") + (1 - p) * means.get("tn");
      assertEquals(flag, Double.parseDouble(fields[2]), 1e-9, answer);
      assertEquals(pass, Double.parseDouble(fields[3]), 1e-9, answer);
    }
  }
}

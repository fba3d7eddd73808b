package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.artifact.ModelDescription;
import io.costwise.artifact.ModelFolder;
import io.costwise.artifact.SavedModel;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobTest {
  @TempDir Path base;

  private OptMlTree tree() {
    return new OptMlTree(base);
  }

  @Test
  void trainsOnWdbcAndWritesModelDescriptionAndSuccess() throws Exception {
    OptMlTree tree =
        tree()
            .wdbc()
            .hyperparameters(Map.of("loss_function_type", "custom", "fn_cost", "5", "epochs", "5"));
    assertEquals(0, tree.train());
    assertTrue(tree.succeeded());
    assertFalse(Files.exists(base.resolve("output/failure")));
    ModelDescription description = ModelFolder.readDescription(base.resolve("model"));
    assertEquals(30, description.featureCount());
    assertEquals(new ModelDescription.ClassCounts(267, 159), description.rows().get("train"));
    assertEquals(new ModelDescription.ClassCounts(90, 53), description.rows().get("validation"));
    assertEquals("custom", description.trainingCosts().loss());
    assertArrayEquals(new double[] {5, 0}, description.trainingCosts().costMatrix()[1]);
    assertEquals("5", description.hyperparameters().get("epochs"));
    assertEquals(0.5, description.decisionThreshold());
    assertEquals(5, description.epochsRun());
    assertEquals(
        sha256(base.resolve("input/data/train/train.csv")), description.dataSha256().get("train"));
    assertTrue(description.finalLoss().get("validation") > 0);
    assertEquals("1.0.0-M2.1", description.versions().get("deeplearning4j"));
    assertEquals(30, SavedModel.open(base.resolve("model"), base).scorer().features());
    assertEquals("fast", description.engine());
  }

  @Test
  void sameInputsGiveTheSameModelBitForBit(@TempDir Path other) throws Exception {
    Map<String, String> hp = Map.of("optimizer", "adam", "epochs", "4");
    OptMlTree first = tree().wdbc().hyperparameters(hp);
    OptMlTree second = new OptMlTree(other).wdbc().hyperparameters(hp);
    assertEquals(0, first.train());
    assertEquals(0, second.train());
    assertArrayEquals(
        SavedModel.open(base.resolve("model"), base).scorer().parameters(),
        SavedModel.open(other.resolve("model"), other).scorer().parameters(),
        0.0);
    assertArrayEquals(
        Files.readAllBytes(base.resolve("model/model.zip")),
        Files.readAllBytes(other.resolve("model/model.zip")),
        "model.zip is byte-identical");
    ObjectMapper json = new ObjectMapper();
    var firstJson =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(base.resolve("model/model.json").toFile());
    var secondJson =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(other.resolve("model/model.json").toFile());
    firstJson.remove("training_seconds");
    secondJson.remove("training_seconds");
    assertEquals(firstJson, secondJson, "model.json differs only in training_seconds");
  }

  @Test
  void headerNamesBecomeFeatureNamesAndGzipIsRead() throws Exception {
    tree()
        .file("train", "a.csv", "label,size,shape\n" + OptMlTree.rows(40))
        .hyperparameters("{\"epochs\": 2}");
    Files.createDirectories(base.resolve("input/data/train/nested"));
    Files.write(base.resolve("input/data/train/nested/b.csv.gz"), gzip(OptMlTree.rows(40)));
    assertEquals(0, tree().train());
    ModelDescription description = ModelFolder.readDescription(base.resolve("model"));
    assertEquals(List.of("size", "shape"), description.featureNames());
    assertEquals(new ModelDescription.ClassCounts(40, 40), description.rows().get("train"));
  }

  @Test
  void jsonQuotedHyperparametersAreAccepted() throws Exception {
    tree()
        .wdbc()
        .hyperparameters(
            "{\"loss_function_type\": \"\\\"custom\\\"\", \"epochs\": \"\\\"2\\\"\", \"standardize\": \"True\"}");
    assertEquals(0, tree().train(), () -> failureOrEmpty());
    assertEquals(
        "custom",
        ModelFolder.readDescription(base.resolve("model"))
            .hyperparameters()
            .get("loss_function_type"));
  }

  @Test
  void aFailureFileOfAnEarlierRunIsRemovedWhenTheNextRunStarts() throws Exception {
    OptMlTree tree =
        tree()
            .file("train", "t.csv", OptMlTree.rows(30))
            .hyperparameters("{\"epochs\": \"2\"}")
            .write("output/failure", "an earlier run failed");
    assertEquals(0, tree.train(), this::failureOrEmpty);
    assertTrue(tree.succeeded());
    assertFalse(Files.exists(base.resolve("output/failure")), "no stale failure next to success");
  }

  @Test
  void aSuccessFileOfAnEarlierRunIsRemovedWhenTheNextRunFails() throws Exception {
    OptMlTree tree =
        tree()
            .file("train", "t.csv", OptMlTree.rows(30))
            .hyperparameters("{\"epochs\": \"-1\"}")
            .write("output/success", "");
    assertEquals(TrainingJob.FAILED, tree.train());
    assertFalse(tree.succeeded(), "no stale success next to the failure");
    assertTrue(tree.failure().startsWith("Hyperparameter epochs"), tree.failure());
  }

  @Test
  void pipeModeReadsTheFifoOfPassZero() throws Exception {
    tree()
        .write("input/data/train_0", OptMlTree.rows(30))
        .hyperparameters("{\"epochs\": \"2\"}")
        .write(
            "input/config/inputdataconfig.json", "{\"train\": {\"TrainingInputMode\": \"Pipe\"}}");
    assertEquals(0, tree().train(), () -> failureOrEmpty());
    assertEquals(
        new ModelDescription.ClassCounts(15, 15),
        ModelFolder.readDescription(base.resolve("model")).rows().get("train"));
  }

  private String failureOrEmpty() {
    try {
      return tree().failure();
    } catch (java.io.IOException e) {
      return "";
    }
  }

  static byte[] gzip(String text) throws java.io.IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes());
    }
    return bytes.toByteArray();
  }

  static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void theShippedTreeWarnsThatFlaggingEveryoneBeatsTheModelAtHalf() throws Exception {
    // The shipped sample tree's settings (5:1 cost loss, threshold 0.5, the QALY table), as the
    // issue found them: "flag everyone" costs less than the model's decisions.
    OptMlTree tree =
        tree()
            .wdbc()
            .hyperparameters(
                Files.readString(
                    Path.of("container/local_test/opt_ml/input/config/hyperparameters.json")));
    assertEquals(0, tree.train());
    JsonNode report =
        new ObjectMapper().readTree(base.resolve("output/data/evaluation.json").toFile());
    JsonNode validation = report.path("splits").path("validation").path("costs");
    assertTrue(validation.path("trivial_policy_wins").asBoolean());
    assertTrue(validation.path("flag_everyone").asDouble() < validation.path("total").asDouble());
    String warnings = report.path("warnings").toString();
    assertTrue(warnings.contains("on the validation split, flag everyone would cost"), warnings);
    assertTrue(warnings.contains("the training costs differ from the decision costs"), warnings);
    assertTrue(
        Files.readString(base.resolve("output/data/report.html"))
            .contains("<li>On the validation split, flag everyone"));
  }
}

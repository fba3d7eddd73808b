package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad input ends the job with exit code 1 and one sentence naming where and how to fix it. */
class TrainingJobFailureTest {
  @TempDir Path base;

  private String failWith(OptMlTree tree) throws Exception {
    assertEquals(TrainingJob.FAILED, tree.train());
    assertFalse(tree.succeeded());
    assertFalse(Files.exists(base.resolve("model/model.zip")));
    String failure = tree.failure();
    assertTrue(failure.length() <= OutcomeFiles.MAX_FAILURE_CHARS);
    assertFalse(failure.contains("\tat "), "no stack trace in the failure file");
    return failure;
  }

  @Test
  void badHyperparameterValue() throws Exception {
    String failure = failWith(new OptMlTree(base).wdbc().hyperparameters("{\"epochs\": \"-3\"}"));
    assertEquals(
        "Hyperparameter epochs has the value '-3', which is not allowed; use a whole number from 1"
            + " to 100000 (default 50).",
        failure);
  }

  @Test
  void unknownHyperparameter() throws Exception {
    String failure =
        failWith(new OptMlTree(base).wdbc().hyperparameters("{\"loss_function\": \"custom\"}"));
    assertTrue(
        failure.startsWith(
            "Unknown hyperparameter 'loss_function'; did you mean 'loss_function_type'?"),
        failure);
  }

  @Test
  void missingTrainChannel() throws Exception {
    String failure = failWith(new OptMlTree(base).hyperparameters("{}"));
    assertTrue(failure.startsWith("There is no training data: "), failure);
    assertTrue(failure.contains("input/data/train does not exist"), failure);
  }

  @Test
  void unknownChannel() throws Exception {
    String failure = failWith(new OptMlTree(base).wdbc().file("test", "t.csv", OptMlTree.rows(4)));
    assertTrue(failure.startsWith("Unknown channel 'test'"), failure);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ragged row|1,2,3\\n0,4\\n|line 2|the row has 2 columns but line 1 of bad.csv has 3",
        "empty field|1,2,3\\n0,,4\\n|line 2, column 2|the field is empty",
        "NaN|1,2,3\\n0,NaN,4\\n|line 2, column 2|'NaN' is not a finite number",
        "Inf|1,2,3\\n0,2,-Infinity\\n|line 2, column 3|is not a finite number",
        "label not 0/1|1,2,3\\n2,2,3\\n|line 2, column 1|the label is 2 but must be 0 or 1",
        "not a number|1,2,3\\n0,abc,3\\n|line 2, column 2|'abc' is not a number",
        "single class|1,2,3\\n1,4,5\\n|input/data/train)|has label 1 in all 2 rows",
      })
  void badTrainingData(String name, String csv, String where, String what) throws Exception {
    String failure =
        failWith(new OptMlTree(base).file("train", "bad.csv", csv.replace("\\n", "\n")));
    assertTrue(failure.startsWith("Channel 'train'"), failure);
    assertTrue(failure.contains(where), failure);
    assertTrue(failure.contains(what), failure);
  }

  @Test
  void emptyChannel() throws Exception {
    String failure = failWith(new OptMlTree(base).file("train", "empty.csv", "\n"));
    assertTrue(failure.startsWith("Channel 'train' has no data"), failure);
  }

  @Test
  void validationOfAnotherWidth() throws Exception {
    String failure =
        failWith(
            new OptMlTree(base)
                .file("train", "t.csv", OptMlTree.rows(10))
                .file("validation", "v.csv", "0,1\n1,2\n"));
    assertTrue(failure.startsWith("Channel 'validation', file v.csv, line 1"), failure);
    assertTrue(failure.contains("the training data has 2"), failure);
  }

  @Test
  void nonCsvContentType() throws Exception {
    String failure =
        failWith(
            new OptMlTree(base)
                .wdbc()
                .write(
                    "input/config/inputdataconfig.json",
                    "{\"train\": {\"ContentType\": \"application/x-recordio-protobuf\"}}"));
    assertTrue(failure.contains("costwise reads CSV only"), failure);
  }

  @Test
  void everyFeatureConstantFailsTheJob() throws Exception {
    String failure =
        failWith(new OptMlTree(base).file("train", "flat.csv", "1,5,5\n0,5,5\n1,5,5\n0,5,5\n"));
    assertTrue(
        failure.startsWith("Channel 'train': every feature is constant over its 4 rows"), failure);
  }

  /**
   * The first failure wins within a run (OutcomeFilesTest); a failure file an earlier run left in
   * the folder is removed at the start, so it gives way to this run's cause.
   */
  @Test
  void aFailureFileOfAnEarlierRunGivesWayToThisRunsCause() throws Exception {
    OptMlTree tree =
        new OptMlTree(base)
            .write("output/failure", "an earlier run's cause")
            .hyperparameters("{\"x\": 1}");
    assertEquals(TrainingJob.FAILED, tree.train());
    assertTrue(tree.failure().startsWith("Unknown hyperparameter 'x'"), tree.failure());
  }
}

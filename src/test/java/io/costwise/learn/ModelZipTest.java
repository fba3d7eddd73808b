package io.costwise.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.SavedModel;
import io.costwise.data.BundledData;
import io.costwise.data.Dataset;
import io.costwise.sagemaker.SageMakerEnvironment;
import io.costwise.train.TrainingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * One model artifact for every consumer: what {@code serve} and {@code evaluate} compute from
 * {@code model.json} equals, on all of WDBC, what DL4J's {@code ModelSerializer} restores from
 * {@code model.zip} computes, for one unit and for hidden layers; and the zip keeps the loss's
 * costs and the scaler.
 */
class ModelZipTest {
  private static final Dataset WDBC = BundledData.wdbc();

  @ParameterizedTest
  @ValueSource(strings = {"none", "16,8"})
  void servedProbabilitiesEqualTheRestoredDl4jNetwork(String hidden, @TempDir Path base)
      throws Exception {
    Path data = Path.of("container/local_test/opt_ml/input");
    for (String channel : new String[] {"train", "validation"}) {
      Path target = base.resolve("input/data/" + channel + "/" + channel + ".csv");
      Files.createDirectories(target.getParent());
      Files.copy(data.resolve("data/" + channel + "/" + channel + ".csv"), target);
    }
    Files.createDirectories(base.resolve("input/config"));
    Files.writeString(
        base.resolve("input/config/hyperparameters.json"),
        "{\"loss_function_type\": \"custom\", \"fn_cost\": \"9\", \"fp_cost\": \"0.5\","
            + " \"epochs\": \"10\", \"optimizer\": \"adam\", \"hidden_layers\": \""
            + hidden
            + "\"}");
    assertEquals(0, new TrainingJob(SageMakerEnvironment.of(Map.of(), Optional.of(base))).run());

    Path folder = base.resolve("model");
    double[] served = SavedModel.open(folder, base).scorer().scores(WDBC);
    SavedNetwork restored = SavedNetwork.read(folder.resolve("model.zip"), false);
    INDArray input =
        Nd4j.create(
            WDBC.featuresRowMajor(),
            new long[] {WDBC.rows(), WDBC.columns()},
            Dl4jNetworks.DATA_TYPE);
    assertTrue(restored.scaler().isPresent());
    restored.scaler().get().transform(input);
    double[] network = restored.network().output(input, false).toDoubleVector();
    assertEquals(569, served.length);
    for (int i = 0; i < served.length; i++) {
      assertEquals(network[i], served[i], 1e-9, "row " + i);
    }
    // The output spans both classes, so equality is not trivial agreement on a constant.
    assertTrue(
        java.util.Arrays.stream(served).min().orElseThrow() < 0.1
            && java.util.Arrays.stream(served).max().orElseThrow() > 0.9);
    // DL4J restores unannotated loss fields as defaults without an error: the costs came back.
    OutputLayer output =
        (OutputLayer)
            restored
                .network()
                .getLayerWiseConfigurations()
                .getConf(restored.network().getnLayers() - 1)
                .getLayer();
    assertEquals(new AsymmetricCostLoss(9.0, 0.5), output.getLossFn());
  }

  @org.junit.jupiter.api.Test
  void theSameNetworkWrittenAtAnotherTimeGivesTheSameBytes(@TempDir Path dir) throws Exception {
    TrainedNetwork trained =
        new Trainer(Configs.of("epochs", "2"), r -> {}, () -> false)
            .train(TestData.linear(100, 4, 5), Optional.empty(), Optional.empty())
            .network();
    trained.writeModelZip(dir.resolve("first.zip"));
    Thread.sleep(2100); // zip entry times have a resolution of 2 s
    trained.writeModelZip(dir.resolve("second.zip"));
    assertArrayEquals(
        Files.readAllBytes(dir.resolve("first.zip")),
        Files.readAllBytes(dir.resolve("second.zip")));
    SavedNetwork restored = SavedNetwork.read(dir.resolve("second.zip"), false);
    assertArrayEquals(trained.parameters(), restored.network().params().toDoubleVector(), 0.0);
    assertTrue(restored.scaler().isPresent());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void theZipHoldsTheTrainedParametersAndScalerOnlyWhenStandardising(
      boolean standardize, @TempDir Path dir) throws Exception {
    Dataset data = TestData.linear(200, 5, 3);
    TrainedNetwork trained =
        new Trainer(
                Configs.of("epochs", "3", "standardize", Boolean.toString(standardize)),
                r -> {},
                () -> false)
            .train(data, Optional.empty(), Optional.empty())
            .network();
    trained.writeModelZip(dir.resolve("model.zip"));
    SavedNetwork restored = SavedNetwork.read(dir.resolve("model.zip"), false);
    assertArrayEquals(trained.parameters(), restored.network().params().toDoubleVector(), 0.0);
    assertEquals(standardize, restored.scaler().isPresent());
    if (!standardize) {
      assertFalse(restored.scaler().isPresent());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"expected_cost", "weighted_builtin"})
  void aModelTrainedWithRowWeightsStoresTheUnweightedLoss(String loss, @TempDir Path dir)
      throws Exception {
    // The weights are data: the zip names the loss they weighed, as DL4J knows it, in both
    // engines (the dl4j engine trains through RowWeightedLoss).
    Dataset data = TestData.linear(200, 5, 3);
    RowWeights weights =
        new RowWeights(
            RowWeights.normalised(AsymmetricCostLossTest.logUniformWeights(200, 2)),
            Optional.empty());
    for (String engine : new String[] {"fast", "dl4j"}) {
      TrainedNetwork trained =
          new Trainer(
                  Configs.of("loss_function_type", loss, "epochs", "2", "engine", engine),
                  r -> {},
                  () -> false)
              .train(data, Optional.empty(), weights, Optional.empty())
              .network();
      Path zip = dir.resolve(engine + ".zip");
      trained.writeModelZip(zip);
      SavedNetwork restored = SavedNetwork.read(zip, false);
      OutputLayer output =
          (OutputLayer)
              restored
                  .network()
                  .getLayerWiseConfigurations()
                  .getConf(restored.network().getnLayers() - 1)
                  .getLayer();
      ILossFunction expected =
          loss.equals("expected_cost") ? new AsymmetricCostLoss(1, 1) : new LossBinaryXENT();
      assertEquals(expected, output.getLossFn(), engine);
      assertArrayEquals(trained.parameters(), restored.network().params().toDoubleVector(), 0.0);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2})
  void theScalerUsesTrainingStatistics(int column) {
    Dataset data = TestData.linear(200, 5, 3);
    ScalerStats stats = ScalerStats.fit(data);
    double sum = 0;
    for (int r = 0; r < data.rows(); r++) {
      sum += data.feature(r, column);
    }
    double mean = sum / data.rows();
    double squares = 0;
    for (int r = 0; r < data.rows(); r++) {
      squares += Math.pow(data.feature(r, column) - mean, 2);
    }
    assertEquals(mean, stats.mean()[column], 1e-9);
    assertEquals(Math.sqrt(squares / data.rows()), stats.std()[column], 1e-9);
  }
}

package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.NetworkScorer;
import io.costwise.artifact.NetworkShape;
import io.costwise.config.Hyperparameters;
import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up self-check refuses a model that scores NaN, and a refused model.tar.gz leaves no
 * {@code costwise-model*} folder behind.
 */
class ModelLoadingTest {
  private static final List<String> NAMES = List.of("a", "b", "c");

  @TempDir Path dir;

  /** A one-unit model whose first feature has standard deviation 0 (load-time checks bypassed). */
  private static InferenceService zeroStdService() {
    NetworkScorer scorer =
        new NetworkScorer(
            new NetworkShape(3, List.of()),
            new double[] {0.5, -0.25, 1.0, 0.1},
            new double[] {1, 2, 3},
            new double[] {0, 1, 1});
    Predictor predictor =
        new Predictor(
            scorer,
            0.5,
            NAMES,
            ModelCosts.fromHyperparameters(Hyperparameters.defaults().asMap(), NAMES));
    return new InferenceService(predictor, ServeFixtures.settings());
  }

  @Test
  void theSelfCheckRefusesAModelThatScoresNaNAtTheMean() {
    InferenceService service = zeroStdService();
    // The all-zero row alone standardises to −∞ and scores 0, a probability: it does not see it.
    assertDoesNotThrow(() -> service.selfCheck());
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                service.selfCheck(List.of(Map.entry("the training mean", new double[] {1, 2, 3}))));
    assertEquals(
        "The start-up self-check refused the model: it scores the training mean NaN, not a"
            + " probability from 0 to 1; retrain the model or restore the model.json train wrote.",
        e.getMessage());
  }

  @Test
  void theSelfCheckPassesAGoodModel() {
    InferenceService service = ServeFixtures.service();
    double[] mean = ServeFixtures.MODEL.mean();
    assertDoesNotThrow(() -> service.selfCheck(List.of(Map.entry("the mean", mean))));
  }

  private Path archive(String name, byte type, String content) throws IOException {
    Path file = dir.resolve("in").resolve("model.tar.gz");
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      TarArchiveEntry entry = new TarArchiveEntry(name, type);
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      if (type == TarConstants.LF_NORMAL) {
        entry.setSize(bytes.length);
      }
      tar.putArchiveEntry(entry);
      if (type == TarConstants.LF_NORMAL) {
        tar.write(bytes);
      }
      tar.closeArchiveEntry();
    }
    return file;
  }

  private int serve(Path archive, Path scratchParent) {
    SageMakerEnvironment environment =
        SageMakerEnvironment.of(Map.of(), Optional.of(dir.resolve("opt-ml")));
    return new ServeJob(environment, Optional.of(archive), 0, scratchParent).run();
  }

  private static List<Path> left(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().startsWith("costwise-model")).toList();
    }
  }

  @Test
  void aDownloadThatFailsHalfWayLeavesNoScratchFolder() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    ModelDownload failing =
        new ModelDownload(
            "s3://b/model.tar.gz",
            folder -> {
              Files.writeString(folder.resolve("model.tar.gz"), "the first bytes");
              throw new InvalidInputException("--model-data (s3://b/model.tar.gz): it failed.");
            });
    SageMakerEnvironment environment =
        SageMakerEnvironment.of(Map.of(), Optional.of(dir.resolve("opt-ml")));
    assertEquals(1, new ServeJob(environment, failing, 0, tmp).run());
    assertEquals(List.of(), left(tmp));
  }

  @Test
  void aDownloadedArchiveIsUnpackedBesideItAndBothGoWhenTheModelIsRefused() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path refused = archive("model.json", TarConstants.LF_FIFO, "");
    ModelDownload download =
        new ModelDownload(
            "s3://b/model.tar.gz", folder -> Files.copy(refused, folder.resolve("model.tar.gz")));
    SageMakerEnvironment environment =
        SageMakerEnvironment.of(Map.of(), Optional.of(dir.resolve("opt-ml")));
    assertEquals(1, new ServeJob(environment, download, 0, tmp).run());
    assertEquals(List.of(), left(tmp));
  }

  @Test
  void aRefusedArchiveLeavesNoScratchFolder() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    assertEquals(1, serve(archive("model.json", TarConstants.LF_FIFO, ""), tmp));
    assertEquals(List.of(), left(tmp));
  }

  @Test
  void aDamagedModelInAnArchiveLeavesNoScratchFolder() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    String damaged =
        "{\"format_version\":2,\"feature_names\":[\"a\"],\"decision_threshold\":2.0,"
            + "\"hyperparameters\":{},\"scorer\":{\"mean\":[0],\"std\":[1],\"layers\":"
            + "[{\"activation\":\"sigmoid\",\"weights\":[[1]],\"bias\":[0]}]}}";
    assertEquals(1, serve(archive("model.json", TarConstants.LF_NORMAL, damaged), tmp));
    assertEquals(List.of(), left(tmp));
    assertTrue(Files.isDirectory(tmp));
  }
}

package io.costwise.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.artifact.ModelFolder;
import io.costwise.artifact.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's {@code train}, as a process: exit codes, signals, checkpoints. */
class TrainIT {
  private static final String HYPERPARAMETERS =
      "{\"loss_function_type\": \"custom\", \"fn_cost\": \"5\", \"optimizer\": \"adam\","
          + " \"epochs\": \"2000\", \"batch_size\": \"8\"}";

  @TempDir Path dir;

  private Path tree(String name, boolean checkpoints) throws IOException {
    Path base = dir.resolve(name);
    CostwiseProcess.sampleInput(base, HYPERPARAMETERS);
    if (checkpoints) {
      Files.createDirectories(base.resolve("checkpoints"));
    }
    return base;
  }

  private int run(Path base, String... args) throws Exception {
    Process process =
        CostwiseProcess.start(
            Map.of("SAGEMAKER_BASE_DIR", base.toString()), dir.resolve("log.txt"), args);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    return process.exitValue();
  }

  @Test
  void versionHelpAndUsageErrors() throws Exception {
    Path log = dir.resolve("log.txt");
    assertEquals(0, run(dir, "--version"));
    assertTrue(Files.readString(log).contains("costwise "));
    assertEquals(0, run(dir, "train", "--help"));
    assertTrue(Files.readString(log).contains("--base-dir"));
    assertEquals(2, run(dir, "trian"));
    assertTrue(Files.readString(log).contains("Unmatched argument"), Files.readString(log));
  }

  @Test
  void trainsOnTheRootFromTheEnvironment() throws Exception {
    Path base = tree("ok", false);
    Files.writeString(base.resolve("input/config/hyperparameters.json"), "{\"epochs\": \"3\"}");
    assertEquals(0, run(base, "train"));
    assertTrue(Files.exists(base.resolve("output/success")));
    assertTrue(Files.exists(base.resolve("model/model.zip")));
    String log = Files.readString(dir.resolve("log.txt"));
    assertTrue(log.matches("(?s).*epoch 3/3: train:loss=[0-9.]+; validation:loss=[0-9.]+;.*"), log);
  }

  @Test
  void sigtermStopsWithinSecondsRecordsTheStopAndKeepsTheCheckpoint() throws Exception {
    Path base = tree("stopped", true);
    Process process =
        CostwiseProcess.start(
            Map.of("SAGEMAKER_BASE_DIR", base.toString()), dir.resolve("log.txt"), "train");
    awaitCheckpoint(base, 5);
    long stop = System.nanoTime();
    process.destroy(); // SIGTERM
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "stopped within 10 s");
    assertEquals(143, process.exitValue());
    assertTrue((System.nanoTime() - stop) / 1e9 < 10);
    String failure = Files.readString(base.resolve("output/failure"));
    assertTrue(failure.startsWith("Training was stopped by SIGTERM"), failure);
    assertTrue(failure.contains("a restart resumes from it"), failure);
    assertTrue(checkpoints(base) > 0);
  }

  @Test
  void aKilledRunResumesToTheUninterruptedModel() throws Exception {
    Path whole = tree("whole", false);
    assertEquals(0, run(whole, "train"));

    Path resumed = tree("resumed", true);
    Process process =
        CostwiseProcess.start(
            Map.of("SAGEMAKER_BASE_DIR", resumed.toString()), dir.resolve("log.txt"), "train");
    awaitCheckpoint(resumed, 10);
    process.destroyForcibly(); // SIGKILL: no chance to clean up
    assertTrue(process.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, run(resumed, "train"));
    assertTrue(
        ModelFolder.readDescription(resumed.resolve("model")).resumedAfterEpochs() >= 10,
        "resumed from a checkpoint");
    assertArrayEquals(
        SavedModel.describe(whole.resolve("model")).scorer().toNetworkScorer().parameters(),
        SavedModel.describe(resumed.resolve("model")).scorer().toNetworkScorer().parameters(),
        0.0);
  }

  /** Waits for a checkpoint of epoch {@code epoch} or later (older ones are pruned quickly). */
  private static void awaitCheckpoint(Path base, int epoch) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (newestCheckpoint(base) < epoch) {
      assertTrue(System.nanoTime() < deadline, "no checkpoint for epoch " + epoch + " or later");
      Thread.sleep(5);
    }
  }

  private static int newestCheckpoint(Path base) throws IOException {
    Path folder = base.resolve("checkpoints");
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.matches("epoch-\\d{6}"))
          .mapToInt(name -> Integer.parseInt(name.substring(6)))
          .max()
          .orElse(0);
    }
  }

  private static long checkpoints(Path base) throws IOException {
    try (Stream<Path> entries = Files.list(base.resolve("checkpoints"))) {
      return entries.filter(p -> p.getFileName().toString().startsWith("epoch-")).count();
    }
  }
}

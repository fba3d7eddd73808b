package io.costwise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.costwise.artifact.ModelFolder;
import io.costwise.artifact.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (StopTrainingJob) sent to the packaged jar's {@code train} at the two moments that used
 * to go wrong: while a channel is still being read, and after the last epoch. Each signal is sent
 * when the log says the job has reached that moment, never after a fixed sleep, so a busy machine
 * only makes the test slower.
 */
class TrainSigtermIT {
  /** Logged just before the channels are read, after the SIGTERM hook is installed. */
  private static final String READING = "Hyperparameters: ";

  /** Logged once every model is trained: the job is saving and evaluating. */
  private static final String FINISHING = "Decision threshold ";

  @TempDir Path dir;

  @Test
  void aStopWhileAPipeHasNoWriterYetIsRecordedAtOnceWithExitCode143() throws Exception {
    Path base = dir.resolve("opt_ml");
    Files.createDirectories(base.resolve("input/config"));
    Files.createDirectories(base.resolve("input/data"));
    Files.writeString(base.resolve("input/config/hyperparameters.json"), "{\"epochs\": \"1\"}");
    Files.writeString(
        base.resolve("input/config/inputdataconfig.json"),
        "{\"train\": {\"TrainingInputMode\": \"Pipe\", \"RecordWrapperType\": \"None\"}}");
    mkfifo(base.resolve("input/data/train_0")); // no writer ever comes: the read blocks

    Path log = dir.resolve("train.log");
    Process train =
        CostwiseProcess.start(Map.of("SAGEMAKER_BASE_DIR", base.toString()), log, "train");
    awaitLine(train, log, READING);
    long signalled = System.nanoTime();
    train.destroy(); // SIGTERM

    assertTrue(train.waitFor(10, TimeUnit.SECONDS), "exits within 10 s: " + Files.readString(log));
    double seconds = (System.nanoTime() - signalled) / 1e9;
    assertEquals(143, train.exitValue(), Files.readString(log));
    assertTrue(seconds < 10, "exited " + seconds + " s after SIGTERM");
    String failure = Files.readString(base.resolve("output/failure"));
    assertTrue(
        failure.startsWith("Training was stopped by SIGTERM")
            && failure.contains("while the channels were still being read"),
        failure);
    assertTrue(Files.readString(log).contains(failure), "the log says it too");
    assertFalse(Files.exists(base.resolve("output/success")));
  }

  @Test
  void aStopAfterTheLastEpochCompletesTheJobWithSuccessAndExitCode0() throws Exception {
    Path base = dir.resolve("opt_ml");
    CostwiseProcess.sampleInput(base, "{\"epochs\": \"2\"}");

    Path log = dir.resolve("train.log");
    Process train =
        CostwiseProcess.start(Map.of("SAGEMAKER_BASE_DIR", base.toString()), log, "train");
    awaitLine(train, log, FINISHING);
    train.destroy(); // SIGTERM, while the model is being saved and evaluated

    assertTrue(train.waitFor(120, TimeUnit.SECONDS), Files.readString(log));
    String text = Files.readString(log);
    assertEquals(0, train.exitValue(), text);
    assertTrue(text.contains("SIGTERM after training"), "the signal came before the end: " + text);
    assertTrue(Files.exists(base.resolve("output/success")));
    assertFalse(Files.exists(base.resolve("output/failure")));
    // A complete model: both files, each readable as a whole.
    Path model = base.resolve("model");
    assertEquals(2, ModelFolder.readDescription(model).epochsRun());
    SavedModel.describe(model);
    try (ZipFile zip = new ZipFile(model.resolve(ModelFolder.MODEL_FILE).toFile())) {
      assertTrue(zip.size() > 0);
      zip.stream().forEach(entry -> assertTrue(entry.getSize() >= 0));
    }
  }

  /** Waits until the log has a line containing {@code text}, or fails if the job ends first. */
  private static void awaitLine(Process process, Path log, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.readString(log).contains(text)) {
      assertTrue(process.isAlive(), "ended before '" + text + "': " + Files.readString(log));
      assertTrue(System.nanoTime() < deadline, "no '" + text + "': " + Files.readString(log));
      Thread.sleep(5);
    }
  }

  private static void mkfifo(Path path) throws IOException, InterruptedException {
    int exit;
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      exit = mkfifo.waitFor(10, TimeUnit.SECONDS) ? mkfifo.exitValue() : -1;
    } catch (IOException e) {
      exit = -1;
    }
    assumeTrue(exit == 0, "mkfifo is not available here");
  }
}

package io.costwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * One error policy for every command: a user's mistake is one sentence and exit code 1, with no
 * stack trace; a bug keeps its trace.
 */
class CommandErrorsTest {
  @TempDir Path dir;

  /** What a command printed: its exit code, stderr, and stdout (where the log goes). */
  record Run(int exit, String err, String out) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      exit = CostwiseCommand.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    } finally {
      System.setOut(original);
    }
    return new Run(exit, err.toString(), out.toString(StandardCharsets.UTF_8));
  }

  private static void assertOneSentence(Run run, String command, String start) {
    assertEquals(1, run.exit(), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    assertFalse(run.out().contains("\tat "), "no stack trace in the log: " + run.out());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(
        run.err().startsWith("costwise " + command + ": " + start),
        "one sentence, naming the command: " + run.err());
  }

  @Test
  void sweepWithBadDataIsOneSentence() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "1,2,3\n0,abc,3\n");
    Run run = run("sweep", "--data", bad.toString(), "--out", dir.resolve("out").toString());
    assertOneSentence(run, "sweep", "Channel 'data'");
    assertTrue(run.err().contains("'abc' is not a number"), run.err());
  }

  @Test
  void sweepWithAMissingFileIsOneSentence() {
    Run run =
        run(
            "sweep",
            "--data",
            dir.resolve("missing.csv").toString(),
            "--out",
            dir.resolve("out").toString());
    assertOneSentence(run, "sweep", "");
    assertTrue(run.err().contains("missing.csv"), run.err());
  }

  @Test
  void sweepWithOneFoldIsAUsageError() {
    Run run = run("sweep", "--folds", "1", "--out", dir.resolve("out").toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().startsWith("--folds must be at least 2 (it is 1)."), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void sweepWithANegativeRatioIsAUsageError() {
    Run run = run("sweep", "--ratios", "1,-5", "--out", dir.resolve("out").toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().startsWith("--ratios must be positive"), run.err());
  }

  @Test
  void evaluateWithAMissingModelIsOneSentence() throws Exception {
    Path data = Files.writeString(dir.resolve("d.csv"), "1,2,3\n0,4,3\n");
    Run run = run("evaluate", "--model", dir.resolve("no-model").toString(), data.toString());
    assertOneSentence(run, "evaluate", "");
    assertTrue(run.err().contains("no-model"), run.err());
  }

  @Test
  void demoWithDegenerateValuesIsOneSentenceBeforeAnyTraining() {
    Run run = run("demo", "--value-fp", "10", "--out", dir.resolve("out").toString());
    assertOneSentence(run, "demo", "The outcome values are degenerate");
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void sweepWithDegenerateValuesIsOneSentence() {
    Run run = run("sweep", "--value-fp", "10", "--out", dir.resolve("out").toString());
    assertOneSentence(run, "sweep", "The outcome values are degenerate");
  }

  @Test
  void trainWithABadHyperparameterLogsOneSentenceAndWritesTheFailureFile() throws Exception {
    Path hyperparameters = dir.resolve("input/config/hyperparameters.json");
    Files.createDirectories(hyperparameters.getParent());
    Files.writeString(hyperparameters, "{\"epochs\": \"-3\"}");
    Run run = run("train", "--base-dir", dir.toString());
    assertEquals(1, run.exit());
    assertFalse(run.out().contains("\tat "), "no stack trace in the job log: " + run.out());
    assertFalse(run.err().contains("\tat "), run.err());
    assertTrue(
        run.out().contains("Training failed: Hyperparameter epochs has the value '-3'"), run.out());
    assertTrue(
        Files.readString(dir.resolve("output/failure"))
            .startsWith("Hyperparameter epochs has the value '-3'"));
  }

  @Test
  void trainWithBadDataLogsOneSentence() throws Exception {
    Path bad = dir.resolve("input/data/train/bad.csv");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "1,2,3\n0,abc,3\n");
    Run run = run("train", "--base-dir", dir.toString());
    assertEquals(1, run.exit());
    assertFalse(run.out().contains("\tat "), "no stack trace in the job log: " + run.out());
    assertTrue(run.out().contains("Training failed: Channel 'train'"), run.out());
  }

  @Test
  void trainOnAMissingBaseDirIsAUsageErrorThatCreatesNothing() {
    Path missing = dir.resolve("no-such-opt-ml");
    Run run = run("train", "--base-dir", missing.toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(
        run.err()
            .startsWith(missing + " does not exist, so there is no job to run; give --base-dir"),
        run.err());
    assertFalse(Files.exists(missing));
  }

  @Command(name = "broken")
  static final class Broken implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("a bug");
    }
  }

  @Test
  void anInternalErrorKeepsItsStackTrace() {
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new Broken())
            .setExecutionExceptionHandler(new ErrorPolicy())
            .setErr(new PrintWriter(err, true))
            .execute();
    assertEquals(1, exit);
    assertTrue(err.toString().contains("IllegalStateException: a bug"), err.toString());
    assertTrue(err.toString().contains("\tat "), err.toString());
  }
}

package io.costwise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** demo, sweep and evaluate through the packaged jar. */
class ExperimentsIT {
  @TempDir Path dir;

  private String run(String... args) throws Exception {
    Path log = dir.resolve("log.txt");
    Process process = CostwiseProcess.start(Map.of(), log, args);
    assertTrue(process.waitFor(180, TimeUnit.SECONDS));
    String output = Files.readString(log);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  @Test
  void demoPrintsTheComparisonAndWritesReportAndSummary() throws Exception {
    Path out = dir.resolve("demo");
    String output = run("demo", "--out", out.toString());
    assertTrue(output.contains("[1/3] builtin"), output);
    assertTrue(output.contains("[3/3] medical"), output);
    assertTrue(output.contains("expected value per case (USD)"), output);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(3, summary.path("models").size());
    assertTrue(summary.path("models").get(2).path("confusion_matrix").has("fn"));
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("data:image/png;base64,"));
    assertTrue(html.contains("Each model at its best decision rule: best is "), "the headline");
    assertTrue(Files.exists(out.resolve("scores-medical.png")));
    assertTrue(Files.exists(out.resolve("cost-ratio.png")));
  }

  @Test
  void sweepWritesTableJsonAndChart() throws Exception {
    Path out = dir.resolve("sweep");
    String output =
        run("sweep", "--ratios", "1,200", "--folds", "2", "--epochs", "3", "--out", out.toString());
    assertTrue(output.contains("cost-optimal"), output);
    JsonNode sweep = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
    assertEquals(4, sweep.path("rows").size());
    assertTrue(Files.size(out.resolve("sweep.png")) > 1000);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<h1>costwise sweep: "), "titled like every report");
    assertTrue(html.contains("At the cost-optimal threshold, "), "a headline per kind");
    assertTrue(html.contains("data:image/png;base64,"), "the chart, inlined");
  }

  @Test
  void evaluateReadsAModelArchive() throws Exception {
    Path base = dir.resolve("opt_ml");
    Path sample = Path.of("container/local_test/opt_ml/input");
    Files.createDirectories(base.resolve("input/data/train"));
    Files.copy(sample.resolve("data/train/train.csv"), base.resolve("input/data/train/train.csv"));
    Files.createDirectories(base.resolve("input/config"));
    Files.writeString(base.resolve("input/config/hyperparameters.json"), "{\"epochs\": \"3\"}");
    run("train", "--base-dir", base.toString());
    Process tar =
        new ProcessBuilder(
                "tar",
                "-czf",
                dir.resolve("model.tar.gz").toString(),
                "-C",
                base.resolve("model").toString(),
                ".")
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor());
    String output =
        run(
            "evaluate",
            "--model",
            dir.resolve("model.tar.gz").toString(),
            "--out",
            dir.resolve("eval").toString(),
            sample.resolve("data/validation/validation.csv").toString());
    assertTrue(output.contains("weighted avg"), output);
    assertTrue(
        output.matches("(?s).*threshold 0\\.5: TN \\d+, FP \\d+, FN \\d+, TP \\d+.*"), output);
    assertTrue(Files.exists(dir.resolve("eval/evaluation.json")));
  }
}

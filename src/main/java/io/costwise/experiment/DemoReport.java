package io.costwise.experiment;

import io.costwise.evaluation.OutcomeValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the demo's files: {@code summary.json} and the comparison report. */
public final class DemoReport {
  private DemoReport() {}

  public static List<Path> write(Path dir, DemoResult result, OutcomeValues values)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    Path summary = dir.resolve("summary.json");
    DemoSummary.write(summary, result, values);
    written.add(summary);
    return written;
  }
}

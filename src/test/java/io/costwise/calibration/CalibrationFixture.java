package io.costwise.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fixed input of the scikit-learn comparisons: {@code src/test/resources/calibration/NAME.csv},
 * written once by {@code make_inputs.py} there; {@code expected.py} prints scikit-learn's results
 * on it (see the README there).
 */
record CalibrationFixture(String name, double[] scores, int[] labels) {
  static final Path FOLDER = Path.of("src/test/resources/calibration");

  static CalibrationFixture read(String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(FOLDER.resolve(name + ".csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> rows = lines.subList(1, lines.size()); // after the header
    double[] scores = new double[rows.size()];
    int[] labels = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      String[] fields = rows.get(i).split(",");
      scores[i] = Double.parseDouble(fields[0]);
      labels[i] = Integer.parseInt(fields[1]);
    }
    return new CalibrationFixture(name, scores, labels);
  }
}

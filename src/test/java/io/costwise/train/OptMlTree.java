package io.costwise.train;

import io.costwise.sagemaker.SageMakerEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A temporary /opt/ml tree for one job, filled by the test. */
final class OptMlTree {
  final Path base;

  OptMlTree(Path base) {
    this.base = base;
  }

  SageMakerEnvironment environment() {
    return SageMakerEnvironment.of(Map.of(), Optional.of(base));
  }

  OptMlTree hyperparameters(String json) {
    return write("input/config/hyperparameters.json", json);
  }

  OptMlTree hyperparameters(Map<String, String> values) {
    return hyperparameters(
        values.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
            .collect(Collectors.joining(", ", "{", "}")));
  }

  OptMlTree file(String channel, String name, String content) {
    return write("input/data/" + channel + "/" + name, content);
  }

  OptMlTree write(String relative, String content) {
    try {
      Path path = base.resolve(relative);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample WDBC channels shipped with the project. */
  OptMlTree wdbc() {
    Path sample = Path.of("container/local_test/opt_ml/input/data");
    try {
      for (String channel : List.of("train", "validation")) {
        file(
            channel,
            channel + ".csv",
            Files.readString(sample.resolve(channel + "/" + channel + ".csv")));
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int train() {
    return new TrainingJob(environment()).run();
  }

  String failure() throws IOException {
    return Files.readString(base.resolve("output/failure"));
  }

  boolean succeeded() {
    return Files.exists(base.resolve("output/success"));
  }

  /** Rows of a small separable data set: label, then two features. */
  static String rows(int count) {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int label = i % 2;
      csv.append(label)
          .append(',')
          .append(label * 2 + i % 3 * 0.1)
          .append(',')
          .append(1.5 - i % 5 * 0.2)
          .append('\n');
    }
    return csv.toString();
  }
}

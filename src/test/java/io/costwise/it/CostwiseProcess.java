package io.costwise.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Starts the packaged jar as SageMaker would start the container's entrypoint. */
final class CostwiseProcess {
  private CostwiseProcess() {}

  static Path jar() {
    String jar = System.getProperty("costwise.jar");
    if (jar == null) {
      throw new IllegalStateException(
          "run integration tests through Maven (failsafe sets costwise.jar)");
    }
    return Path.of(jar);
  }

  static ProcessBuilder builder(Map<String, String> environment, Path log, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return builder;
  }

  static Process start(Map<String, String> environment, Path log, String... args)
      throws IOException {
    return builder(environment, log, args).start();
  }

  /**
   * Copies the sample /opt/ml input tree (container/local_test) under {@code base}/input, with
   * {@code hyperparameters} as its hyperparameters.json.
   */
  static void sampleInput(Path base, String hyperparameters) throws IOException {
    Path sample = Path.of("container/local_test/opt_ml/input");
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = base.resolve("input").resolve(sample.relativize(file));
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    Files.writeString(base.resolve("input/config/hyperparameters.json"), hyperparameters);
  }
}

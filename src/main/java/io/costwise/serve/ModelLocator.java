package io.costwise.serve;

import io.costwise.artifact.ModelFolder;
import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the model to serve is: a path given on the command line, else {@code <root>/model} — the
 * folder {@code train} wrote (what SageMaker unpacks from {@code model.tar.gz}), or a folder
 * holding a {@code model.tar.gz} (e.g. copied there by hand).
 */
final class ModelLocator {
  private ModelLocator() {}

  static Path locate(Path modelDir) throws IOException {
    if (!Files.exists(modelDir)) {
      throw new InvalidInputException(
          "There is no model at "
              + modelDir
              + "; SageMaker unpacks model.tar.gz there, or give --model PATH.");
    }
    if (Files.isRegularFile(modelDir)
        || Files.exists(modelDir.resolve(ModelFolder.DESCRIPTION_FILE))) {
      return modelDir;
    }
    try (Stream<Path> files = Files.list(modelDir)) {
      List<Path> archives =
          files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).sorted().toList();
      if (archives.size() == 1) {
        return archives.get(0);
      }
      throw new InvalidInputException(
          "The folder "
              + modelDir
              + " holds neither model.json nor exactly one .tar.gz archive ("
              + archives.size()
              + " found); it must hold what costwise train wrote to /opt/ml/model.");
    }
  }
}

package io.costwise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.config.Hyperparameter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration reference lists every hyperparameter with its real default. */
class DocumentationTest {
  @Test
  void everyHyperparameterIsDocumentedWithItsDefault() throws Exception {
    String docs = Files.readString(Path.of("docs/configuration.md"));
    for (Hyperparameter parameter : Hyperparameter.values()) {
      String row = "| `" + parameter.key() + "` | `" + parameter.defaultValue() + "` |";
      assertTrue(docs.contains(row), "docs/configuration.md lacks the row starting " + row);
    }
  }
}

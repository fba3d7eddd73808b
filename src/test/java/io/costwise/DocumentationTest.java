package io.costwise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.cli.CostwiseCommand;
import io.costwise.config.Hyperparameter;
import io.costwise.sagemaker.SageMakerEnvironment;
import io.costwise.serve.ServingSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration reference lists every hyperparameter, every train/serve option and every
 * environment variable the code names.
 */
class DocumentationTest {
  @Test
  void everyHyperparameterIsDocumentedWithItsDefault() throws Exception {
    String docs = Files.readString(Path.of("docs/configuration.md"));
    for (Hyperparameter parameter : Hyperparameter.values()) {
      String row = "| `" + parameter.key() + "` | `" + parameter.defaultValue() + "` |";
      assertTrue(docs.contains(row), "docs/configuration.md lacks the row starting " + row);
    }
  }

  @Test
  void everyOptionOfTrainAndServeIsDocumented() throws Exception {
    String docs = Files.readString(Path.of("docs/configuration.md"));
    CommandLine costwise = new CommandLine(new CostwiseCommand());
    for (String command : List.of("train", "serve")) {
      for (OptionSpec option : costwise.getSubcommands().get(command).getCommandSpec().options()) {
        if (option.usageHelp() || option.versionHelp()) {
          continue;
        }
        assertTrue(
            docs.contains("`" + option.longestName()),
            "docs/configuration.md does not mention " + command + " " + option.longestName());
      }
    }
  }

  @Test
  void everyEnvironmentVariableIsARowOfTheTable() throws Exception {
    String docs = Files.readString(Path.of("docs/configuration.md"));
    for (Class<?> owner : List.of(SageMakerEnvironment.class, ServingSettings.class)) {
      for (Field field : owner.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_VARIABLE")) {
          String row = "| `" + field.get(null) + "` |";
          assertTrue(docs.contains(row), "docs/configuration.md lacks the row starting " + row);
        }
      }
    }
  }
}

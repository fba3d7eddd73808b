package io.costwise.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperparameterFileTest {
  @Test
  void acceptsEverySdkEncoding() {
    // v1/v2 generic Estimator: str(v); framework estimators: json.dumps(v); hand-written: JSON
    // types.
    Map<String, String> values =
        HyperparameterFile.parse(
            "{\"a\": \"custom\", \"b\": \"\\\"custom\\\"\", \"c\": \"5\", \"d\": \"\\\"5\\\"\","
                + " \"e\": 5, \"f\": 5.0, \"g\": \"True\", \"h\": true, \"i\": \" 7 \"}",
            "hyperparameters.json");
    assertEquals(
        Map.of(
            "a", "custom", "b", "custom", "c", "5", "d", "5", "e", "5", "f", "5.0", "g", "True",
            "h", "true", "i", "7"),
        values);
  }

  @Test
  void aMissingFileMeansNoHyperparameters(@TempDir Path dir) {
    assertEquals(Map.of(), HyperparameterFile.read(dir.resolve("hyperparameters.json")));
  }

  @Test
  void anEmptyFileIsRefusedByName(@TempDir Path dir) throws Exception {
    for (String text : new String[] {"", " \n\t\n"}) {
      Path file = Files.writeString(dir.resolve("hyperparameters.json"), text);
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> HyperparameterFile.read(file));
      assertTrue(e.getMessage().startsWith("hyperparameters.json is empty; "), e.getMessage());
    }
  }

  @Test
  void anEmptyObjectMeansEveryDefault(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("hyperparameters.json"), "{}");
    assertEquals(Map.of(), HyperparameterFile.read(file));
  }

  @Test
  void invalidJsonNamesTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hyperparameters.json");
    Files.writeString(file, "{\n\"epochs\": \"5\",\n}");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> HyperparameterFile.read(file));
    assertTrue(e.getMessage().startsWith("hyperparameters.json is not valid JSON at line 3"));
  }

  @Test
  void aNonObjectIsRefused() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> HyperparameterFile.parse("[1, 2]", "hp.json"));
    assertTrue(e.getMessage().contains("must hold one JSON object"));
  }

  @Test
  void nullIsRefusedByKey() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> HyperparameterFile.parse("{\"fn_cost\": null}", "hp.json"));
    assertTrue(e.getMessage().contains("gives fn_cost the value null"));
  }
}

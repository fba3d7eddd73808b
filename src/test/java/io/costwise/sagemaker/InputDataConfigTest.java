package io.costwise.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDataConfigTest {
  private static InputDataConfig config(Path dir, String json) throws Exception {
    Path file = dir.resolve("inputdataconfig.json");
    Files.writeString(file, json);
    return InputDataConfig.read(file);
  }

  @Test
  void missingFileMeansFileModeCsv(@TempDir Path dir) {
    InputDataConfig config = InputDataConfig.read(dir.resolve("inputdataconfig.json"));
    assertFalse(config.declares("train"));
    assertEquals(InputDataConfig.InputMode.FILE, config.inputMode("train"));
    config.requireCsv("train");
  }

  @Test
  void readsModesAndAcceptsCsvWithParameters(@TempDir Path dir) throws Exception {
    InputDataConfig config =
        config(
            dir,
            "{\"train\": {\"TrainingInputMode\": \"Pipe\", \"ContentType\": \"text/csv;"
                + " label_size=1\", \"RecordWrapperType\": \"None\"},"
                + " \"validation\": {\"TrainingInputMode\": \"FastFile\"}}");
    assertTrue(config.declares("train"));
    assertEquals(InputDataConfig.InputMode.PIPE, config.inputMode("train"));
    assertEquals(InputDataConfig.InputMode.FAST_FILE, config.inputMode("validation"));
    config.requireCsv("train");
  }

  @Test
  void acceptsTheBareCsvThatXgboostUsersPass(@TempDir Path dir) throws Exception {
    InputDataConfig config =
        config(
            dir,
            "{\"train\": {\"ContentType\": \"csv\"}, \"validation\": {\"ContentType\":"
                + " \"CSV; label_size=1\"}, \"test\": {\"ContentType\": \"Text/CSV;"
                + " charset=utf-8\"}}");
    config.requireCsv("train");
    config.requireCsv("validation");
    config.requireCsv("test");
    InputDataConfig csvish = config(dir, "{\"train\": {\"ContentType\": \"text/csvx\"}}");
    assertThrows(InvalidInputException.class, () -> csvish.requireCsv("train"));
  }

  @Test
  void refusesOtherContentTypesAndRecordIo(@TempDir Path dir) throws Exception {
    InputDataConfig config =
        config(
            dir,
            "{\"train\": {\"ContentType\": \"application/x-parquet\"},"
                + " \"validation\": {\"RecordWrapperType\": \"RecordIO\"}}");
    InvalidInputException type =
        assertThrows(InvalidInputException.class, () -> config.requireCsv("train"));
    assertTrue(
        type.getMessage().startsWith("Channel 'train' has ContentType 'application/x-parquet'"));
    assertTrue(type.getMessage().contains("costwise reads CSV only"));
    InvalidInputException wrapper =
        assertThrows(InvalidInputException.class, () -> config.requireCsv("validation"));
    assertTrue(wrapper.getMessage().contains("RecordWrapperType 'RecordIO'"));
  }
}

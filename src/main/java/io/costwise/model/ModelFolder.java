package io.costwise.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model folder {@code train} writes and {@code serve} loads: {@value #MODEL_FILE} (network and
 * scaler) and {@value #DESCRIPTION_FILE}. It is exactly what SageMaker packs into {@code
 * model.tar.gz}.
 */
public final class ModelFolder {
  public static final String MODEL_FILE = "model.zip";
  public static final String DESCRIPTION_FILE = "model.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModelFolder() {}

  /** Writes the model and its description, creating the folder. */
  public static void write(Path dir, TrainedModel model, ModelDescription description)
      throws IOException {
    Files.createDirectories(dir);
    model.save(dir.resolve(MODEL_FILE));
    JSON.writeValue(dir.resolve(DESCRIPTION_FILE).toFile(), description);
  }

  public static ModelDescription readDescription(Path dir) throws IOException {
    return JSON.readValue(dir.resolve(DESCRIPTION_FILE).toFile(), ModelDescription.class);
  }

  public static TrainedModel readModel(Path dir) throws IOException {
    return TrainedModel.load(dir.resolve(MODEL_FILE));
  }
}

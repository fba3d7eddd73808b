package io.costwise.artifact;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model folder {@code train} writes and every consumer reads: {@value #MODEL_FILE} (the DL4J
 * network and scaler, for DL4J users) and {@value #DESCRIPTION_FILE} (the same network as plain
 * numbers, which {@code serve} and {@code evaluate} score with). It is exactly what SageMaker packs
 * into {@code model.tar.gz}.
 */
public final class ModelFolder {
  public static final String MODEL_FILE = "model.zip";
  public static final String DESCRIPTION_FILE = "model.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModelFolder() {}

  /**
   * Writes the description, creating the folder; the learner that trained the network writes
   * {@value #MODEL_FILE} beside it.
   */
  public static void writeDescription(Path dir, ModelDescription description) throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve(DESCRIPTION_FILE).toFile(), description);
  }

  /** The description's JSON as read, before binding: what {@link ModelValidation} checks. */
  static com.fasterxml.jackson.databind.JsonNode readTree(Path dir) throws IOException {
    return JSON.readTree(dir.resolve(DESCRIPTION_FILE).toFile());
  }

  /** The description in {@code tree}. */
  static ModelDescription bind(com.fasterxml.jackson.databind.JsonNode tree) throws IOException {
    return JSON.treeToValue(tree, ModelDescription.class);
  }

  public static ModelDescription readDescription(Path dir) throws IOException {
    return JSON.readValue(dir.resolve(DESCRIPTION_FILE).toFile(), ModelDescription.class);
  }
}

package io.costwise.model;

import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model as {@code train} saved it: the network and its description, loaded from the model folder
 * or from a {@code model.tar.gz} (unpacked safely into a scratch folder first).
 *
 * @param model the network and scaler
 * @param description feature names, threshold, hyperparameters and provenance
 * @param folder where the files were read from
 */
public record SavedModel(TrainedModel model, ModelDescription description, Path folder) {

  /**
   * Loads from a folder, or from an archive unpacked under {@code scratch}.
   *
   * @throws InvalidInputException when the path holds no usable model, naming what is missing
   */
  public static SavedModel open(Path path, Path scratch) throws IOException {
    Path folder;
    if (Files.isDirectory(path)) {
      folder = path;
    } else if (Files.isRegularFile(path)) {
      folder = ModelArchive.extract(path, scratch);
    } else {
      throw new InvalidInputException(
          "There is no model at "
              + path
              + "; give the folder train wrote (model.zip and"
              + " model.json) or its model.tar.gz.");
    }
    for (String file : new String[] {ModelFolder.DESCRIPTION_FILE, ModelFolder.MODEL_FILE}) {
      if (!Files.isRegularFile(folder.resolve(file))) {
        throw new InvalidInputException(
            "The model folder "
                + folder
                + " has no "
                + file
                + "; it must hold what costwise"
                + " train wrote to /opt/ml/model.");
      }
    }
    ModelDescription description = ModelFolder.readDescription(folder);
    if (description.formatVersion() > ModelDescription.FORMAT_VERSION) {
      throw new InvalidInputException(
          "The model in "
              + folder
              + " has format version "
              + description.formatVersion()
              + ", newer than this costwise understands ("
              + ModelDescription.FORMAT_VERSION
              + "); use the costwise version that trained it or newer.");
    }
    TrainedModel model = ModelFolder.readModel(folder);
    if (model.features() != description.featureCount()) {
      throw new InvalidInputException(
          "The model in "
              + folder
              + " has "
              + model.features()
              + " inputs but model.json lists "
              + description.featureCount()
              + " features; the two files do not belong together.");
    }
    return new SavedModel(model, description, folder);
  }
}

package io.costwise.artifact;

import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model as {@code train} saved it, as every consumer reads it: the description with its scorer,
 * loaded from the model folder or from a {@code model.tar.gz} (unpacked safely into a scratch
 * folder first). Plain Java: reading a model loads no native library.
 *
 * @param description feature names, threshold, hyperparameters, provenance and the network
 * @param scorer the network as arithmetic
 * @param folder where the files were read from
 */
public record SavedModel(ModelDescription description, NetworkScorer scorer, Path folder) {

  /**
   * Loads from a folder, or from an archive unpacked under {@code scratch}.
   *
   * @throws InvalidInputException when the path holds no usable model, naming what is missing
   */
  public static SavedModel open(Path path, Path scratch) throws IOException {
    Path folder = unpack(path, scratch);
    ModelDescription description =
        folder.equals(path) ? describe(folder) : describe(folder, shownAs(path));
    return new SavedModel(description, description.scorer().toNetworkScorer(), folder);
  }

  /** The model folder at {@code path}: the folder itself, or an archive unpacked under scratch. */
  public static Path unpack(Path path, Path scratch) throws IOException {
    if (Files.isDirectory(path)) {
      return path;
    }
    if (Files.isRegularFile(path)) {
      return ModelArchive.extract(path, scratch);
    }
    throw new InvalidInputException(
        "There is no model at "
            + path
            + "; give the folder train wrote (model.zip and"
            + " model.json) or its model.tar.gz.");
  }

  /**
   * Reads and checks {@code model.json}: present, readable, a format this version understands, and
   * every field serving uses present and in range ({@link ModelValidation}).
   */
  public static ModelDescription describe(Path folder) throws IOException {
    return describe(folder, folder.resolve(ModelFolder.DESCRIPTION_FILE).toString());
  }

  /**
   * How messages name the model.json of an archive: {@code model.json in <archive>}, not the
   * scratch folder it was unpacked into (deleted by the time anyone reads the message).
   */
  public static String shownAs(Path archive) {
    return shownAs(archive.toString());
  }

  /** As {@link #shownAs(Path)}, for an archive named otherwise, e.g. by its S3 address. */
  public static String shownAs(String archive) {
    return ModelFolder.DESCRIPTION_FILE + " in " + archive;
  }

  /**
   * As {@link #describe(Path)}, naming the file {@code shownAs} in messages (see {@link
   * #shownAs(Path)}).
   */
  public static ModelDescription describe(Path folder, String shownAs) throws IOException {
    if (!Files.isRegularFile(folder.resolve(ModelFolder.DESCRIPTION_FILE))) {
      throw new InvalidInputException(
          "The model folder "
              + folder
              + " has no "
              + ModelFolder.DESCRIPTION_FILE
              + "; it must"
              + " hold what costwise train wrote to /opt/ml/model.");
    }
    String file = shownAs;
    com.fasterxml.jackson.databind.JsonNode tree;
    ModelDescription description;
    try {
      tree = ModelFolder.readTree(folder);
      if (!tree.isObject()) {
        throw new InvalidInputException(
            file + " is not a costwise model description (it is not a JSON object).");
      }
      description = ModelFolder.bind(tree);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidInputException(
          file + " is not a costwise model description (" + e.getOriginalMessage() + ").", e);
    }
    if (description.formatVersion() > ModelDescription.FORMAT_VERSION) {
      throw new InvalidInputException(
          file
              + " has format version "
              + description.formatVersion()
              + ", newer than this costwise understands ("
              + ModelDescription.FORMAT_VERSION
              + "); use the costwise version that trained it or newer.");
    }
    ModelValidation.check(file, tree, description);
    try {
      NetworkScorer scorer = description.scorer().toNetworkScorer();
      if (scorer.features() != description.featureCount()) {
        throw new IllegalArgumentException(
            "the scorer takes "
                + scorer.features()
                + " features but "
                + description.featureCount()
                + " are named");
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          file
              + " holds a scorer that cannot be used ("
              + e.getMessage()
              + "); retrain the model, or restore the file train wrote.",
          e);
    }
    return description;
  }

  /** The model's calibrated probability for each row of {@code data}: what decisions use. */
  public double[] probabilities(Dataset data) {
    double[] scores = scorer.scores(data);
    description.calibrationOrNone().applyInPlace(scores, scores.length);
    return scores;
  }
}

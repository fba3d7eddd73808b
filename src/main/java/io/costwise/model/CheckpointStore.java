package io.costwise.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * Per-epoch checkpoints for managed spot training, in a folder SageMaker syncs with S3.
 *
 * <p>Each checkpoint is a folder {@code epoch-NNNNNN} holding the network with its optimiser state
 * and scaler ({@code model.zip}) and {@code checkpoint.json} (the epoch and a fingerprint of the
 * data and settings). It is written under a hidden temporary name and renamed, so a run killed
 * mid-write never leaves a half checkpoint that a restart would trust. The newest {@value #KEEP}
 * are kept.
 */
public final class CheckpointStore {
  static final int KEEP = 2;
  private static final String PREFIX = "epoch-";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final String fingerprint;

  /**
   * @param dir the checkpoint folder (created if missing)
   * @param fingerprint identifies the data and settings; a checkpoint with another one is refused
   */
  public CheckpointStore(Path dir, String fingerprint) {
    this.dir = dir;
    this.fingerprint = fingerprint;
  }

  public Path dir() {
    return dir;
  }

  /** What a resumed run starts from. */
  record Restored(
      int epochsDone, MultiLayerNetwork network, Optional<NormalizerStandardize> scaler) {}

  /** The metadata file's content. */
  record Metadata(int epochsDone, String fingerprint) {}

  /** The newest complete checkpoint, if any. */
  Optional<Restored> newest() {
    Optional<Path> newest = list().stream().max(Comparator.naturalOrder());
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    Path folder = newest.get();
    try {
      Metadata metadata =
          JSON.readValue(folder.resolve("checkpoint.json").toFile(), Metadata.class);
      if (!metadata.fingerprint().equals(fingerprint)) {
        throw new InvalidInputException(
            "The checkpoint "
                + folder
                + " was written for other training data or hyperparameters; use a new"
                + " checkpoint_s3_uri for a new experiment, or delete the old checkpoints.");
      }
      SavedNetwork saved = SavedNetwork.read(folder.resolve("model.zip"), true);
      return Optional.of(new Restored(metadata.epochsDone(), saved.network(), saved.scaler()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore checkpoint " + folder, e);
    }
  }

  /** Saves the state after {@code epochsDone} epochs, atomically, and prunes old checkpoints. */
  void save(int epochsDone, MultiLayerNetwork network, Optional<NormalizerStandardize> scaler) {
    String name = String.format("%s%06d", PREFIX, epochsDone);
    Path partial = dir.resolve("." + name + ".partial");
    try {
      Files.createDirectories(dir);
      deleteRecursively(partial);
      Files.createDirectories(partial);
      new SavedNetwork(network, scaler).write(partial.resolve("model.zip"), true);
      JSON.writeValue(
          partial.resolve("checkpoint.json").toFile(), new Metadata(epochsDone, fingerprint));
      Path target = dir.resolve(name);
      deleteRecursively(target);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      List<Path> all = list();
      for (int i = 0; i < all.size() - KEEP; i++) {
        deleteRecursively(all.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint in " + dir, e);
    }
  }

  /** Complete checkpoint folders, oldest first. */
  List<Path> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith(PREFIX))
          .filter(p -> Files.isRegularFile(p.resolve("checkpoint.json")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

package io.costwise.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-epoch checkpoints for managed spot training, in a folder SageMaker syncs with S3.
 *
 * <p>Each checkpoint is a folder {@code epoch-NNNNNN} holding {@code checkpoint.json} (the epoch
 * and a fingerprint of the data and settings) and {@code state.bin} (parameters, optimiser moments,
 * step count, scaler and early-stopping record as float64, ending in a CRC-32 of the rest). It is
 * written under a hidden temporary name and renamed, and the newest {@value #KEEP} are kept.
 *
 * <p>A checkpoint can still arrive damaged — a half-finished S3 sync leaves a truncated or missing
 * file — so a restart takes the newest checkpoint that reads back whole and logs each newer one it
 * skipped and why, instead of failing the same way on every restart.
 */
public final class CheckpointStore {
  static final int KEEP = 2;
  static final String STATE_FILE = "state.bin";
  static final String METADATA_FILE = "checkpoint.json";
  private static final String PREFIX = "epoch-";
  private static final int MAGIC = 0x43574b32; // "CWK2"
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

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

  /** The metadata file's content. */
  record Metadata(int epochsDone, String fingerprint) {}

  /** The newest checkpoint that reads back whole, if any; damaged newer ones are logged. */
  Optional<Checkpoint> newest() {
    List<Path> folders = new ArrayList<>(list());
    folders.sort(Comparator.reverseOrder());
    for (Path folder : folders) {
      Metadata metadata;
      Checkpoint checkpoint;
      try {
        metadata = JSON.readValue(folder.resolve(METADATA_FILE).toFile(), Metadata.class);
        if (metadata.fingerprint() == null || metadata.epochsDone() < 1) {
          throw new IOException(METADATA_FILE + " lacks the epoch or the fingerprint");
        }
        if (!metadata.fingerprint().equals(fingerprint)) {
          throw new InvalidInputException(
              "The checkpoint "
                  + folder
                  + " was written for other training data or hyperparameters; use a new"
                  + " checkpoint_s3_uri for a new experiment, or delete the old checkpoints.");
        }
        checkpoint = readState(folder.resolve(STATE_FILE), metadata.epochsDone());
      } catch (IOException | RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
          throw invalid;
        }
        LOG.warn("Skipped the damaged checkpoint {}: {}", folder.getFileName(), describe(e));
        continue;
      }
      LOG.info("Resuming from checkpoint {}", folder.getFileName());
      return Optional.of(checkpoint);
    }
    return Optional.empty();
  }

  /** Saves the state after an epoch, atomically, and prunes old checkpoints. */
  void save(Checkpoint checkpoint) {
    String name = String.format("%s%06d", PREFIX, checkpoint.epochsDone());
    Path partial = dir.resolve("." + name + ".partial");
    try {
      Files.createDirectories(dir);
      deleteRecursively(partial);
      Files.createDirectories(partial);
      Files.write(partial.resolve(STATE_FILE), stateBytes(checkpoint));
      JSON.writeValue(
          partial.resolve(METADATA_FILE).toFile(),
          new Metadata(checkpoint.epochsDone(), fingerprint));
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

  /** Checkpoint folders, oldest first (damaged ones included: reading decides). */
  List<Path> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith(PREFIX))
          .filter(Files::isDirectory)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
    }
  }

  private static byte[] stateBytes(Checkpoint checkpoint) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeLong(checkpoint.learner().iteration());
      writeArray(out, checkpoint.learner().parameters());
      writeArray(out, checkpoint.learner().optimizer());
      writeArray(out, checkpoint.scaler().mean());
      writeArray(out, checkpoint.scaler().std());
      EarlyStopping stopping = checkpoint.stopping();
      out.writeInt(stopping.bestEpoch());
      out.writeInt(stopping.lastEpoch());
      out.writeDouble(stopping.bestLoss());
      writeArray(out, stopping.bestParameters());
    }
    byte[] body = bytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(body.length + Long.BYTES).put(body).putLong(crc.getValue()).array();
  }

  private static Checkpoint readState(Path file, int epochsDone) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < Integer.BYTES + Long.BYTES) {
      throw new IOException(STATE_FILE + " is truncated (" + all.length + " bytes)");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - Long.BYTES);
    if (crc.getValue() != ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong()) {
      throw new IOException(STATE_FILE + " fails its checksum (truncated or damaged)");
    }
    try (DataInputStream in =
        new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - Long.BYTES))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(STATE_FILE + " is not a costwise checkpoint");
      }
      long iteration = in.readLong();
      double[] parameters = readArray(in);
      double[] optimizer = readArray(in);
      ScalerStats scaler = new ScalerStats(readArray(in), readArray(in));
      int bestEpoch = in.readInt();
      int lastEpoch = in.readInt();
      double bestLoss = in.readDouble();
      double[] bestParameters = readArray(in);
      return new Checkpoint(
          epochsDone,
          new Learner.State(parameters, optimizer, iteration),
          scaler,
          new EarlyStopping(bestEpoch, bestLoss, bestParameters, lastEpoch));
    }
  }

  private static void writeArray(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  private static double[] readArray(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available() / Double.BYTES) {
      throw new IOException(STATE_FILE + " declares an array longer than the file");
    }
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return Path.of(missing.getFile()).getFileName() + " is missing";
    }
    if (e instanceof java.io.FileNotFoundException) {
      return "a file is missing (" + e.getMessage() + ")";
    }
    if (e instanceof com.fasterxml.jackson.core.JacksonException json) {
      return METADATA_FILE + " is not valid (" + json.getOriginalMessage() + ")";
    }
    return String.valueOf(e.getMessage());
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

package io.costwise.train;

import io.costwise.cost.CostModel;
import io.costwise.data.ChannelReader;
import io.costwise.data.Dataset;
import io.costwise.error.InvalidInputException;
import io.costwise.sagemaker.InputDataConfig;
import io.costwise.sagemaker.SageMakerEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads the {@code train} and {@code validation} channels as SageMaker delivers them: a
 * folder in File and FastFile mode, the FIFO {@code <channel>_0} in Pipe mode.
 */
final class ChannelLoader {
  static final String TRAIN = "train";
  static final String VALIDATION = "validation";
  private static final List<String> CHANNELS = List.of(TRAIN, VALIDATION);
  private static final Logger LOG = LoggerFactory.getLogger(ChannelLoader.class);

  private final SageMakerEnvironment environment;
  private final InputDataConfig inputs;
  private final ChannelReader reader = new ChannelReader();

  private final CostModel costs;

  /**
   * @param costs names the cost columns each channel must carry (they are not features)
   */
  ChannelLoader(SageMakerEnvironment environment, CostModel costs) {
    this.environment = environment;
    this.costs = costs;
    this.inputs = InputDataConfig.read(environment.inputDataConfigFile());
  }

  /** The training channel, which must exist. */
  Dataset train() {
    rejectUnknownChannels();
    return read(TRAIN, OptionalInt.empty())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "There is no training data: "
                        + environment.channelDir(TRAIN)
                        + " does not exist; give the job a 'train' channel (e.g."
                        + " estimator.fit({'train': 's3://bucket/prefix/'})), or locally put CSV"
                        + " files in that folder."));
  }

  /** The validation channel, if given; it must have the training data's width. */
  Optional<Dataset> validation(Dataset train) {
    return read(VALIDATION, OptionalInt.of(train.columns()));
  }

  private Optional<Dataset> read(String channel, OptionalInt width) {
    long start = System.nanoTime();
    Optional<Dataset> data;
    if (inputs.declares(channel)) {
      inputs.requireCsv(channel);
    }
    if (inputs.inputMode(channel) == InputDataConfig.InputMode.PIPE) {
      Path fifo = environment.channelPipe(channel, 0);
      data =
          Files.exists(fifo)
              ? Optional.of(reader.read(channel, List.of(fifo), width, costs))
              : Optional.empty();
    } else {
      Path dir = environment.channelDir(channel);
      data =
          Files.isDirectory(dir)
              ? Optional.of(reader.readFolder(channel, dir, width, costs))
              : Optional.empty();
    }
    data.ifPresent(
        d ->
            LOG.info(
                "Channel '{}': {} rows ({} positive, {} negative), {} features, read in {} ms; held"
                    + " {}",
                channel,
                d.rows(),
                d.positives(),
                d.negatives(),
                d.columns(),
                (System.nanoTime() - start) / 1_000_000,
                d.storage()));
    return data;
  }

  /** A channel other than train and validation is almost always a typo in the job request. */
  private void rejectUnknownChannels() {
    Path dataDir = environment.channelDir(TRAIN).getParent();
    if (!Files.isDirectory(dataDir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dataDir)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString().replaceFirst("_\\d+$", "");
        if (!name.startsWith(".") && !CHANNELS.contains(name)) {
          throw new InvalidInputException(
              "Unknown channel '"
                  + name
                  + "' in "
                  + dataDir
                  + "; costwise reads the channels 'train' (required) and 'validation'"
                  + " (optional): rename it in the job's input data configuration.");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

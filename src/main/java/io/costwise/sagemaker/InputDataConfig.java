package io.costwise.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code inputdataconfig.json}: how SageMaker delivers each channel.
 *
 * <p>Only what changes where and how costwise reads is kept: the declared {@code ContentType}, the
 * {@code TrainingInputMode} ({@code File}, {@code FastFile} or {@code Pipe}) and the {@code
 * RecordWrapperType}. A missing file (a local run) means File mode, CSV, for every channel.
 */
public final class InputDataConfig {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** SageMaker's input modes: File and FastFile give a folder, Pipe gives FIFOs. */
  public enum InputMode {
    FILE,
    FAST_FILE,
    PIPE
  }

  private final JsonNode root;
  private final String fileName;

  private InputDataConfig(JsonNode root, String fileName) {
    this.root = root;
    this.fileName = fileName;
  }

  /** Reads the file; absent means every channel is a CSV folder. */
  public static InputDataConfig read(Path file) {
    if (!Files.exists(file)) {
      return new InputDataConfig(JSON.createObjectNode(), file.getFileName().toString());
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || !root.isObject()) {
        throw new InvalidInputException(
            file.getFileName() + " must hold a JSON object of channel names to settings.");
      }
      return new InputDataConfig(root, file.getFileName().toString());
    } catch (IOException e) {
      throw new InvalidInputException(
          "Cannot read "
              + file.getFileName()
              + " as JSON ("
              + e.getMessage()
              + "); it is written by SageMaker and should not be edited.",
          e);
    }
  }

  /** Whether the configuration names this channel (always false without a config file). */
  public boolean declares(String channel) {
    return root.has(channel);
  }

  /** The channel's input mode; File when not declared. */
  public InputMode inputMode(String channel) {
    String mode = text(channel, "TrainingInputMode").orElse("File");
    return switch (mode) {
      case "File" -> InputMode.FILE;
      case "FastFile" -> InputMode.FAST_FILE;
      case "Pipe" -> InputMode.PIPE;
      default ->
          throw new InvalidInputException(
              fileName
                  + " gives channel '"
                  + channel
                  + "' the TrainingInputMode '"
                  + mode
                  + "'; costwise supports File, FastFile and Pipe.");
    };
  }

  /**
   * Fails unless the channel is CSV ({@code text/csv} with any parameters, or {@code csv}; or no
   * declared type) without a record wrapper: the one format costwise reads.
   */
  public void requireCsv(String channel) {
    Optional<String> contentType = text(channel, "ContentType");
    if (contentType.isPresent() && !ContentTypes.isCsv(contentType.get())) {
      throw new InvalidInputException(
          "Channel '"
              + channel
              + "' has ContentType '"
              + contentType.get()
              + "' in "
              + fileName
              + ", but costwise reads CSV only: convert the data to CSV (label first, no header)"
              + " and set content_type='text/csv' (or 'csv') on the TrainingInput, or leave it"
              + " unset.");
    }
    Optional<String> wrapper = text(channel, "RecordWrapperType");
    if (wrapper.isPresent() && !wrapper.get().equals("None")) {
      throw new InvalidInputException(
          "Channel '"
              + channel
              + "' has RecordWrapperType '"
              + wrapper.get()
              + "' in "
              + fileName
              + ", but costwise reads plain CSV: set record_wrapping=None on the TrainingInput.");
    }
  }

  private Optional<String> text(String channel, String field) {
    JsonNode value = root.path(channel).path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}

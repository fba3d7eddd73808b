package io.costwise.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code hyperparameters.json} into plain text values.
 *
 * <p>SageMaker's API types hyperparameters as a map of strings, but the Python SDKs disagree on how
 * to encode them: the generic {@code Estimator} sends {@code str(v)} ({@code custom}, {@code
 * True}), framework estimators send {@code json.dumps(v)} ({@code "custom"} with the quotes, {@code
 * true}). Like SageMaker's training toolkit, each value is JSON-decoded when it can be and kept raw
 * otherwise, so {@code 5}, {@code "5"} and {@code "\"5\""} all become {@code 5}. Files written by
 * hand may also hold JSON numbers and booleans; those become their text.
 */
public final class HyperparameterFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HyperparameterFile() {}

  /**
   * The hyperparameters, or an empty map when the file does not exist (a local run). An empty file
   * (0 bytes or only whitespace) is refused: SageMaker writes at least {@code {}}.
   */
  public static Map<String, String> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new InvalidInputException(
          "Cannot read " + file + " (" + e.getMessage() + "); check that it is a readable file.",
          e);
    }
    return parse(text, file.getFileName().toString());
  }

  /** Parses the file's text; {@code source} names it in error messages. */
  public static Map<String, String> parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          source
              + " is not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "; it must be one JSON object of names to values, e.g. {\"fn_cost\": \"5\"}.",
          e);
    }
    if (root == null || root.isMissingNode()) {
      // SageMaker always writes an object ({} at least): an empty file is a damaged or truncated
      // copy, and running with every default would hide that.
      throw new InvalidInputException(
          source
              + " is empty; it must hold one JSON object of names to values, e.g. {\"fn_cost\":"
              + " \"5\"}, or {} for every default (or leave the file out).");
    }
    if (!root.isObject()) {
      throw new InvalidInputException(
          source + " must hold one JSON object of names to values, e.g. {\"fn_cost\": \"5\"}.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      values.put(field.getKey(), decode(field.getKey(), field.getValue(), source));
    }
    return values;
  }

  private static String decode(String key, JsonNode value, String source) {
    if (value.isTextual()) {
      return unquote(value.asText());
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    if (value.isNull()) {
      throw new InvalidInputException(
          source + " gives " + key + " the value null; give it a value or leave the key out.");
    }
    // Objects and arrays are kept as JSON text; the typed parser rejects them by key.
    return value.toString();
  }

  /** The training toolkit's rule: JSON-decode a string value if possible, else keep it raw. */
  private static String unquote(String raw) {
    String trimmed = raw.trim();
    try {
      JsonNode decoded = JSON.readTree(trimmed);
      if (decoded != null && decoded.isTextual()) {
        return decoded.asText().trim();
      }
    } catch (JsonProcessingException e) {
      // Not JSON (e.g. custom or True): the raw string is the value.
    }
    return trimmed;
  }
}

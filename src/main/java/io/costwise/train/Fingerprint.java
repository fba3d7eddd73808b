package io.costwise.train;

import io.costwise.config.Hyperparameter;
import io.costwise.config.Hyperparameters;
import io.costwise.data.Dataset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Identifies an experiment for its checkpoints: the data and every hyperparameter but the number of
 * epochs, which a user may raise to continue a finished run.
 */
final class Fingerprint {
  private Fingerprint() {}

  static String of(
      Hyperparameters hyperparameters,
      Hyperparameter excluded,
      Dataset train,
      Optional<Dataset> validation) {
    Map<String, String> settings = new TreeMap<>(hyperparameters.asMap());
    settings.remove(excluded.key());
    String text =
        settings + "|" + train.sha256() + "|" + validation.map(Dataset::sha256).orElse("none");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

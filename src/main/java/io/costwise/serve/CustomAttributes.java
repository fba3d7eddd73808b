package io.costwise.serve;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-request options of {@code X-Amzn-SageMaker-Custom-Attributes}: {@code threshold=0.3},
 * {@code threshold=cost_optimal} or {@code threshold=bayes_risk} overrides how the model decides,
 * {@code fields=probability} chooses the output. Pairs are separated by commas or semicolons; other
 * keys are ignored (the header is the client's).
 *
 * @param threshold the override, if given
 * @param fields the output fields, if given
 */
record CustomAttributes(Optional<ThresholdChoice> threshold, Optional<List<OutputField>> fields) {
  static final CustomAttributes NONE = new CustomAttributes(Optional.empty(), Optional.empty());

  static CustomAttributes parse(String header) {
    if (header == null || header.isBlank()) {
      return NONE;
    }
    Optional<ThresholdChoice> threshold = Optional.empty();
    Optional<List<OutputField>> fields = Optional.empty();
    for (String pair : header.split("[;,](?=\\s*[A-Za-z_]+\\s*=)")) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      String value = pair.substring(equals + 1).strip();
      if (key.equals("threshold")) {
        threshold = Optional.of(ThresholdChoice.parse(value));
      } else if (key.equals("fields")) {
        fields = Optional.of(OutputField.parseList(value));
      }
    }
    return new CustomAttributes(threshold, fields);
  }
}

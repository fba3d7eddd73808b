package io.costwise.train;

import java.util.Locale;

/**
 * Formats metrics as {@code name=value;} for SageMaker's {@code metric_definitions}.
 *
 * <p>Values are plain decimals (never exponent notation) so that one simple regex per metric, such
 * as {@code train:loss=([-0-9.]+);}, captures them; docs/configuration.md lists the regexes.
 */
final class MetricLine {
  private final StringBuilder line = new StringBuilder();

  MetricLine add(String name, double value, int decimals) {
    if (!line.isEmpty()) {
      line.append(' ');
    }
    line.append(name)
        .append('=')
        .append(String.format(Locale.ROOT, "%." + decimals + "f", value))
        .append(';');
    return this;
  }

  @Override
  public String toString() {
    return line.toString();
  }
}

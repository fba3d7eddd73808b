package io.costwise.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one hyperparameter's text is checked: it either yields a canonical text or explains what is
 * allowed. Canonical texts are what the typed accessors of {@link Hyperparameters} parse, so a
 * value is validated in exactly one place.
 */
interface ValueRule {
  /** The canonical text of a valid value, or empty when the value is not allowed. */
  Optional<String> canonical(String text);

  /** What is allowed, for error messages and docs, e.g. "a whole number from 1 to 100000". */
  String allowed();

  static ValueRule choice(String... options) {
    List<String> allowed = List.of(options);
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return allowed.contains(lower) ? Optional.of(lower) : Optional.empty();
      }

      @Override
      public String allowed() {
        return "one of " + String.join(", ", allowed);
      }
    };
  }

  static ValueRule bool() {
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false")
            ? Optional.of(lower)
            : Optional.empty();
      }

      @Override
      public String allowed() {
        return "true or false";
      }
    };
  }

  /** A whole number in [min, max]; {@code 5.0} counts as whole, as SDKs may send it. */
  static ValueRule wholeNumber(long min, long max) {
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        return parseFinite(text)
            .filter(v -> v == Math.rint(v) && v >= min && v <= max)
            .map(v -> Long.toString((long) (double) v));
      }

      @Override
      public String allowed() {
        return "a whole number from " + min + " to " + max;
      }
    };
  }

  /** A real number greater than 0 and at most {@code max}. */
  static ValueRule positiveNumber(double max) {
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        return parseFinite(text).filter(v -> v > 0 && v <= max).map(v -> Double.toString(v));
      }

      @Override
      public String allowed() {
        return "a number greater than 0 and at most " + plain(max);
      }
    };
  }

  /** Any finite real number: an outcome's value may be a gain or a loss. */
  static ValueRule finiteNumber() {
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        return parseFinite(text).map(v -> Double.toString(v));
      }

      @Override
      public String allowed() {
        return "a finite number (negative for a loss)";
      }
    };
  }

  /** Free text of bounded length, such as a currency unit. */
  static ValueRule text(int maxLength) {
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        return text.isEmpty() || text.length() > maxLength ? Optional.empty() : Optional.of(text);
      }

      @Override
      public String allowed() {
        return "text of 1 to " + maxLength + " characters";
      }
    };
  }

  /** Either one of the named options or a number in [min, max]. */
  static ValueRule numberOrChoice(double min, double max, String... options) {
    ValueRule named = choice(options);
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        return named
            .canonical(text)
            .or(
                () ->
                    parseFinite(text)
                        .filter(v -> v >= min && v <= max)
                        .map(v -> Double.toString(v)));
      }

      @Override
      public String allowed() {
        return "a number from " + plain(min) + " to " + plain(max) + ", or " + named.allowed();
      }
    };
  }

  /**
   * A decision rule: a number in [0, 1], one of the named rules, or {@code target_recall=R} /
   * {@code target_precision=P} with R, P in (0, 1].
   */
  static ValueRule decisionRule(String... options) {
    ValueRule plain = numberOrChoice(0, 1, options);
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        for (String target : List.of("target_recall", "target_precision")) {
          if (trimmed.startsWith(target + "=")) {
            return parseFinite(trimmed.substring(target.length() + 1))
                .filter(v -> v > 0 && v <= 1)
                .map(v -> target + "=" + v);
          }
        }
        return plain.canonical(text);
      }

      @Override
      public String allowed() {
        return plain.allowed() + ", or target_recall=R or target_precision=P with R, P in (0, 1]";
      }
    };
  }

  /**
   * A column of the channel CSV: {@code none}, a header name, or a 1-based column number from 2
   * (column 1 is the label).
   */
  static ValueRule column() {
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
          return Optional.of("none");
        }
        if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return trimmed.length() <= 9 && Integer.parseInt(trimmed) >= 2
              ? Optional.of(Integer.toString(Integer.parseInt(trimmed)))
              : Optional.empty();
        }
        return trimmed.length() <= 200 ? Optional.of(trimmed) : Optional.empty();
      }

      @Override
      public String allowed() {
        return "none, a header name, or a column number from 2 (column 1 is the label)";
      }
    };
  }

  /** A real number from 0 to {@code max}. */
  static ValueRule nonNegativeNumber(double max) {
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        return parseFinite(text).filter(v -> v >= 0 && v <= max).map(v -> Double.toString(v));
      }

      @Override
      public String allowed() {
        return "a number from 0 to " + plain(max);
      }
    };
  }

  /** A whole number in [min, max], or the word {@code off}. */
  static ValueRule wholeNumberOrOff(long min, long max) {
    ValueRule number = wholeNumber(min, max);
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        return text.equalsIgnoreCase("off") ? Optional.of("off") : number.canonical(text);
      }

      @Override
      public String allowed() {
        return "off or " + number.allowed();
      }
    };
  }

  /**
   * Layer widths separated by commas, input side first ({@code "64,32"}), each from 1 to {@code
   * maxWidth}, at most {@code maxLayers} of them; {@code none} (or empty) for no hidden layer.
   */
  static ValueRule layerWidths(int maxLayers, int maxWidth) {
    return new ValueRule() {
      @Override
      public Optional<String> canonical(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
          return Optional.of("none");
        }
        String[] parts = trimmed.split(",", -1);
        if (parts.length > maxLayers) {
          return Optional.empty();
        }
        List<String> widths = new java.util.ArrayList<>();
        for (String part : parts) {
          Optional<String> width = wholeNumber(1, maxWidth).canonical(part.strip());
          if (width.isEmpty()) {
            return Optional.empty();
          }
          widths.add(width.get());
        }
        return Optional.of(String.join(",", widths));
      }

      @Override
      public String allowed() {
        return "none, or up to "
            + maxLayers
            + " hidden layer widths from 1 to "
            + maxWidth
            + " separated by commas, e.g. 64,32";
      }
    };
  }

  /** Parses decimal text strictly: no NaN, no infinities, no Java suffixes such as {@code 5d}. */
  static Optional<Double> parseFinite(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty() || !trimmed.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return Optional.empty();
    }
    double value = Double.parseDouble(trimmed);
    return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}

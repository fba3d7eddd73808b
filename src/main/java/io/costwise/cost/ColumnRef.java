package io.costwise.cost;

import java.util.Objects;

/**
 * A column of a channel's CSV named by a hyperparameter: by its header name, or by its 1-based
 * position in the whole row (the label is column 1). A text of digits only is a position, so a
 * header name made of digits cannot be referred to by name.
 *
 * @param name the header name, or null when given by position
 * @param number the 1-based column number, or 0 when given by name
 */
public record ColumnRef(String name, int number) {

  public ColumnRef {
    if ((name == null) == (number == 0)) {
      throw new IllegalArgumentException("a column is given by name or by number, not both");
    }
    if (number < 0) {
      throw new IllegalArgumentException("column numbers start at 1, got " + number);
    }
  }

  /** Parses a hyperparameter's text: digits are a 1-based position, anything else a name. */
  public static ColumnRef parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new ColumnRef(null, Integer.parseInt(trimmed));
    }
    return new ColumnRef(trimmed, 0);
  }

  public boolean byName() {
    return name != null;
  }

  /** As a person would refer to it: {@code 'C_FN'} or {@code column 37}. */
  public String describe() {
    return byName() ? "'" + name + "'" : "column " + number;
  }

  /** The hyperparameter text. */
  public String text() {
    return byName() ? name : Integer.toString(number);
  }
}

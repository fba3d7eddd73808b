package io.costwise.data;

/**
 * Builds the sentences users see when a channel's data is wrong, so they share one shape: where
 * ({@code Channel 'train', file part-0001.csv, line 17, column 5}), a colon, what is wrong, a
 * semicolon, how to fix it.
 *
 * <p>Values from the data are quoted and cut to {@value #MAX_QUOTED} characters, so that one absurd
 * field cannot push the fix out of the 1,024 characters SageMaker keeps.
 */
final class ChannelErrors {
  private static final int MAX_QUOTED = 40;

  private ChannelErrors() {}

  /** A problem at one place in one file; {@code column} 0 leaves the column out. */
  static DataFormatException at(
      String channel, String file, long line, int column, String problem) {
    int lineNumber = (int) Math.min(line, Integer.MAX_VALUE);
    String where =
        "Channel '"
            + channel
            + "', file "
            + file
            + (lineNumber > 0 ? ", line " + lineNumber : "")
            + (column > 0 ? ", column " + column : "");
    return new DataFormatException(where + ": " + problem, file, lineNumber, column);
  }

  /** A problem with the channel as a whole; {@code where} is its folder or its sources. */
  static DataFormatException channel(String channel, String where, String problem) {
    return new DataFormatException("Channel '" + channel + "' " + problem, where, 0, 0);
  }

  /** A field as typed by the user, in single quotes, shortened if absurdly long. */
  static String quote(String text) {
    String shown =
        text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED - 3).concat("...");
    return "'" + shown + "'";
  }

  /** A label value without a pointless {@code .0}: {@code 2}, {@code -1}, {@code 0.5}. */
  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  /** A feature field that is not a usable number, with the fix for each way it can fail. */
  static DataFormatException badFeature(
      String channel, String file, long line, int column, String text) {
    String shown = quote(NumberParser.trimBlanks(text));
    String problem =
        switch (NumberParser.describe(text)) {
          case EMPTY ->
              "the field is empty; every feature needs a value, so fill in or drop rows"
                  + " with missing values (and look for a doubled or trailing comma).";
          case NOT_FINITE ->
              shown
                  + " is not a finite number; replace missing or infinite values (impute them or"
                  + " drop those rows) before training.";
          case NOT_A_NUMBER ->
              shown
                  + " is not a number; every feature must be a finite number such as 17.99 or"
                  + " 1.5e-3 (label in column 1, features after it, categories encoded as numbers).";
        };
    return at(channel, file, line, column, problem);
  }
}

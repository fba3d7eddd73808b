package io.costwise.data;

import io.costwise.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Checks each record of a channel against the rules of the format and keeps the good ones, across
 * all of the channel's files.
 *
 * <p>The format: label in column 1, then the features; every row as wide as the channel's first
 * row; an optional header on the first line of each file (recognised by a label field that is text
 * rather than a number), the same in every file that has one. A line that repeats the header later
 * is skipped too, because Pipe mode joins all of a prefix's objects into one stream.
 */
final class RowCollector {
  /** The largest Java array; a {@link Dataset} holds its features in one. */
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private final String channel;
  private final OptionalInt expectedFeatures;
  private final DoubleBlocks features = new DoubleBlocks();
  private int[] labels = new int[1024];
  private int rows;
  private int width = -1;
  private String widthFile;
  private long widthLine;
  private List<String> header;
  private String headerFile;
  private long headerLine;
  private String file;
  private boolean atFileStart;

  RowCollector(String channel, OptionalInt expectedFeatures) {
    this.channel = channel;
    this.expectedFeatures = expectedFeatures;
  }

  /** The records that follow come from {@code file} (as shown in messages). */
  void startFile(String file) {
    this.file = file;
    this.atFileStart = true;
  }

  void accept(NumericRecordHandler record) {
    if (record.isBlankLine()) {
      return;
    }
    boolean firstOfFile = atFileStart;
    atFileStart = false;
    long line = record.line();
    int columns = record.fieldCount();
    String[] texts = record.texts();
    boolean headerLike =
        texts != null && NumberParser.describe(texts[0]) == NumberParser.Failure.NOT_A_NUMBER;
    checkWidth(line, columns, headerLike && firstOfFile ? "the header" : "the row");
    if (headerLike) {
      List<String> names = names(texts);
      if (firstOfFile) {
        acceptHeader(line, names);
        return;
      }
      if (names.equals(header)) {
        return;
      }
    }
    acceptRow(record, line, columns);
  }

  private void checkWidth(long line, int columns, String what) {
    if (width < 0) {
      if (columns < 2) {
        throw error(
            line,
            0,
            what
                + " has only 1 column; put the label in column 1 and the features after it,"
                + " separated by commas.");
      }
      int expected = expectedFeatures.orElse(columns - 1);
      if (columns - 1 != expected) {
        throw error(
            line,
            Math.min(columns - 1, expected) + 2,
            ("%s has %d features (after the label) but the training data has %d; give every"
                    + " channel the same features in the same order, label first.")
                .formatted(what, columns - 1, expected));
      }
      width = columns;
      widthFile = file;
      widthLine = line;
    } else if (columns != width) {
      throw error(
          line,
          Math.min(columns, width) + 1,
          ("%s has %d columns but line %d of %s has %d; every row needs the label and then the"
                  + " same features (look for a missing or extra comma).")
              .formatted(what, columns, widthLine, widthFile, width));
    }
  }

  private void acceptHeader(long line, List<String> names) {
    if (header == null) {
      header = names;
      headerFile = file;
      headerLine = line;
      return;
    }
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).equals(header.get(i))) {
        throw error(
            line,
            i + 2,
            ("the header differs from the one on line %d of %s: this column is %s here but %s"
                    + " there; use the same header in every file, or none.")
                .formatted(
                    headerLine,
                    headerFile,
                    ChannelErrors.quote(names.get(i)),
                    ChannelErrors.quote(header.get(i))));
      }
    }
  }

  private void acceptRow(NumericRecordHandler record, long line, int columns) {
    int bad = record.firstBadColumn();
    double[] values = record.values();
    if (bad == 0) {
      String text = record.firstBadText();
      throw NumberParser.describe(text) == NumberParser.Failure.EMPTY
          ? error(line, 1, "the label is empty; column 1 must hold the label, 0 or 1.")
          : error(
              line,
              1,
              ("%s is not a valid label; column 1 must hold the label, 0 or 1 (a header is only"
                      + " recognised on the first line of a file).")
                  .formatted(ChannelErrors.quote(NumberParser.trimBlanks(text))));
    }
    if (values[0] != 0 && values[0] != 1) {
      throw error(
          line,
          1,
          ("the label is %s but must be 0 or 1; put the class label in column 1 (1 for the"
                  + " positive class) and the features after it.")
              .formatted(ChannelErrors.number(values[0])));
    }
    if (bad > 0) {
      throw ChannelErrors.badFeature(channel, file, line, bad + 1, record.firstBadText());
    }
    if (features.size() + columns - 1 > MAX_VALUES) {
      throw new InvalidInputException(
          ("Channel '%s' holds more than %d feature values (reached at file %s, line %d); train"
                  + " on a sample of the data.")
              .formatted(channel, MAX_VALUES, file, line));
    }
    if (rows == labels.length) {
      labels = Arrays.copyOf(labels, (int) Math.min(2L * rows, MAX_VALUES));
    }
    labels[rows++] = values[0] == 1 ? 1 : 0;
    features.add(values, 1, columns - 1);
  }

  /** The rows read, or an error if there are none or they hold only one class. */
  Dataset finish(String where, String noRowsReason, String sha256) {
    if (rows == 0) {
      throw ChannelErrors.channel(
          channel,
          where,
          "has no data: %s; check that the S3 prefix given for channel '%s' is right."
              .formatted(noRowsReason, channel));
    }
    int positives = 0;
    for (int i = 0; i < rows; i++) {
      positives += labels[i];
    }
    if (positives == 0 || positives == rows) {
      throw ChannelErrors.channel(
          channel,
          where,
          ("has label %d in all %d rows (%s); training needs rows of both classes, 0 and 1, so"
                  + " add rows of the other class or check that the label is in column 1.")
              .formatted(positives == 0 ? 0 : 1, rows, where));
    }
    List<String> names = header != null ? header : Dataset.defaultFeatureNames(width - 1);
    return Dataset.ofOwnedArrays(names, features.toArray(), Arrays.copyOf(labels, rows), sha256);
  }

  /** Feature names from a header: columns 2 to n, trimmed, {@code fK} where one is blank. */
  private static List<String> names(String[] texts) {
    List<String> names = new ArrayList<>(texts.length - 1);
    for (int i = 1; i < texts.length; i++) {
      String name = texts[i].strip();
      names.add(name.isEmpty() ? "f" + i : name);
    }
    return List.copyOf(names);
  }

  private DataFormatException error(long line, int column, String problem) {
    return ChannelErrors.at(channel, file, line, column, problem);
  }
}

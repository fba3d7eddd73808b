package io.costwise.data;

import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import io.costwise.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Checks each record of a channel against the rules of the format and keeps the good ones, as
 * float32 {@link ChunkedRows}.
 *
 * <p>The format: label in column 1, then the features; every row as wide as the channel's first
 * row; an optional header on the first line of each file (recognised by a label field that is text
 * rather than a number), the same in every file that has one. A line that repeats the header later
 * is skipped too, because Pipe mode joins all of a prefix's objects into one stream.
 *
 * <p>With a {@link CostModel} that names cost columns, those columns hold each row's costs rather
 * than features: they are found on the channel's first line ({@link CostColumnResolver}), each cell
 * must be a finite number, and each row's costs must pass {@link CostLayout#cheaperError}. The
 * features are the other columns after the label, in order.
 *
 * <p>What the rules carry from one file to the next is a {@link State}. A collector reads one file,
 * or several in order, starting from a given state; {@link ChannelReader} reads the files of a
 * folder in parallel, each from {@link State#INITIAL}, and uses {@link State#agreesWith} to tell
 * whether a file read on its own gave what reading it after the files before it would have.
 */
final class RowCollector {
  /** Rows in a channel at most: {@link Dataset#rows()} is an {@code int}, labels() an array. */
  static final long MAX_ROWS = Integer.MAX_VALUE - 8;

  /**
   * What the format's rules carry from one file to the next: the channel's width and where it was
   * set, the cost columns found then (null until then), its header and where it was read, and how
   * many rows came before.
   */
  record State(
      int width,
      String widthFile,
      long widthLine,
      CostLayout costs,
      List<String> header,
      String headerFile,
      long headerLine,
      long rows) {
    static final State INITIAL = new State(-1, null, 0, null, null, null, 0, 0);

    /** No file has set anything yet: a file read from here reads as it would on its own. */
    boolean isInitial() {
      return width < 0;
    }

    /**
     * Whether a file's rows read on their own, from {@link #INITIAL}, ending in {@code alone}, are
     * exactly what reading the file after this state gives. Reading from here differs only in the
     * width rows are checked against, the header a first-line header is compared with (and a later
     * repeated header must equal), and the row count; where those agree, every decision is the
     * same, and where they do not, the file must be read again from this state to get its error.
     * Only for files that read without an error: an error message may name the place that set the
     * width, so it is exact only when read from the true state.
     *
     * <p>Cost columns found by number depend on the width alone, and by name on the header (a file
     * read alone without a header fails to find them, and is read again); they are compared too, so
     * that a file is never kept with its costs read from other columns.
     */
    boolean agreesWith(State alone) {
      return (width < 0 || alone.width < 0 || width == alone.width)
          && (costs == null || alone.costs == null || costs.sameAs(alone.costs))
          && (header == null || alone.header == null || header.equals(alone.header))
          && rows + alone.rows <= MAX_ROWS;
    }

    /** This state followed by a file that {@link #agreesWith} it. */
    State then(State alone) {
      boolean keepWidth = width >= 0;
      boolean keepHeader = header != null;
      return new State(
          keepWidth ? width : alone.width,
          keepWidth ? widthFile : alone.widthFile,
          keepWidth ? widthLine : alone.widthLine,
          keepWidth ? costs : alone.costs,
          keepHeader ? header : alone.header,
          keepHeader ? headerFile : alone.headerFile,
          keepHeader ? headerLine : alone.headerLine,
          rows + alone.rows);
    }
  }

  /** The rows a collector kept, and the state after them. */
  record Part(State state, List<RowChunk> chunks) {}

  private final String channel;
  private final OptionalInt expectedFeatures;
  private final CostModel model;
  private final ChunkedRows.Settings storage;
  private final long rowsBefore;
  private ChunkedRows rows;
  private int width;
  private String widthFile;
  private long widthLine;
  private List<String> header;
  private String headerFile;
  private long headerLine;
  private String file;
  private boolean atFileStart;

  /** The cost columns, found with the width; null until then. */
  private CostLayout costs;

  // With cost columns only: where the features are, and buffers for one row's features and costs.
  private int[] featureColumns;
  private double[] features;
  private double[] rowCosts;

  /**
   * @param model the cost model whose columns to read, or null for none (every column after the
   *     label a feature)
   */
  RowCollector(
      String channel,
      OptionalInt expectedFeatures,
      CostModel model,
      ChunkedRows.Settings storage,
      State start) {
    this.channel = channel;
    this.expectedFeatures = expectedFeatures;
    this.model = model;
    this.storage = storage;
    this.rowsBefore = start.rows();
    this.width = start.width();
    this.widthFile = start.widthFile();
    this.widthLine = start.widthLine();
    this.header = start.header();
    this.headerFile = start.headerFile();
    this.headerLine = start.headerLine();
    if (start.costs() != null) {
      useCosts(start.costs());
    }
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
    boolean fileHeader = headerLike && firstOfFile;
    checkWidth(line, columns, fileHeader ? "the header" : "the row", fileHeader ? texts : null);
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

  /**
   * Checks the line's width against the channel's, or, on the channel's first line, sets the width
   * and finds the cost columns.
   *
   * @param header the line's fields if it is a file's header, else null
   */
  private void checkWidth(long line, int columns, String what, String[] header) {
    if (width < 0) {
      if (columns < 2) {
        throw error(
            line,
            0,
            what
                + " has only 1 column; put the label in column 1 and the features after it,"
                + " separated by commas.");
      }
      CostLayout found =
          model == null
              ? CostLayout.NONE
              : CostColumnResolver.resolve(
                  model, columns, header, what, (column, problem) -> error(line, column, problem));
      checkFeatureCount(line, columns, what, found);
      width = columns;
      widthFile = file;
      widthLine = line;
      useCosts(found);
    } else if (columns != width) {
      throw error(
          line,
          Math.min(columns, width) + 1,
          ("%s has %d columns but line %d of %s has %d; every row needs the label and then the"
                  + " same %s (look for a missing or extra comma).")
              .formatted(
                  what,
                  columns,
                  widthLine,
                  widthFile,
                  width,
                  costs.isEmpty() ? "features" : "features and cost columns"));
    }
  }

  /** The features of the first line: at least one, and as many as the training data's. */
  private void checkFeatureCount(long line, int columns, String what, CostLayout found) {
    int count = found.featureCount(columns);
    if (count < 1) {
      throw error(
          line,
          0,
          what
              + " has only the label and the cost columns; put the features after the label, and"
              + " check that the cost_*_column hyperparameters name only cost columns.");
    }
    int expected = expectedFeatures.orElse(count);
    if (count != expected) {
      // The first feature beyond the training data's, or just past the row when it has fewer.
      int column = count > expected ? found.featureColumns(columns)[expected] + 1 : columns + 1;
      String after =
          found.isEmpty()
              ? "after the label"
              : "the columns after the label, less its "
                  + (found.count() == 1 ? "cost column" : found.count() + " cost columns");
      throw error(
          line,
          column,
          ("%s has %d features (%s) but the training data has %d; give every channel the same"
                  + " features in the same order, label first.")
              .formatted(what, count, after, expected));
    }
  }

  private void useCosts(CostLayout layout) {
    costs = layout;
    if (!layout.isEmpty()) {
      featureColumns = layout.featureColumns(width);
      features = new double[featureColumns.length];
      rowCosts = new double[layout.count()];
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
      throw costs.isCostColumn(bad)
          ? error(line, bad + 1, costs.badCellProblem(bad, record.firstBadText()))
          : ChannelErrors.badFeature(channel, file, line, bad + 1, record.firstBadText());
    }
    if (costs.isEmpty()) {
      for (int c = 1; c < columns; c++) {
        if (Float.isInfinite((float) values[c])) {
          throw tooLarge(line, c, values[c]);
        }
      }
    } else {
      for (int c : featureColumns) {
        if (Float.isInfinite((float) values[c])) {
          throw tooLarge(line, c, values[c]);
        }
      }
      costs.gather(values, rowCosts);
      Outcome cheaper = costs.cheaperError(rowCosts);
      if (cheaper != null) {
        throw error(
            line, costs.columnToBlame(cheaper), costs.cheaperErrorProblem(cheaper, rowCosts));
      }
    }
    long count = rows == null ? 0 : rows.rows();
    if (rowsBefore + count >= MAX_ROWS) {
      throw new InvalidInputException(
          ("Channel '%s' holds more than %d rows (reached at file %s, line %d); train on a sample"
                  + " of the data.")
              .formatted(channel, MAX_ROWS, file, line));
    }
    if (rows == null) {
      rows = storage.open(costs.featureCount(columns), costs.count(), channel);
    }
    int label = values[0] == 1 ? 1 : 0;
    if (costs.isEmpty()) {
      rows.add(values, 1, label);
    } else {
      for (int i = 0; i < featureColumns.length; i++) {
        features[i] = values[featureColumns[i]];
      }
      rows.add(features, 0, label, rowCosts);
    }
  }

  private DataFormatException tooLarge(long line, int column, double value) {
    return error(
        line,
        column + 1,
        ("the value %s is too large: features are held as float32, which reaches %s at most;"
                + " rescale this feature (e.g. divide it by a power of ten) before training.")
            .formatted(value, Float.MAX_VALUE));
  }

  /** The rows kept and the state after them; the collector is spent afterwards. */
  Part finish() {
    List<RowChunk> chunks = rows == null ? List.of() : rows.finish();
    long count = 0;
    for (RowChunk chunk : chunks) {
      count += chunk.rows();
    }
    rows = null;
    return new Part(
        new State(
            width, widthFile, widthLine, costs, header, headerFile, headerLine, rowsBefore + count),
        chunks);
  }

  /** Drops the rows kept so far (after an error), giving back their memory and disk. */
  void discard() {
    if (rows != null) {
      rows.discard();
      rows = null;
    }
  }

  /** The channel's feature names: its header's but the cost columns', or {@code f1 … fN}. */
  static List<String> featureNames(State state) {
    CostLayout costs = costsOf(state);
    if (state.header() == null) {
      return Dataset.defaultFeatureNames(Math.max(costs.featureCount(state.width()), 0));
    }
    if (costs.isEmpty()) {
      return state.header();
    }
    List<String> names = new ArrayList<>();
    for (int column : costs.featureColumns(state.width())) {
      names.add(state.header().get(column - 1));
    }
    return List.copyOf(names);
  }

  /** For each outcome with a cost column, the column's header name, or {@code column N}. */
  static Map<Outcome, String> costColumnNames(State state) {
    CostLayout costs = costsOf(state);
    Map<Outcome, String> names = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      int slot = costs.slot(outcome);
      if (slot >= 0) {
        int column = costs.column(slot);
        names.put(
            outcome,
            state.header() != null ? state.header().get(column - 1) : "column " + (column + 1));
      }
    }
    return Collections.unmodifiableMap(names);
  }

  static CostLayout costsOf(State state) {
    return state.costs() != null ? state.costs() : CostLayout.NONE;
  }

  /**
   * Names from a header: columns 2 to n, trimmed; one left blank is {@code fK} for the K-th
   * feature, or {@code column N} for a cost column.
   */
  private List<String> names(String[] texts) {
    List<String> names = new ArrayList<>(texts.length - 1);
    for (int i = 1; i < texts.length; i++) {
      String name = texts[i].strip();
      names.add(name.isEmpty() ? costs.blankName(i) : name);
    }
    return List.copyOf(names);
  }

  private DataFormatException error(long line, int column, String problem) {
    return ChannelErrors.at(channel, file, line, column, problem);
  }
}

package io.costwise.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.util.Arrays;

/**
 * Receives fields from FastCSV's parser and turns them into doubles in place, so a data row costs
 * no {@code String}s: FastCSV's own {@code CsvRecord} would allocate one per field, thirty million
 * of them for a 1,000,000 × 30 file.
 *
 * <p>Text is kept only where a message or a header needs it: for every field of a row whose first
 * field is not a number (a header, or a bad label), and for the first bad field of any other row.
 * FastCSV reuses its buffer, so the text has to be copied while the field is being handed over.
 *
 * <p>The reader yields this handler itself as each record; it holds the current record until the
 * next one starts. Validation happens in {@link RowCollector}, outside FastCSV, whose reader would
 * wrap any exception thrown from here in its own {@code CsvParseException}.
 */
final class NumericRecordHandler extends AbstractBaseCsvCallbackHandler<NumericRecordHandler> {
  private double[] values = new double[64];
  private String[] texts = new String[64];
  private boolean keepTexts;
  private int firstBadColumn;
  private String firstBadText;

  @Override
  protected void handleBegin(long startingLineNumber) {
    keepTexts = false;
    firstBadColumn = -1;
    firstBadText = null;
  }

  @Override
  protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
    if (index == values.length) {
      values = Arrays.copyOf(values, index * 2);
      texts = Arrays.copyOf(texts, index * 2);
    }
    double value = NumberParser.parse(buf, offset, offset + length);
    values[index] = value;
    if (Double.isNaN(value) && firstBadColumn < 0) {
      firstBadColumn = index;
      firstBadText = new String(buf, offset, length);
      keepTexts = index == 0;
    }
    if (keepTexts) {
      texts[index] = new String(buf, offset, length);
    }
  }

  @Override
  protected RecordWrapper<NumericRecordHandler> buildRecord() {
    return wrapRecord(this);
  }

  /** 1-based line on which the current record starts. */
  long line() {
    return getStartingLineNumber();
  }

  /** Number of fields in the current record. */
  int fieldCount() {
    return getFieldCount();
  }

  /** Parsed values of the current record; {@code NaN} where a field is not a usable number. */
  double[] values() {
    return values;
  }

  /** 0-based index of the first field that is not a usable number, or -1 if there is none. */
  int firstBadColumn() {
    return firstBadColumn;
  }

  /** Raw text of the first bad field, or null if there is none. */
  String firstBadText() {
    return firstBadText;
  }

  /**
   * Raw text of every field, available only when the first field was not a number (a header
   * candidate); null otherwise.
   */
  String[] texts() {
    return firstBadColumn == 0 ? Arrays.copyOf(texts, fieldCount()) : null;
  }

  /** A line holding nothing but spaces or tabs, which FastCSV does not count as empty. */
  boolean isBlankLine() {
    return fieldCount() == 1
        && firstBadColumn == 0
        && NumberParser.trimBlanks(firstBadText).isEmpty();
  }
}

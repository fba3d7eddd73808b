package io.costwise.data;

import io.costwise.error.InvalidInputException;

/**
 * A channel's data is not the CSV this container trains on, and the message says where and how to
 * fix it.
 *
 * <p>The position is also kept in fields so that tests, and code that wants to log it separately,
 * need not parse the sentence. The message stays the one sentence the user sees in the training
 * job's {@code FailureReason}.
 */
public final class DataFormatException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  /**
   * @param message the full sentence, position included
   * @param file the file as shown to the user: relative to the channel folder when it lies inside
   *     it, else the path; the folder itself when the problem is the whole channel
   * @param line 1-based line the problem starts on, or 0 when it is not about one line
   * @param column 1-based CSV column (the label is column 1), or 0 when it is not about one column
   */
  public DataFormatException(String message, String file, int line, int column) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** The file as shown in the message (see the constructor). */
  public String file() {
    return file;
  }

  /** 1-based line number, or 0 when the problem is not about one line. */
  public int line() {
    return line;
  }

  /** 1-based CSV column (the label is column 1), or 0 when the problem is not about one column. */
  public int column() {
    return column;
  }
}

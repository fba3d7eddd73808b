package io.costwise.serve;

/**
 * One request's decoding of a text body of lines (CSV, JSON Lines), a chunk at a time. It owns the
 * walk over the lines and keeps the place between chunks: the line number (so errors name the line
 * of the whole body) and whether any line held a row; a format supplies what one line means ({@link
 * #decodeLine}) and keeps what its first line said (a CSV header applies to every later chunk).
 */
abstract class LineDecoding {
  private long line;
  private long rows;

  /**
   * Decodes whole lines of {@code bytes[from, to)} into {@code rows} until they end or {@code rows}
   * is full.
   *
   * @param to the end of whole lines: just after a {@code '\n'}, or the end of the body
   * @return the position after the last line decoded
   * @throws ServingException 400 naming the line and column of the first bad value
   */
  final int decode(byte[] bytes, int from, int to, RowBuffer rows) {
    int pos = firstLineStart(bytes, from, to);
    while (pos < to && !rows.full()) {
      int end = pos;
      while (end < to && bytes[end] != '\n') {
        end++;
      }
      line++;
      if (decodeLine(bytes, pos, end, line, rows)) {
        this.rows++;
      }
      pos = end + 1;
    }
    return Math.min(pos, to);
  }

  /**
   * Where the lines of {@code bytes[from, to)} start: {@code from}, unless the format skips
   * something before the body's first line.
   */
  int firstLineStart(byte[] bytes, int from, int to) {
    return from;
  }

  /**
   * Decodes line {@code line}, {@code bytes[from, end)} without its {@code '\n'}.
   *
   * @return whether it added a row to {@code rows} (a blank line or a header adds none)
   */
  abstract boolean decodeLine(byte[] bytes, int from, int end, long line, RowBuffer rows);

  /** The 400 for a body in which no line held a row. */
  abstract ServingException noRows();

  /**
   * Called once the body has ended.
   *
   * @throws ServingException 400 when no line held a row
   */
  final void finish() {
    if (rows == 0) {
      throw noRows();
    }
  }
}

package io.costwise.serve;

/**
 * One request's decoding of a text body of lines (CSV, JSON Lines), a chunk at a time. It keeps its
 * place between chunks: the line number (so errors name the line of the whole body) and what the
 * first line said (a CSV header applies to every later chunk).
 */
interface LineDecoding {
  /**
   * Decodes whole lines of {@code bytes[from, to)} into {@code rows} until they end or {@code rows}
   * is full.
   *
   * @param to the end of whole lines: just after a {@code '\n'}, or the end of the body
   * @return the position after the last line decoded
   * @throws ServingException 400 naming the line and column of the first bad value
   */
  int decode(byte[] bytes, int from, int to, RowBuffer rows);

  /**
   * Called once the body has ended.
   *
   * @throws ServingException 400 when no line held a row
   */
  void finish();
}

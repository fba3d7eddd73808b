package io.costwise.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a body of lines a chunk of whole lines at a time, so that a batch body is never held whole:
 * the buffer fills up to {@code chunkBytes}, the whole lines in it are decoded, and the partial
 * line at its end moves to the front for the next chunk. A line longer than the buffer grows it
 * (the payload limit bounds that).
 */
final class BodyChunks {
  /** The first buffer for a body of unknown length. */
  private static final int FIRST_BYTES = 8 * 1024;

  private final InputStream in;
  private final int chunkBytes;
  private byte[] buffer;
  private int start;
  private int end;
  private int linesEnd;
  private boolean ended;

  /**
   * @param declaredLength the body's length if known, else −1: a small body gets a buffer of its
   *     size (plus the byte that shows its end), so a single-row request allocates no more
   */
  BodyChunks(InputStream in, long declaredLength, int chunkBytes) {
    this.in = in;
    this.chunkBytes = chunkBytes;
    long first = declaredLength >= 0 ? declaredLength + 1 : FIRST_BYTES;
    this.buffer = new byte[(int) Math.max(1, Math.min(first, chunkBytes))];
  }

  byte[] bytes() {
    return buffer;
  }

  /** Where the next chunk's lines start. */
  int start() {
    return start;
  }

  /** Where the next chunk's whole lines end. */
  int linesEnd() {
    return linesEnd;
  }

  /** The lines up to {@code position} are decoded. */
  void consumed(int position) {
    start = position;
  }

  /**
   * Reads the next chunk: until the buffer is full or the body ends.
   *
   * @return false when the body has ended and every line was decoded
   */
  boolean next() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    int searched = 0;
    while (true) {
      while (!ended && end < buffer.length) {
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
          ended = true;
        } else {
          end += n;
        }
      }
      if (ended) {
        linesEnd = end;
        return end > 0;
      }
      int lastNewline = lastNewline(searched);
      if (lastNewline >= 0 && buffer.length >= chunkBytes) {
        linesEnd = lastNewline + 1;
        return true;
      }
      // A buffer smaller than a chunk (a body of unknown length), or a line longer than it.
      if (lastNewline < 0) {
        searched = end;
      }
      grow();
    }
  }

  private int lastNewline(int from) {
    for (int i = end - 1; i >= from; i--) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void grow() {
    if (buffer.length >= RowBuffer.MAX_ARRAY) {
      throw ServingException.payloadTooLarge(
          "A line of the body is longer than "
              + RowBuffer.MAX_ARRAY
              + " bytes; one line is one row, so it cannot be one.");
    }
    buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, RowBuffer.MAX_ARRAY));
  }

  /**
   * A whole body in one array, for the formats that are decoded whole (a JSON document, a .npy
   * array). The buffer grows as bytes arrive, not to the declared length: a client that declares
   * 100 MB and stalls holds only what it sent.
   *
   * @throws ServingException 413 when the body is larger than one array can hold
   */
  static Whole readAll(InputStream in, long declaredLength) throws IOException {
    byte[] buffer =
        new byte
            [(int)
                Math.max(
                    1,
                    Math.min(declaredLength >= 0 ? declaredLength + 1 : FIRST_BYTES, 64 * 1024))];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (buffer.length >= RowBuffer.MAX_ARRAY) {
          throw ServingException.payloadTooLarge(
              "The body is larger than "
                  + RowBuffer.MAX_ARRAY
                  + " bytes, too large to decode whole; send text/csv or application/jsonlines,"
                  + " which are decoded as they arrive, or split it.");
        }
        long grown = Math.min(2L * buffer.length, RowBuffer.MAX_ARRAY);
        if (declaredLength >= length) {
          // Up to the declared length and the byte that shows the end, no further.
          grown = Math.min(grown, Math.max(declaredLength + 1, length + 1L));
        }
        buffer = Arrays.copyOf(buffer, (int) grown);
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        return new Whole(buffer, length);
      }
      length += n;
    }
  }

  /** A body read whole: its first {@code length} bytes. */
  record Whole(byte[] bytes, int length) {}
}

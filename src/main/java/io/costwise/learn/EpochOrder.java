package io.costwise.learn;

import java.util.SplittableRandom;

/**
 * The order in which one epoch visits the rows: a two-level shuffle drawn from {@code (seed,
 * epoch)} alone.
 *
 * <p>The rows are cut into blocks of {@value #BLOCK_ROWS} consecutive rows and the blocks are put
 * in a random order; that sequence is cut into windows of {@value #WINDOW_ROWS} rows, and the rows
 * of each window are shuffled. A window thus mixes 128 blocks drawn from anywhere in the data, and
 * any data set of at most {@value #WINDOW_ROWS} rows (WDBC, the reference) gets a full, uniform
 * shuffle.
 *
 * <p>Why not a full shuffle of millions of rows: reading rows in a uniformly random order touches a
 * new cache line for every row, and on 1M × 30 rows that random gather took three times as long as
 * the gradient steps themselves. Here a window is read block by block (nearly sequentially) into a
 * buffer that stays in the processor's cache, and the shuffled reads hit that buffer.
 */
final class EpochOrder {
  static final int BLOCK_ROWS = 32;
  static final int WINDOW_ROWS = 4096;

  private final int rows;
  private final int[] blocks;
  private final SplittableRandom random;

  EpochOrder(int rows, long seed, int epoch) {
    this.rows = rows;
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
    int count = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    blocks = new int[count];
    for (int i = 0; i < count; i++) {
      blocks[i] = i;
    }
    shuffle(blocks, count);
  }

  int rows() {
    return rows;
  }

  /**
   * The rows of window {@code w} in block order (the order to read them in) into {@code rowsOut},
   * and the window's shuffle into {@code positions}: the epoch's k-th row of the window is {@code
   * rowsOut[positions[k]]}. Windows must be asked for in order, 0, 1, 2, …: each draws its shuffle
   * from the epoch's random stream.
   *
   * @return the number of rows in the window
   */
  int window(int w, int[] rowsOut, int[] positions) {
    int first = w * (WINDOW_ROWS / BLOCK_ROWS);
    int n = 0;
    for (int b = first; b < Math.min(blocks.length, first + WINDOW_ROWS / BLOCK_ROWS); b++) {
      int start = blocks[b] * BLOCK_ROWS;
      for (int row = start; row < Math.min(rows, start + BLOCK_ROWS); row++) {
        rowsOut[n++] = row;
      }
    }
    for (int i = 0; i < n; i++) {
      positions[i] = i;
    }
    shuffle(positions, n);
    return n;
  }

  int windows() {
    return (blocks.length + WINDOW_ROWS / BLOCK_ROWS - 1) / (WINDOW_ROWS / BLOCK_ROWS);
  }

  /** The whole epoch's order as row indices, for tests. */
  int[] all() {
    int[] order = new int[rows];
    int[] window = new int[WINDOW_ROWS];
    int[] positions = new int[WINDOW_ROWS];
    int at = 0;
    for (int w = 0; w < windows(); w++) {
      int n = window(w, window, positions);
      for (int k = 0; k < n; k++) {
        order[at++] = window[positions[k]];
      }
    }
    return order;
  }

  /** Fisher–Yates on the first {@code n} entries. */
  private void shuffle(int[] values, int n) {
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}

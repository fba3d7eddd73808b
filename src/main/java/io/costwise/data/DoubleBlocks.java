package io.costwise.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A growing list of doubles kept in blocks, for reading a channel whose size is not known in
 * advance (a Pipe-mode FIFO has no size).
 *
 * <p>Doubling one big array would copy hundreds of megabytes several times and need three times the
 * data's size at the moment it grows. Blocks are never copied while growing, so the peak is twice
 * the data, reached once in {@link #toArray()}.
 */
final class DoubleBlocks {
  /** 8 MiB of doubles per full block. */
  private static final int BLOCK = 1 << 20;

  private final List<double[]> fullBlocks = new ArrayList<>();
  private double[] current = new double[1024];
  private int used;
  private long size;

  /** Appends {@code count} values from {@code source[from]} on. */
  void add(double[] source, int from, int count) {
    int copied = 0;
    while (copied < count) {
      if (used == current.length) {
        grow();
      }
      int chunk = Math.min(count - copied, current.length - used);
      System.arraycopy(source, from + copied, current, used, chunk);
      used += chunk;
      copied += chunk;
    }
    size += count;
  }

  long size() {
    return size;
  }

  /** All values in one array of exactly {@link #size()} elements. */
  double[] toArray() {
    double[] all = new double[Math.toIntExact(size)];
    int at = 0;
    for (double[] block : fullBlocks) {
      System.arraycopy(block, 0, all, at, block.length);
      at += block.length;
    }
    System.arraycopy(current, 0, all, at, used);
    return all;
  }

  /** Doubles the first block up to {@link #BLOCK}, so small data stays small; then adds blocks. */
  private void grow() {
    if (current.length < BLOCK) {
      current = Arrays.copyOf(current, current.length * 2);
    } else {
      fullBlocks.add(current);
      current = new double[BLOCK];
      used = 0;
    }
  }
}

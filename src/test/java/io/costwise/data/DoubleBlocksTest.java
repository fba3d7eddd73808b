package io.costwise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DoubleBlocksTest {
  @Test
  void keepsOrderAcrossGrowthAndFullBlocks() {
    DoubleBlocks blocks = new DoubleBlocks();
    double[] row = new double[31];
    int rows = 100_000; // 3,000,000 values: fills two 2^20 blocks and part of a third
    for (int r = 0; r < rows; r++) {
      for (int c = 1; c < row.length; c++) {
        row[c] = r * 30.0 + c - 1;
      }
      blocks.add(row, 1, 30);
    }

    double[] all = blocks.toArray();

    assertEquals(3_000_000, blocks.size());
    assertEquals(3_000_000, all.length);
    for (int i = 0; i < all.length; i++) {
      if (all[i] != i) {
        assertEquals(i, all[i], "value " + i);
      }
    }
  }

  @Test
  void emptyGivesAnEmptyArray() {
    assertArrayEquals(new double[0], new DoubleBlocks().toArray());
  }
}

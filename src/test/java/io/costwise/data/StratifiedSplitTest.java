package io.costwise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  private static int[] labels(int negatives, int positives) {
    int[] labels = new int[negatives + positives];
    for (int i = 0; i < positives; i++) {
      labels[i * 2 < labels.length ? i * 2 : labels.length - 1 - i] = 1;
    }
    return labels;
  }

  @Test
  void holdOutOfWdbcSizesIs426And143WithClassesInProportion() {
    int[] labels = labels(357, 212);
    assertEquals(212, Arrays.stream(labels).sum());
    int[][] split = StratifiedSplit.holdOut(labels, 0.25, 42);
    assertEquals(426, split[0].length);
    assertEquals(143, split[1].length);
    assertEquals(53, Arrays.stream(split[1]).map(r -> labels[r]).sum());
    int[] all =
        IntStream.concat(Arrays.stream(split[0]), Arrays.stream(split[1])).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 569).toArray(), all);
  }

  @Test
  void theSeedDecidesTheRows() {
    int[] labels = labels(50, 30);
    assertArrayEquals(
        StratifiedSplit.holdOut(labels, 0.25, 1)[1], StratifiedSplit.holdOut(labels, 0.25, 1)[1]);
    assertTrue(
        !Arrays.equals(
            StratifiedSplit.holdOut(labels, 0.25, 1)[1],
            StratifiedSplit.holdOut(labels, 0.25, 2)[1]));
  }

  @Test
  void apportionGivesTheLeftoverToTheLargerRemainder() {
    assertArrayEquals(new int[] {90, 53}, StratifiedSplit.apportion(143, 357, 212));
    assertArrayEquals(new int[] {1, 1}, StratifiedSplit.apportion(2, 5, 5));
  }

  @Test
  void foldsAreStratifiedAndBalanced() {
    int[] labels = labels(53, 27);
    int[] fold = StratifiedSplit.foldOf(labels, 5, 3);
    for (int f = 0; f < 5; f++) {
      int[] in = StratifiedSplit.rowsOfFold(fold, f, true);
      int positives = Arrays.stream(in).map(r -> labels[r]).sum();
      assertTrue(in.length == 16, "fold size " + in.length);
      assertTrue(positives == 5 || positives == 6, "positives " + positives);
      assertEquals(80 - in.length, StratifiedSplit.rowsOfFold(fold, f, false).length);
    }
  }

  @Test
  void theShippedSampleTreeIsTheSeed42SplitOfWdbc() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/main/resources/datasets/wdbc.csv"));
    int[] labels = lines.stream().mapToInt(l -> l.charAt(0) - '0').toArray();
    int[][] split = StratifiedSplit.holdOut(labels, 0.25, 42);
    Path data = Path.of("container/local_test/opt_ml/input/data");
    assertEquals(
        Arrays.stream(split[0]).mapToObj(lines::get).toList(),
        Files.readAllLines(data.resolve("train/train.csv")));
    assertEquals(
        Arrays.stream(split[1]).mapToObj(lines::get).toList(),
        Files.readAllLines(data.resolve("validation/validation.csv")));
  }
}

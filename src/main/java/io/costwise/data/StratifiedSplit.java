package io.costwise.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded stratified splits of row indices: a hold-out split and k folds.
 *
 * <p>Sizes follow scikit-learn's {@code train_test_split}: the test part has {@code ceil(fraction ×
 * n)} rows, shared between the classes in proportion (largest remainders get the leftovers), so
 * WDBC's 569 rows split 426 / 143 as in the reference, with both classes represented in each part
 * in their overall ratio. The rows themselves come from a seeded shuffle per class, so a split
 * depends on the labels and the seed only.
 */
public final class StratifiedSplit {
  private StratifiedSplit() {}

  /** Row indices of a hold-out split: {@code [0]} train, {@code [1]} test, each ascending. */
  public static int[][] holdOut(int[] labels, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1)");
    }
    int[][] byClass = shuffledByClass(labels, seed);
    int testTotal = (int) Math.ceil(testFraction * labels.length);
    int[] testPerClass = apportion(testTotal, byClass[0].length, byClass[1].length);
    int[] train = new int[labels.length - testTotal];
    int[] test = new int[testTotal];
    int trainAt = 0;
    int testAt = 0;
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < byClass[c].length; i++) {
        if (i < testPerClass[c]) {
          test[testAt++] = byClass[c][i];
        } else {
          train[trainAt++] = byClass[c][i];
        }
      }
    }
    Arrays.sort(train);
    Arrays.sort(test);
    return new int[][] {train, test};
  }

  /**
   * The fold of each row for stratified k-fold cross-validation: each class is dealt round-robin
   * over the folds after a seeded shuffle, so fold sizes differ by at most one per class.
   */
  public static int[] foldOf(int[] labels, int folds, long seed) {
    if (folds < 2) {
      throw new IllegalArgumentException("at least 2 folds");
    }
    int[][] byClass = shuffledByClass(labels, seed);
    int[] fold = new int[labels.length];
    int next = 0;
    for (int[] rows : byClass) {
      for (int row : rows) {
        fold[row] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  /** Rows whose fold is (or, with {@code inFold} false, is not) the given one, ascending. */
  public static int[] rowsOfFold(int[] foldOf, int fold, boolean inFold) {
    return java.util.stream.IntStream.range(0, foldOf.length)
        .filter(row -> (foldOf[row] == fold) == inFold)
        .toArray();
  }

  private static int[][] shuffledByClass(int[] labels, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] byClass = new int[2][];
    for (int c = 0; c < 2; c++) {
      final int label = c;
      int[] rows =
          java.util.stream.IntStream.range(0, labels.length)
              .filter(r -> labels[r] == label)
              .toArray();
      for (int i = rows.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = rows[i];
        rows[i] = rows[j];
        rows[j] = swap;
      }
      byClass[c] = rows;
    }
    return byClass;
  }

  /** Shares {@code total} between two classes in proportion to their sizes. */
  static int[] apportion(int total, int negatives, int positives) {
    double exactNegative = (double) total * negatives / (negatives + positives);
    int negative = (int) Math.floor(exactNegative);
    int positive = (int) Math.floor((double) total * positives / (negatives + positives));
    if (negative + positive < total) {
      // One row is left over: it goes to the class with the larger remainder.
      if (exactNegative - negative
          >= (double) total * positives / (negatives + positives) - positive) {
        negative++;
      } else {
        positive++;
      }
    }
    return new int[] {negative, positive};
  }
}

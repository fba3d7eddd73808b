package io.costwise.evaluation;

/**
 * Which points of a curve with one point per distinct score are kept: all of them up to {@value
 * #MAX_POINTS}, else that many spread evenly from the first to the last. Each kept point is exact;
 * what is dropped is resolution a chart or a table cannot show, not accuracy. Without this, five
 * million scored rows made curves of five million objects, more than a 512 MB heap holds.
 */
final class CurveSampling {
  static final int MAX_POINTS = 20_000;

  private CurveSampling() {}

  /** Whether point {@code index} of {@code count} is kept. */
  static boolean keeps(long index, long count) {
    if (count <= MAX_POINTS || index == 0 || index == count - 1) {
      return true;
    }
    // Kept: the points nearest to k · (count − 1) / (MAX_POINTS − 1) for k = 0 … MAX_POINTS − 1.
    long k = Math.round((double) index * (MAX_POINTS - 1) / (count - 1));
    return Math.round((double) k * (count - 1) / (MAX_POINTS - 1)) == index;
  }
}

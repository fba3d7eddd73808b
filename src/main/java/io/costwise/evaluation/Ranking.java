package io.costwise.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Candidates ordered by a value (expected value per case: higher is better), and whether the top
 * one is really better than the next.
 *
 * <p>Tie rule: when the candidates carry a standard deviation (over cross-validation folds), the
 * first is a clear winner only if it beats the second by more than one standard deviation — the
 * larger of the two, so neither candidate's spread is ignored. Otherwise the first and every
 * candidate within that distance of it are tied: the data cannot tell them apart, and a headline or
 * a chart must not crown one. This is a deliberately plain rule (about a 1-sigma band, not a
 * significance test); it errs towards calling ties, which is the safe error for a headline. Without
 * standard deviations (one split) nothing is called a tie, and the caller must say that there is no
 * error bar.
 *
 * @param entries best first; equal values keep their given order
 * @param tied how many entries, from the first, are tied for the top (1 when the first wins)
 */
public record Ranking(List<Entry> entries, int tied) {

  /**
   * One candidate.
   *
   * @param name what it is, e.g. "medical, cost-optimal threshold" or "ratio 5"
   * @param value its value, higher is better
   * @param sd the standard deviation of the value, or NaN when there is none
   */
  public record Entry(String name, double value, double sd) {}

  public Ranking {
    entries = List.copyOf(entries);
  }

  /**
   * Ranks the candidates.
   *
   * @throws IllegalArgumentException if there are none or a value is not finite
   */
  public static Ranking of(List<Entry> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("nothing to rank");
    }
    for (Entry entry : candidates) {
      if (!Double.isFinite(entry.value())) {
        throw new IllegalArgumentException("value of " + entry.name() + " is " + entry.value());
      }
    }
    List<Entry> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingDouble(Entry::value).reversed());
    int tied = 1;
    if (sorted.size() > 1) {
      Entry first = sorted.get(0);
      double band = Math.max(sd(first), sd(sorted.get(1)));
      while (tied < sorted.size() && first.value() - sorted.get(tied).value() <= band) {
        tied++;
      }
    }
    return new Ranking(sorted, tied);
  }

  /** The first entry: the winner, or one of the tied. */
  public Entry first() {
    return entries.get(0);
  }

  /** Whether the first beats every other by more than the tie band. */
  public boolean clearWinner() {
    return tied == 1;
  }

  /** How much the first beats the second by; 0 with one entry. */
  public double margin() {
    return entries.size() < 2 ? 0 : entries.get(0).value() - entries.get(1).value();
  }

  /** A NaN deviation counts as none: the band it adds is −infinity, so no tie. */
  private static double sd(Entry entry) {
    return Double.isNaN(entry.sd()) ? Double.NEGATIVE_INFINITY : entry.sd();
  }
}

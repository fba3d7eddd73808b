package io.costwise.config;

/**
 * Levenshtein distance, to suggest what a typo was meant to be: a hyperparameter, or a header name
 * that a {@code cost_*_column} hyperparameter gives (read in {@code io.costwise.data}).
 */
public final class EditDistance {
  private EditDistance() {}

  /** The fewest single-character insertions, deletions or substitutions turning a into b. */
  public static int between(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * Whether b is a plausible typo of a (or the reverse): at most one edit in three characters of
   * the longer name, or one name inside the other ({@code batch} in {@code batch_size}). Keeps
   * {@code eta} from being "corrected" to {@code seed}, which shares nothing with it but length.
   */
  public static boolean isCloseEnough(String a, String b) {
    int longer = Math.max(a.length(), b.length());
    int shorter = Math.min(a.length(), b.length());
    if (shorter >= 3 && (a.contains(b) || b.contains(a))) {
      return true;
    }
    return between(a, b) * 3 <= longer;
  }
}

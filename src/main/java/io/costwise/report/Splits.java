package io.costwise.report;

import io.costwise.evaluation.OutcomeValues;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks on the lists of splits a report is given, and file names derived from split names. */
final class Splits {
  private Splits() {}

  /**
   * Requires at least one split, distinct names and distinct file-name slugs.
   *
   * @param what "split" or "model", for the message
   * @throws IllegalArgumentException naming the offending entry
   */
  static void requireDistinct(List<String> names, String what) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one " + what);
    }
    Set<String> seen = new HashSet<>();
    Set<String> slugs = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException("two " + what + "s are named " + name);
      }
      if (!slugs.add(slug(name))) {
        throw new IllegalArgumentException(
            "the " + what + " names give the same file name " + slug(name) + ": rename " + name);
      }
    }
  }

  /**
   * The outcome values all splits were evaluated with; the report shows them once.
   *
   * @throws IllegalArgumentException if there are no splits or their values differ
   */
  static OutcomeValues commonValues(List<ScoredSplit> splits) {
    if (splits.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one split");
    }
    OutcomeValues values = splits.get(0).evaluation().values();
    for (ScoredSplit split : splits) {
      if (!split.evaluation().values().equals(values)) {
        throw new IllegalArgumentException(
            "split " + split.name() + " was evaluated with different outcome values");
      }
    }
    return values;
  }

  /**
   * A name made safe for a file name: lower case, runs of anything but letters and digits turned
   * into one hyphen ("5:1" → "5-1", "Medical model" → "medical-model"); "x" if nothing is left.
   */
  static String slug(String name) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "x" : slug;
  }
}

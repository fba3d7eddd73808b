package io.costwise.data;

import io.costwise.config.EditDistance;
import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds the columns that the {@code cost_*_column} hyperparameters name, on a channel's first line
 * (its header, or its first row when it has none), or says why it cannot: a number is a place in
 * the row (the label is column 1), a name is looked up in the header.
 *
 * <p>Resolved once per channel, on the line that sets its width: every later row must be as wide,
 * and every later header the same, so the answer holds for all of them.
 */
final class CostColumnResolver {
  /** How many header names an unknown name's message suggests. */
  private static final int SUGGESTIONS = 3;

  /** Builds the error for the line being resolved against: its file and line are known there. */
  interface Place {
    DataFormatException error(int column, String problem);
  }

  private CostColumnResolver() {}

  /**
   * @param width how many columns the line has
   * @param header the line's fields when it is a header, null when it is a data row
   * @param what {@code the header} or {@code the row}, for messages
   */
  static CostLayout resolve(CostModel model, int width, String[] header, String what, Place place) {
    int[] columnOf = new int[Outcome.values().length];
    for (Outcome outcome : Outcome.values()) {
      ColumnRef ref = model.columns().column(outcome).orElse(null);
      if (ref != null) {
        columnOf[outcome.ordinal()] =
            ref.byName()
                ? byName(outcome, ref.name(), header, place)
                : byNumber(outcome, ref.number(), width, what, place);
      }
    }
    int[] columns = Arrays.stream(columnOf).filter(c -> c > 0).sorted().distinct().toArray();
    return new CostLayout(model, columns, columnOf);
  }

  private static int byNumber(Outcome outcome, int number, int width, String what, Place place) {
    String key = outcome.columnKey();
    if (number == 1) {
      throw place.error(
          1,
          ("%s is 1, but column 1 holds the label; give %s the number or header name of the column"
                  + " holding the %s cost.")
              .formatted(key, key, CostLayout.adjective(outcome)));
    }
    if (number > width) {
      throw place.error(
          0,
          ("%s is column %d but %s has %d columns; give %s the number of the column holding the %s"
                  + " cost, counting the label as column 1, or its header name.")
              .formatted(key, number, what, width, key, CostLayout.adjective(outcome)));
    }
    return number - 1;
  }

  private static int byName(Outcome outcome, String name, String[] header, Place place) {
    String key = outcome.columnKey();
    String quoted = ChannelErrors.quote(name);
    if (header == null) {
      throw place.error(
          0,
          ("%s names the column %s, but the data has no header to find it in (this line is the"
                  + " channel's first); add a header line at the top of the files, or give %s the"
                  + " column's number instead (the label is column 1).")
              .formatted(key, quoted, key));
    }
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      if (header[i].strip().equals(name)) {
        found.add(i);
      }
    }
    if (found.isEmpty()) {
      String near = closest(name, header);
      throw place.error(
          0,
          ("%s names the column %s, which is not in the header%s; give %s a name exactly as the"
                  + " header spells it, or the column's number (the label is column 1).")
              .formatted(key, quoted, near.isEmpty() ? "" : " (closest: " + near + ")", key));
    }
    if (found.get(0) == 0) {
      throw place.error(
          1,
          ("%s names %s, the header of column 1, which holds the label; give %s the column"
                  + " holding the %s cost.")
              .formatted(key, quoted, key, CostLayout.adjective(outcome)));
    }
    if (found.size() > 1) {
      throw place.error(
          0,
          ("%s names the column %s, which the header has %d times (columns %s); rename all but"
                  + " one, or give %s the column's number.")
              .formatted(
                  key,
                  quoted,
                  found.size(),
                  found.stream()
                      .map(i -> Integer.toString(i + 1))
                      .collect(Collectors.joining(", ")),
                  key));
    }
    return found.get(0);
  }

  /** The header names (not the label's) nearest to {@code name}, ignoring case, quoted. */
  private static String closest(String name, String[] header) {
    String wanted = name.toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (int i = 1; i < header.length; i++) {
      String candidate = header[i].strip();
      if (!candidate.isEmpty() && !names.contains(candidate)) {
        names.add(candidate);
      }
    }
    return names.stream()
        .sorted(
            Comparator.comparingInt(
                (String candidate) ->
                    EditDistance.between(wanted, candidate.toLowerCase(Locale.ROOT))))
        .limit(SUGGESTIONS)
        .map(ChannelErrors::quote)
        .collect(Collectors.joining(", "));
  }
}

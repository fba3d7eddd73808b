package io.costwise.serve;

import io.costwise.cost.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first line of a CSV request when it names its columns: every feature of the model, once and
 * in the model's order, and, anywhere among them, cost columns (the model's cost column names or
 * {@code cost_tn}, {@code cost_fp}, {@code cost_fn}, {@code cost_tp}), at most one per outcome.
 *
 * <p>The features keep the model's order, as without a header, so that a header never silently
 * reorders what a client thinks it sent; cost columns may go anywhere because training files put
 * them wherever their source had them.
 */
final class CsvHeader {
  /** Per column: the feature's index (≥ 0), or −1 − the outcome's ordinal for a cost column. */
  private final int[] targets;

  private final List<String> names;
  private final boolean hasCosts;

  private CsvHeader(int[] targets, List<String> names, boolean hasCosts) {
    this.targets = targets;
    this.names = names;
    this.hasCosts = hasCosts;
  }

  /**
   * The header on bytes {@code [from, to)}, or null when the line is not one: numbers, or fields of
   * which none names a feature or a cost column (then it is read, and refused, as a row).
   *
   * @param features each feature name and its index
   * @throws ServingException 400 when the line is names but not a header of this model
   */
  static CsvHeader parse(
      byte[] body,
      int from,
      int to,
      List<String> featureNames,
      Map<String, Integer> features,
      ModelCosts costs) {
    List<String> names = new ArrayList<>();
    boolean allNumbers = true;
    for (String field : new String(body, from, to - from, StandardCharsets.UTF_8).split(",", -1)) {
      String name = field.strip();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1);
      }
      names.add(name);
      allNumbers &= name.isEmpty() || CsvRequestDecoder.isNumericText(name);
    }
    if (allNumbers || !namesAny(names, features, costs)) {
      // Not a header at all (a row with a typo, or a header of another model): read as a row,
      // whose error names the column and the value.
      return null;
    }
    int[] targets = new int[names.size()];
    String[] outcomeColumn = new String[ModelCosts.PER_ROW];
    int nextFeature = 0;
    boolean hasCosts = false;
    for (int column = 0; column < targets.length; column++) {
      String name = names.get(column);
      Integer feature = features.get(name);
      Outcome outcome = feature == null ? costs.outcomeNamed(name) : null;
      if (feature != null) {
        if (feature != nextFeature) {
          throw refused(
              "it has '"
                  + name
                  + "' where "
                  + (nextFeature < featureNames.size()
                      ? "the model's feature '" + featureNames.get(nextFeature) + "' belongs"
                      : "every feature has already been named"),
              featureNames,
              costs);
        }
        targets[column] = nextFeature++;
      } else if (outcome != null) {
        String earlier = outcomeColumn[outcome.ordinal()];
        if (earlier != null) {
          throw refused(
              "it gives the cost of a "
                  + outcome.words()
                  + " twice ('"
                  + earlier
                  + "', '"
                  + name
                  + "')",
              featureNames,
              costs);
        }
        outcomeColumn[outcome.ordinal()] = name;
        targets[column] = -1 - outcome.ordinal();
        hasCosts = true;
      } else {
        throw refused(
            "'" + name + "' is neither a feature of the model nor a cost column",
            featureNames,
            costs);
      }
    }
    if (nextFeature < featureNames.size()) {
      throw refused(
          "it lacks the feature '" + featureNames.get(nextFeature) + "'", featureNames, costs);
    }
    return new CsvHeader(targets, List.copyOf(names), hasCosts);
  }

  /**
   * Whether some name is a feature of the model or a cost column: the line means to be a header.
   */
  private static boolean namesAny(
      List<String> names, Map<String, Integer> features, ModelCosts costs) {
    for (String name : names) {
      if (features.containsKey(name) || costs.outcomeNamed(name) != null) {
        return true;
      }
    }
    return false;
  }

  private static ServingException refused(
      String problem, List<String> featureNames, ModelCosts costs) {
    String features = String.join(",", featureNames);
    return ServingException.badRequest(
        "Line 1 names columns but is not the model's header: "
            + problem
            + ". A header names the model's features once each, in its order ("
            + (features.length() <= 200 ? features : features.substring(0, 197) + "...")
            + "), and may add cost columns anywhere ("
            + costs.describeNames()
            + ").");
  }

  /** The number of columns every row must have. */
  int width() {
    return targets.length;
  }

  /** Whether some column is a cost; if not, rows are the features in the model's order. */
  boolean hasCosts() {
    return hasCosts;
  }

  /** The feature index of a 0-based column, or −1 − the outcome ordinal of a cost column. */
  int target(int column) {
    return targets[column];
  }

  String name(int column) {
    return names.get(column);
  }
}

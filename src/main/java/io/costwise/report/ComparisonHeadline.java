package io.costwise.report;

import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.Ranking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparison's headline: every model at its best decision rule, which wins and by how much.
 *
 * <p>Why each model at its best rule: comparing models at 0.5 alone rewards the one whose training
 * happened to move its scores towards the costs' optimum, while any of them could have been decided
 * at the cost-optimal threshold instead; the question a reader has is "which model, used well, is
 * worth most". The margin is also given in false alarms, so a reader can see when it is one or two
 * cases on a small split; one split gives no error bar, and the headline says so.
 */
final class ComparisonHeadline {
  private ComparisonHeadline() {}

  /** One model at its best rule. */
  record Best(ComparedModel model, String rule, Evaluation evaluation) {}

  /**
   * Each model's best rule: the highest expected value per case, the first rule on equal values.
   */
  static List<Best> bests(List<ComparedModel> models) {
    List<Best> bests = new ArrayList<>();
    for (ComparedModel model : models) {
      Best best = null;
      for (Map.Entry<String, Evaluation> rule : model.allRules().entrySet()) {
        if (best == null
            || rule.getValue().expectedValuePerCase() > best.evaluation().expectedValuePerCase()) {
          best = new Best(model, rule.getKey(), rule.getValue());
        }
      }
      bests.add(best);
    }
    return bests;
  }

  /** The models at their best rules, ranked (no standard deviations: one split). */
  static Ranking ranking(List<Best> bests) {
    List<Ranking.Entry> entries = new ArrayList<>();
    for (Best best : bests) {
      entries.add(
          new Ranking.Entry(
              best.model().name(), best.evaluation().expectedValuePerCase(), Double.NaN));
    }
    return Ranking.of(entries);
  }

  /** The model the headline names best: the first of the ranking of {@link #bests}. */
  static Best winner(List<ComparedModel> models) {
    List<Best> bests = bests(models);
    return find(bests, ranking(bests).first().name());
  }

  static String text(List<ComparedModel> models) {
    List<Best> bests = bests(models);
    Ranking ranking = ranking(bests);
    Best first = find(bests, ranking.entries().get(0).name());
    Evaluation top = first.evaluation();
    String unit = top.values().unit();
    boolean severalRules = models.stream().anyMatch(m -> !m.otherRules().isEmpty());
    StringBuilder text = new StringBuilder();
    text.append(severalRules ? "Each model at its best decision rule: " : "")
        .append("best is ")
        .append(first.model().name())
        .append(", ")
        .append(Formats.money(top.expectedValuePerCase(2), unit))
        .append(" per case")
        .append(severalRules ? " " + describe(first) : "");
    if (ranking.entries().size() > 1) {
      Best second = find(bests, ranking.entries().get(1).name());
      BigDecimal margin =
          top.expectedValuePerCase(2).subtract(second.evaluation().expectedValuePerCase(2));
      // In money over the whole split as well: with per-row costs of a few euros a case, the
      // margin per case rounds to 0.00 while the total difference is real.
      BigDecimal marginTotal =
          top.expectedValueTotal()
              .subtract(second.evaluation().expectedValueTotal())
              .setScale(2, RoundingMode.HALF_UP);
      text.append("; next is ")
          .append(second.model().name())
          .append(", ")
          .append(Formats.money(second.evaluation().expectedValuePerCase(2), unit))
          .append(severalRules ? " " + describe(second) : "")
          .append(": ")
          .append(first.model().name())
          .append(" is ")
          .append(Formats.money(margin, unit))
          .append(" per case better (")
          .append(Formats.money(marginTotal, unit))
          .append(" over these ")
          .append(Formats.count(top.matrix().total()))
          .append(" cases)");
      falseAlarms(top, ranking.margin())
          .ifPresent(
              count ->
                  text.append(", about ")
                      .append(
                          count >= 10 ? Formats.count(Math.round(count)) : Formats.meanCount(count))
                      .append(" false alarms' worth"));
      text.append(
          ". One test split gives no error bar: costwise sweep measures the spread over"
              + " cross-validation folds.");
    } else {
      text.append('.');
    }
    return text.toString();
  }

  private static String describe(Best best) {
    Evaluation e = best.evaluation();
    if (e.perCaseDecisions()) {
      return "decided by " + best.rule();
    }
    return best.rule().equals(Formats.threshold(e.threshold()))
        ? "at threshold " + best.rule()
        : "at the " + best.rule() + " threshold (" + Formats.threshold(e.threshold()) + ")";
  }

  /** The margin per case, times n, in units of one false alarm's cost; empty with per-row costs. */
  private static java.util.Optional<Double> falseAlarms(Evaluation e, double marginPerCase) {
    OutcomeValues v = e.values();
    double falseAlarm = v.trueNegative() - v.falsePositive();
    if (e.perCaseCosts() || !(falseAlarm > 0)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(marginPerCase * e.matrix().total() / falseAlarm);
  }

  private static Best find(List<Best> bests, String name) {
    return bests.stream().filter(b -> b.model().name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Model rows; per rule its expected value per case and threshold, in columns of their own so the
   * numbers line up; then each model's best rule.
   */
  static void rulesTable(Html page, List<ComparedModel> models) {
    List<String> rules = new ArrayList<>();
    for (ComparedModel model : models) {
      for (String rule : model.allRules().keySet()) {
        if (!rules.contains(rule)) {
          rules.add(rule);
        }
      }
    }
    String unit = models.get(0).test().evaluation().values().unit();
    List<String> header = new ArrayList<>();
    header.add("Model");
    for (String rule : rules) {
      header.add(rule + ": " + unit + " per case");
      header.add("threshold");
    }
    header.add("Best rule");
    List<Best> bests = bests(models);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(models.get(i).name());
      for (String rule : rules) {
        Evaluation e = models.get(i).allRules().get(rule);
        row.add(e == null ? "" : Formats.money(e.expectedValuePerCase(2), unit));
        row.add(
            e == null ? "" : e.perCaseDecisions() ? "per case" : Formats.threshold(e.threshold()));
      }
      row.add(bests.get(i).rule());
      rows.add(row);
    }
    page.table(null, header, rows);
  }
}

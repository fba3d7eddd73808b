package io.costwise.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.cost.CaseCosts;
import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostColumns;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import io.costwise.evaluation.ConfusionMatrix;
import io.costwise.evaluation.Decisions;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared test vector {@code report/interactive-vector.json} (written by {@code make_vector.py},
 * an independent implementation): scores, labels, outcome values, per-row costs and thresholds with
 * the figures the report must show. The Java evaluation is checked against it in {@link
 * InteractiveVectorTest}, the page in the browser test.
 */
record InteractiveVector(double[] scores, int[] labels, double width, List<Case> cases) {

  /** The figures' names, as the vector and the page's element ids ({@code cw-<name>}) use them. */
  static final List<String> MONEY =
      List.of("ev", "nobody", "everyone", "perfect").stream()
          .flatMap(name -> List.of(name + "Total", name + "PerCase").stream())
          .toList();

  /**
   * One outcome table (with per-row FP and FN costs, or not) and the figures at each threshold.
   *
   * @param expected by threshold, figure name → text as the page shows it
   */
  record Case(OutcomeValues values, double[] fpCosts, double[] fnCosts, List<Expected> expected) {

    CaseCosts costs(int rows) {
      if (fpCosts == null) {
        return CaseCosts.fixed(CostModel.fixed(values), rows);
      }
      Map<Outcome, ColumnRef> columns = new EnumMap<>(Outcome.class);
      columns.put(Outcome.FALSE_POSITIVE, ColumnRef.parse("c_fp"));
      columns.put(Outcome.FALSE_NEGATIVE, ColumnRef.parse("c_fn"));
      Map<Outcome, double[]> values = new EnumMap<>(Outcome.class);
      values.put(Outcome.FALSE_POSITIVE, fpCosts);
      values.put(Outcome.FALSE_NEGATIVE, fnCosts);
      return CaseCosts.of(new CostModel(this.values, new CostColumns(columns)), values, rows);
    }
  }

  record Expected(double threshold, Map<String, String> figures) {}

  static InteractiveVector load() {
    try (InputStream in =
        InteractiveVector.class.getResourceAsStream("/report/interactive-vector.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      double[] scores = doubles(root.get("scores"));
      int[] labels = new int[scores.length];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = root.get("labels").get(i).asInt();
      }
      List<Case> cases = new ArrayList<>();
      for (JsonNode c : root.get("cases")) {
        JsonNode v = c.get("values");
        OutcomeValues values =
            new OutcomeValues(
                v.get(0).asDouble(),
                v.get(1).asDouble(),
                v.get(2).asDouble(),
                v.get(3).asDouble(),
                c.get("unit").asText());
        List<Expected> expected = new ArrayList<>();
        for (JsonNode e : c.get("expected")) {
          Map<String, String> figures = new LinkedHashMap<>();
          e.fields()
              .forEachRemaining(
                  field -> {
                    if (!field.getKey().equals("threshold")) {
                      figures.put(field.getKey(), field.getValue().toString().replace("\"", ""));
                    }
                  });
          expected.add(new Expected(e.get("threshold").asDouble(), figures));
        }
        cases.add(
            new Case(
                values,
                c.has("fpCosts") ? doubles(c.get("fpCosts")) : null,
                c.has("fnCosts") ? doubles(c.get("fnCosts")) : null,
                expected));
      }
      return new InteractiveVector(
          scores, labels, Double.parseDouble(root.get("width").asText()), cases);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case's split, evaluated at {@code threshold}, with its per-row costs. */
  ScoredSplit split(Case c, double threshold) {
    CaseCosts costs = c.costs(scores.length);
    Evaluation e = Evaluation.of(scores, labels, Decisions.at(threshold), costs, width);
    return new ScoredSplit("vector", scores, labels, e, null, costs.perRow() ? costs : null);
  }

  /** The vector's figures as the Java evaluation gives them, formatted as the reports format. */
  static Map<String, String> figuresOf(Evaluation e) {
    ConfusionMatrix m = e.matrix();
    String unit = e.values().unit();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("tn", Long.toString(m.tn()));
    f.put("fp", Long.toString(m.fp()));
    f.put("fn", Long.toString(m.fn()));
    f.put("tp", Long.toString(m.tp()));
    f.put(
        "closeCalls",
        "["
            + e.closeCalls().tn()
            + ","
            + e.closeCalls().fp()
            + ","
            + e.closeCalls().fn()
            + ","
            + e.closeCalls().tp()
            + "]");
    f.put("precision", Formats.decimal(e.report().positive().precision(), 4));
    f.put("recall", Formats.decimal(e.report().positive().recall(), 4));
    f.put("f1", Formats.decimal(e.report().positive().f1(), 4));
    f.put("accuracy", Formats.decimal(e.matrix().accuracy(), 4));
    BigDecimal n = BigDecimal.valueOf(m.total());
    BigDecimal[] totals = {
      e.expectedValueTotal(),
      money(e, -e.costs().flagNobody(), ConfusionMatrix.of(m.negatives(), 0, m.positives(), 0)),
      money(e, -e.costs().flagEveryone(), ConfusionMatrix.of(0, m.negatives(), 0, m.positives())),
      money(e, -e.costs().perfect(), ConfusionMatrix.of(m.negatives(), 0, 0, m.positives()))
    };
    String[] names = {"ev", "nobody", "everyone", "perfect"};
    for (int i = 0; i < names.length; i++) {
      f.put(names[i] + "Total", Formats.money(totals[i], unit));
      f.put(
          names[i] + "PerCase", Formats.money(totals[i].divide(n, 2, RoundingMode.HALF_UP), unit));
    }
    return f;
  }

  /**
   * Exact from the table with fixed values; the evaluation's compensated sum with per-row costs.
   */
  private static BigDecimal money(Evaluation e, double perRowTotal, ConfusionMatrix matrix) {
    return e.perCaseCosts() ? BigDecimal.valueOf(perRowTotal) : e.values().total(matrix);
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.parseDouble(array.get(i).asText());
    }
    return out;
  }
}

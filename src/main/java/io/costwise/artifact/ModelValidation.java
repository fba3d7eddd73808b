package io.costwise.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import io.costwise.cost.Outcome;
import io.costwise.error.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a loaded {@code model.json} before anything scores with it: every field serving needs is
 * present, every number is finite and in its range, and the sizes agree. A damaged or hand-edited
 * file is refused with one sentence that names the file and the field, e.g. {@code .../model.json:
 * scorer.std[3] is 0.0; a feature's standard deviation must be positive — retrain the model or
 * restore the file train wrote.}
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>present: {@code format_version}, {@code feature_names}, {@code decision_threshold}, {@code
 *       hyperparameters}, {@code scorer} with {@code mean}, {@code std} and {@code layers} (or, in
 *       format version 1, {@code weights} and {@code bias}); absence is seen in the JSON itself, so
 *       a missing threshold is not read as 0;
 *   <li>{@code feature_names}: at least one, none blank, none repeated; {@code feature_count}, if
 *       given, equals their number; {@code scorer.mean} and {@code scorer.std} have one value each;
 *   <li>{@code decision_threshold}: in [0, 1], or exactly {@link #FLAG_NOBODY} — the one value
 *       above 1 that training writes ({@code Math.max(1, Math.nextUp(highest score))} for a rule
 *       that flags nobody, such as an unreachable {@code target_precision}, when the highest score
 *       is exactly 1);
 *   <li>{@code scorer.mean}: finite; {@code scorer.std}: finite and positive (training writes 1 for
 *       a constant feature, never 0);
 *   <li>every weight and bias: finite and at most {@value #MAX_PARAMETER} in magnitude. Weights act
 *       on standardised features, which lie within a few units of 0; trained weights are of order 1
 *       to 100, and a weight of 10⁶ already moves the logit by 10⁶ per standard deviation, so
 *       anything beyond is damage, not learning;
 *   <li>no overflow: for every row whose features lie within ±{@value #FEATURE_RANGE} (the float
 *       range, far beyond any real feature), each layer's output is bounded by interval arithmetic
 *       ({@code |b| + Σ|w|·bound}) and the bound must stay finite. The scorer computes in double,
 *       so a finite logit cannot become NaN; only ∞ − ∞ or 0 · ∞ could, and this rules them out. It
 *       catches a tiny {@code std} (a feature that standardises to infinity) as well;
 *   <li>{@code calibration}: {@link Calibration#validate()}; {@code mean_costs}, if present: a
 *       finite {@code tn}, {@code fp}, {@code fn} and {@code tp}.
 * </ul>
 *
 * Fields serving does not read (provenance, losses, row counts) are not checked.
 */
public final class ModelValidation {
  /** The only threshold above 1 training writes: "flag nobody" when a score is exactly 1. */
  public static final double FLAG_NOBODY = Math.nextUp(1.0);

  /** The largest weight or bias accepted, in magnitude. */
  public static final double MAX_PARAMETER = 1e6;

  /** Feature values the no-overflow check covers: the float range. */
  public static final double FEATURE_RANGE = Float.MAX_VALUE;

  private static final String FIX = " — retrain the model or restore the file train wrote.";

  private ModelValidation() {}

  /**
   * Checks {@code description}, bound from {@code tree}, the JSON read from {@code file}.
   *
   * @param file the file as messages name it: its path, or {@code model.json in <archive>}
   * @throws InvalidInputException naming the file and the first field that is wrong
   */
  public static void check(String file, JsonNode tree, ModelDescription description) {
    new Check(file).run(tree, description);
  }

  private record Check(String file) {
    void run(JsonNode tree, ModelDescription d) {
      for (String field :
          List.of("format_version", "feature_names", "decision_threshold", "hyperparameters")) {
        required(tree, field, field);
      }
      required(tree, "scorer", "scorer");
      JsonNode scorer = tree.get("scorer");
      required(scorer, "mean", "scorer.mean");
      required(scorer, "std", "scorer.std");
      boolean legacy = !scorer.hasNonNull("layers");
      if (legacy) {
        if (!scorer.hasNonNull("weights") || !scorer.hasNonNull("bias")) {
          fail("scorer.layers is missing; the scorer needs its layers");
        }
      }
      if (d.formatVersion() < 1) {
        fail("format_version is " + d.formatVersion() + "; it must be 1 or more");
      }
      features(tree, d.featureNames());
      threshold(d.decisionThreshold());
      ModelDescription.Scorer s = d.scorer();
      int n = d.featureNames().size();
      scaler(s.mean(), s.std(), n);
      List<ModelDescription.Layer> layers = legacy ? legacyLayers(s) : s.layers();
      parameters(layers, legacy);
      noOverflow(s.mean(), s.std(), layers, legacy);
      try {
        d.calibrationOrNone().validate();
      } catch (IllegalArgumentException e) {
        fail("calibration is unusable: " + e.getMessage());
      }
      meanCosts(d.meanCosts());
    }

    private void required(JsonNode node, String key, String field) {
      if (node == null || !node.hasNonNull(key)) {
        fail(field + " is missing; every model train writes has it");
      }
    }

    private void features(JsonNode tree, List<String> names) {
      if (names.isEmpty()) {
        fail("feature_names is empty; a model needs at least one feature");
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name == null || name.isBlank()) {
          fail("feature_names[" + i + "] is blank; every feature needs a name");
        }
        Integer before = seen.putIfAbsent(name, i);
        if (before != null) {
          fail(
              "feature_names["
                  + i
                  + "] repeats feature_names["
                  + before
                  + "] ('"
                  + name
                  + "'); feature names must be distinct");
        }
      }
      JsonNode count = tree.get("feature_count");
      if (count != null && !count.isNull()) {
        if (!count.canConvertToExactIntegral() || count.asLong() != names.size()) {
          fail(
              "feature_count is "
                  + count
                  + " but feature_names has "
                  + names.size()
                  + "; they must agree");
        }
      }
    }

    private void threshold(double t) {
      if (!(t >= 0 && t <= 1) && t != FLAG_NOBODY) {
        fail(
            "decision_threshold is "
                + t
                + "; it must be a probability from 0 to 1 (or "
                + FLAG_NOBODY
                + ", which flags nobody)");
      }
    }

    private void scaler(double[] mean, double[] std, int n) {
      if (mean.length != n) {
        fail("scorer.mean has " + mean.length + " values but there are " + n + " features");
      }
      if (std.length != n) {
        fail("scorer.std has " + std.length + " values but there are " + n + " features");
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(mean[i])) {
          fail("scorer.mean[" + i + "] is " + mean[i] + "; a feature's mean must be finite");
        }
        if (!(std[i] > 0) || !Double.isFinite(std[i])) {
          fail(
              "scorer.std["
                  + i
                  + "] is "
                  + std[i]
                  + "; a feature's standard deviation must be positive and finite");
        }
      }
    }

    private void parameters(List<ModelDescription.Layer> layers, boolean legacy) {
      for (int l = 0; l < layers.size(); l++) {
        ModelDescription.Layer layer = layers.get(l);
        if (layer == null || layer.weights() == null || layer.bias() == null) {
          fail("scorer.layers[" + l + "] lacks its weights or bias");
        }
        for (int j = 0; j < layer.weights().length; j++) {
          double[] unit = layer.weights()[j];
          if (unit == null) {
            fail("scorer.layers[" + l + "].weights[" + j + "] is missing");
          }
          for (int i = 0; i < unit.length; i++) {
            parameter(
                unit[i], legacy ? "scorer.weights[" + i + "]" : weightName(l, j, i), "a weight");
          }
        }
        for (int j = 0; j < layer.bias().length; j++) {
          parameter(
              layer.bias()[j],
              legacy ? "scorer.bias" : "scorer.layers[" + l + "].bias[" + j + "]",
              "a bias");
        }
      }
    }

    private void parameter(double value, String field, String what) {
      if (!(Math.abs(value) <= MAX_PARAMETER)) {
        fail(
            field
                + " is "
                + value
                + "; "
                + what
                + " must be finite and within ±"
                + MAX_PARAMETER
                + ", far beyond any trained value");
      }
    }

    /**
     * Bounds every unit's output over all rows within ±{@link #FEATURE_RANGE} and refuses a model
     * whose bound is infinite. Sizes that do not chain are left to {@link
     * ModelDescription.Scorer#toNetworkScorer()}, which names them.
     */
    private void noOverflow(
        double[] mean, double[] std, List<ModelDescription.Layer> layers, boolean legacy) {
      double[] bound = new double[mean.length];
      for (int i = 0; i < mean.length; i++) {
        bound[i] = (FEATURE_RANGE + Math.abs(mean[i])) / std[i];
        if (!Double.isFinite(bound[i])) {
          fail(
              "scorer.std["
                  + i
                  + "] is "
                  + std[i]
                  + ", so small that a feature value within the float range standardises to"
                  + " infinity and the score could be NaN");
        }
      }
      for (int l = 0; l < layers.size(); l++) {
        ModelDescription.Layer layer = layers.get(l);
        if (layer.bias().length != layer.weights().length) {
          return;
        }
        double[] next = new double[layer.weights().length];
        for (int j = 0; j < next.length; j++) {
          double[] unit = layer.weights()[j];
          if (unit.length != bound.length) {
            return;
          }
          double sum = Math.abs(layer.bias()[j]);
          for (int i = 0; i < unit.length; i++) {
            sum += Math.abs(unit[i]) * bound[i];
          }
          if (!Double.isFinite(sum)) {
            fail(
                (legacy ? "scorer.weights" : "scorer.layers[" + l + "].weights[" + j + "]")
                    + " can overflow: a row with features within ±"
                    + FEATURE_RANGE
                    + " could give an infinite sum and a NaN score");
          }
          next[j] = sum;
        }
        bound = next;
      }
    }

    private void meanCosts(Map<String, Double> means) {
      if (means == null) {
        return;
      }
      for (Outcome outcome : Outcome.values()) {
        Double cost = means.get(outcome.key());
        if (cost == null || !Double.isFinite(cost)) {
          fail(
              "mean_costs."
                  + outcome.key()
                  + " is "
                  + (cost == null ? "missing" : cost)
                  + "; each outcome's mean cost must be a finite number");
        }
      }
    }

    private static String weightName(int l, int j, int i) {
      return "scorer.layers[" + l + "].weights[" + j + "][" + i + "]";
    }

    private static List<ModelDescription.Layer> legacyLayers(ModelDescription.Scorer s) {
      return List.of(
          new ModelDescription.Layer(
              ModelDescription.Layer.SIGMOID,
              new double[][] {s.legacyWeights()},
              new double[] {s.legacyBias()}));
    }

    private void fail(String what) {
      String reason = what.endsWith(".") ? what.substring(0, what.length() - 1) : what;
      throw new InvalidInputException(file + ": " + reason + FIX);
    }
  }
}

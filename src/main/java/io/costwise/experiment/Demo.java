package io.costwise.experiment;

import io.costwise.artifact.NetworkScorer;
import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import io.costwise.data.StratifiedSplit;
import io.costwise.evaluation.Evaluation;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.evaluation.ThresholdTuner;
import io.costwise.evaluation.TunedThreshold;
import io.costwise.report.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reference experiment: one logistic unit trained three ways on a seeded, stratified 75/25
 * split of WDBC — binary cross-entropy, the cost loss at 5:1, and at 200:1 ("medical", close to the
 * QALY table's 195.7:1) — and compared on the test split in errors and in money.
 */
public final class Demo {
  /** The split and initialisation seed; fixed so that the demo's figures are reproducible. */
  public static final long DEFAULT_SEED = 42;

  private final OutcomeValues values;
  private final long seed;
  private final Consumer<String> progress;

  /**
   * @param values what each outcome is worth
   * @param seed seeds the split and the models
   * @param progress receives one line per model
   */
  public Demo(OutcomeValues values, long seed, Consumer<String> progress) {
    this.values = values;
    this.seed = seed;
    this.progress = progress;
  }

  /** The three models of the reference, in its order. */
  List<Spec> specs() {
    return List.of(
        new Spec(
            "builtin",
            "binary cross-entropy (errors weigh the same)",
            Experiments.reference("builtin", 1, 1, seed)),
        new Spec(
            "5:1", "cost loss, fn_cost 5, fp_cost 1", Experiments.reference("custom", 5, 1, seed)),
        new Spec(
            "medical",
            "cost loss, fn_cost 200, fp_cost 1",
            Experiments.reference("custom", 200, 1, seed)));
  }

  record Spec(String name, String description, TrainingConfig config) {}

  public DemoResult run(Dataset data) {
    int[][] split = StratifiedSplit.holdOut(data.labels(), 0.25, seed);
    Dataset train = data.select(split[0], data.sha256() + ":train");
    Dataset test = data.select(split[1], data.sha256() + ":test");
    double costOptimal = values.costOptimalThreshold();
    List<DemoResult.Model> models = new ArrayList<>();
    List<Spec> specs = specs();
    for (int i = 0; i < specs.size(); i++) {
      Spec spec = specs.get(i);
      long start = System.nanoTime();
      NetworkScorer model = Experiments.train(spec.config(), train);
      double seconds = (System.nanoTime() - start) / 1e9;
      double[] scores = model.scores(test);
      Evaluation atHalf = Evaluation.of(scores, test.labels(), 0.5, values, 0.05);
      Evaluation atOptimal = Evaluation.of(scores, test.labels(), costOptimal, values, 0.05);
      // Tuned on the training split's scores, as there is no validation split: optimistic there,
      // which is why it is judged, like the other rules, on the test split.
      TunedThreshold tuned =
          ThresholdTuner.defaults().tune(model.scores(train), train.labels(), values);
      Evaluation atTuned = Evaluation.of(scores, test.labels(), tuned.threshold(), values, 0.05);
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "[%d/%d] %-8s trained on %d rows in %.1f s: FN %d, FP %d, expected value %s per"
                  + " case",
              i + 1,
              specs.size(),
              spec.name(),
              train.rows(),
              seconds,
              atHalf.matrix().fn(),
              atHalf.matrix().fp(),
              Formats.money(atHalf.expectedValuePerCase(2), values.unit())));
      models.add(
          new DemoResult.Model(
              spec.name(),
              spec.description(),
              scores,
              test.labels(),
              atHalf,
              atOptimal,
              tuned,
              atTuned,
              seconds));
    }
    return new DemoResult(models, train.rows(), test.rows());
  }
}

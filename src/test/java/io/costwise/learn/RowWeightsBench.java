package io.costwise.learn;

import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What row weights cost the fast engine: seconds per epoch on synthetic rows, one unit, SGD, batch
 * 32, unweighted and weighted, alternating runs so that the machine's load drifts over both alike.
 * Each run trains 4 epochs and reports the median of the last 3 (the first includes the JIT's
 * warm-up), by the wall clock and by the training thread's processor time (one unit at batch 32
 * steps on one thread), which a loaded machine disturbs less. Not a test (it asserts nothing and
 * takes minutes); run after {@code mvn -o test-compile}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:target/lib/* io.costwise.learn.RowWeightsBench \
 *     [ROWS [COLUMNS [PAIRS]]]
 * </pre>
 */
final class RowWeightsBench {
  private RowWeightsBench() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int columns = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Dataset data = TestData.linear(rows, columns, 1);
    RowWeights weights =
        new RowWeights(
            RowWeights.normalised(AsymmetricCostLossTest.logUniformWeights(rows, 2)),
            Optional.empty());
    TrainingConfig plain =
        Configs.of("epochs", "4", "batch_size", "32", "optimizer", "sgd", "engine", "fast");
    TrainingConfig weighted =
        Configs.of(
            "loss_function_type",
            "weighted_builtin",
            "epochs",
            "4",
            "batch_size",
            "32",
            "optimizer",
            "sgd",
            "engine",
            "fast");
    for (int pair = 0; pair < pairs; pair++) {
      report("unweighted", plain, data, null);
      report("weighted  ", weighted, data, weights);
    }
  }

  private static void report(
      String label, TrainingConfig config, Dataset data, RowWeights weights) {
    List<Long> millis = new ArrayList<>();
    List<Long> cpuMillis = new ArrayList<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] cpuBefore = {threads.getCurrentThreadCpuTime()};
    Trainer trainer =
        new Trainer(
            config,
            r -> {
              long now = threads.getCurrentThreadCpuTime();
              cpuMillis.add((now - cpuBefore[0]) / 1_000_000);
              millis.add(r.millis());
              // The validation-free epoch report is the last thing of an epoch: the next starts
              // here.
              cpuBefore[0] = threads.getCurrentThreadCpuTime();
            },
            () -> false);
    if (weights == null) {
      trainer.train(data, Optional.empty(), Optional.empty());
    } else {
      trainer.train(data, Optional.empty(), weights, Optional.empty());
    }
    System.out.printf(
        "%s wall %s ms, median of the last 3 %.3f s; processor %s ms, median %.3f s%n",
        label, millis, medianAfterFirst(millis), cpuMillis, medianAfterFirst(cpuMillis));
  }

  private static double medianAfterFirst(List<Long> millis) {
    List<Long> last = new ArrayList<>(millis.subList(1, millis.size()));
    last.sort(null);
    return last.get(last.size() / 2) / 1000.0;
  }
}

package io.costwise.data;

import io.costwise.cost.ColumnRef;
import io.costwise.cost.CostColumns;
import io.costwise.cost.CostModel;
import io.costwise.cost.Outcome;
import io.costwise.evaluation.OutcomeValues;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * How much reading two cost columns costs: a 1,000,000 × 30 CSV read plain, and with two more
 * columns read as costs and as features. Prints, asserts nothing; not a test, so no suite runs it.
 *
 * <p>{@code java -cp target/classes:target/test-classes:$(deps)
 * io.costwise.data.CostColumnsReadBenchmark [ROWS] [RUNS]}. Reads are single-threaded (one file),
 * so the reading thread's CPU time is the figure that a shared, loaded machine disturbs least; wall
 * time is printed too. The cost overload is called reflectively so that the same source also
 * compiles against a reader without it, to time the plain read before and after.
 */
public final class CostColumnsReadBenchmark {
  private static final int FEATURES = 30;

  private CostColumnsReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path dir = Files.createTempDirectory("costwise-bench");
    Path plain = dir.resolve("plain.csv");
    Path withCosts = dir.resolve("costs.csv");
    write(plain, rows, false);
    write(withCosts, rows, true);
    System.out.printf(
        Locale.ROOT,
        "%,d rows x %d features: %,d bytes plain, %,d bytes with 2 cost columns%n",
        rows,
        FEATURES,
        Files.size(plain),
        Files.size(withCosts));
    Method costOverload = costOverload();
    CostModel costs =
        new CostModel(
            new OutcomeValues(0, 0, 0, 0, "USD"),
            new CostColumns(
                Map.of(
                    Outcome.FALSE_POSITIVE, ColumnRef.parse("C_FP"),
                    Outcome.FALSE_NEGATIVE, ColumnRef.parse("C_FN"))));
    List<String> names = new ArrayList<>(List.of("plain", "32 columns as features"));
    if (costOverload != null) {
      names.add("30 features + 2 cost columns");
    }
    long[][] cpu = new long[names.size()][runs];
    long[][] wall = new long[names.size()][runs];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // Two warm-up rounds, then the runs; the kinds alternate within each round.
    for (int round = -2; round < runs; round++) {
      for (int kind = 0; kind < names.size(); kind++) {
        System.gc();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ChannelReader reader = new ChannelReader(Long.MAX_VALUE, dir, 1);
        Dataset data =
            switch (kind) {
              case 0 -> reader.read("bench", List.of(plain), OptionalInt.empty());
              case 1 -> reader.read("bench", List.of(withCosts), OptionalInt.empty());
              default ->
                  (Dataset)
                      costOverload.invoke(
                          reader, "bench", List.of(withCosts), OptionalInt.empty(), costs);
            };
        if (data.rows() != rows) {
          throw new IllegalStateException("read " + data.rows() + " rows");
        }
        if (round >= 0) {
          wall[kind][round] = System.nanoTime() - start;
          cpu[kind][round] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
      }
    }
    for (int kind = 0; kind < names.size(); kind++) {
      System.out.printf(
          Locale.ROOT,
          "%-30s median CPU %6.3f s (min %6.3f), median wall %6.3f s%n",
          names.get(kind),
          median(cpu[kind]),
          min(cpu[kind]),
          median(wall[kind]));
    }
    Files.delete(plain);
    Files.delete(withCosts);
    Files.delete(dir);
  }

  private static Method costOverload() {
    try {
      return ChannelReader.class.getMethod(
          "read", String.class, List.class, OptionalInt.class, CostModel.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** As bench/SyntheticCsv.java writes it, and optionally C_FP and C_FN after the features. */
  private static void write(Path file, int rows, boolean costs) throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      StringBuilder line = new StringBuilder();
      out.write("label");
      for (int c = 0; c < FEATURES; c++) {
        out.write(",x" + c);
      }
      out.write(costs ? ",C_FP,C_FN\n" : "\n");
      double[] x = new double[FEATURES];
      for (int r = 0; r < rows; r++) {
        double z = 0;
        for (int c = 0; c < FEATURES; c++) {
          x[c] = 10 + c + 3 * gaussian(random);
          z += (c % 3 == 0 ? 0.4 : -0.1) * (x[c] - 10 - c);
        }
        line.setLength(0);
        line.append(z + gaussian(random) > 0 ? 1 : 0);
        for (double v : x) {
          line.append(',').append(Math.round(v * 1e4) / 1e4);
        }
        if (costs) {
          // Money: a call of 1 to 3, a missed sale of 0 to 500, in cents.
          line.append(',').append(Math.round(100 + random.nextDouble() * 200) / 100.0);
          line.append(',').append(Math.round(random.nextDouble() * 50_000) / 100.0);
        }
        out.write(line.append('\n').toString());
      }
    }
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e9;
  }

  private static double min(long[] nanos) {
    return Arrays.stream(nanos).min().orElse(0) / 1e9;
  }
}

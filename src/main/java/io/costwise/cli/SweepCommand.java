package io.costwise.cli;

import io.costwise.config.OptimizerType;
import io.costwise.data.BundledData;
import io.costwise.data.ChannelReader;
import io.costwise.data.Dataset;
import io.costwise.experiment.Sweep;
import io.costwise.experiment.SweepOutput;
import io.costwise.experiment.SweepRow;
import io.costwise.experiment.SweepSettings;
import io.costwise.experiment.SweepTable;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code costwise sweep}: which training cost ratio pays best, with cross-validated error bars. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Train the cost loss over a grid of fn_cost/fp_cost ratios with stratified k-fold"
          + " cross-validation and report expected value (mean ± sd), false negatives and false"
          + " positives per ratio, at threshold 0.5 and at the cost-optimal threshold. Writes"
          + " sweep.json and sweep.png."
    })
final class SweepCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      paramLabel = "CSV",
      description = "Label-first CSV file(s) (default: the bundled WDBC).")
  List<Path> data;

  @Option(
      names = "--min-ratio",
      paramLabel = "R",
      description = "Smallest ratio (default: ${DEFAULT-VALUE}).")
  double minRatio = 1;

  @Option(
      names = "--max-ratio",
      paramLabel = "R",
      description = "Largest ratio (default: ${DEFAULT-VALUE}).")
  double maxRatio = 500;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description = "Ratios, log-spaced (default: ${DEFAULT-VALUE}).")
  int steps = 10;

  @Option(
      names = "--ratios",
      split = ",",
      paramLabel = "R",
      description = "Explicit ratios instead of a log-spaced grid, e.g. 1,5,200.")
  double[] ratios;

  @Option(
      names = "--folds",
      paramLabel = "K",
      description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of folds and models (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "Epochs per model (default: ${DEFAULT-VALUE}).")
  int epochs = 50;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Rows per step (default: ${DEFAULT-VALUE}).")
  int batchSize = 32;

  @Option(
      names = "--learning-rate",
      paramLabel = "LR",
      description = "Step size (default: ${DEFAULT-VALUE}).")
  double learningRate = 0.01;

  @Option(
      names = "--optimizer",
      paramLabel = "NAME",
      description = "SGD or ADAM (default: ${DEFAULT-VALUE}).")
  OptimizerType optimizer = OptimizerType.SGD;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write sweep.json and sweep.png (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("costwise-sweep");

  @Mixin OutcomeValueOptions valueOptions;

  @Override
  public Integer call() throws Exception {
    SweepSettings settings =
        new SweepSettings(
            ratios != null ? ratios : SweepSettings.logSpaced(minRatio, maxRatio, steps),
            folds,
            seed,
            epochs,
            batchSize,
            learningRate,
            optimizer,
            valueOptions.values());
    Dataset dataset =
        data == null
            ? BundledData.wdbc()
            : new ChannelReader().read("data", data, OptionalInt.empty());
    List<SweepRow> rows = new Sweep(settings, System.out::println).run(dataset);
    System.out.println();
    System.out.print(SweepTable.render(rows, settings.values().unit()));
    for (Path file : SweepOutput.write(out, settings, rows)) {
      System.out.println("wrote " + file);
    }
    return 0;
  }
}

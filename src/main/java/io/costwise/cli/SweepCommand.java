package io.costwise.cli;

import io.costwise.config.Hyperparameter;
import io.costwise.config.Hyperparameters;
import io.costwise.data.BundledData;
import io.costwise.data.ChannelReader;
import io.costwise.data.Dataset;
import io.costwise.experiment.Sweep;
import io.costwise.experiment.SweepOutput;
import io.costwise.experiment.SweepResult;
import io.costwise.experiment.SweepSettings;
import io.costwise.experiment.SweepTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code costwise sweep}: which training cost ratio pays best, with cross-validated error bars. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Train the cost loss over a grid of fn_cost/fp_cost ratios with stratified k-fold"
          + " cross-validation and report expected value (mean ± sd), false negatives and false"
          + " positives per ratio, at threshold 0.5 and at the cost-optimal threshold. Writes"
          + " sweep.json, report.html and sweep.png."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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
      description = "Epochs per model (default: the hyperparameter table's, 50).")
  String epochs;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Rows per step (default: the hyperparameter table's, 32).")
  String batchSize;

  @Option(
      names = "--learning-rate",
      paramLabel = "LR",
      description = "Step size (default: the hyperparameter table's, 0.01).")
  String learningRate;

  @Option(
      names = "--optimizer",
      paramLabel = "NAME",
      description = "sgd or adam (default: the hyperparameter table's, sgd).")
  String optimizer;

  @Option(
      names = {"-H", "--hyperparameter"},
      paramLabel = "KEY=VALUE",
      description =
          "Any other training hyperparameter, as in hyperparameters.json, e.g. -H"
              + " hidden_layers=16,8 -H engine=dl4j (repeatable; loss and costs are the sweep's).")
  Map<String, String> hyperparameters = new LinkedHashMap<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where to write sweep.json, report.html and sweep.png (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("costwise-sweep");

  @Mixin OutcomeValueOptions valueOptions;

  @Override
  public Integer call() throws Exception {
    Map<String, String> given = new LinkedHashMap<>(hyperparameters);
    given.put(Hyperparameter.SEED.key(), Long.toString(seed));
    putIfGiven(given, Hyperparameter.EPOCHS, epochs);
    putIfGiven(given, Hyperparameter.BATCH_SIZE, batchSize);
    putIfGiven(given, Hyperparameter.LEARNING_RATE, learningRate);
    putIfGiven(given, Hyperparameter.OPTIMIZER, optimizer);
    checkGrid();
    SweepSettings settings =
        new SweepSettings(
            ratios != null ? ratios : SweepSettings.logSpaced(minRatio, maxRatio, steps),
            folds,
            Hyperparameters.defaults().with(given).trainingConfig(),
            valueOptions.values());
    settings.values().costOptimalThreshold(); // a degenerate value table fails before any training
    Dataset dataset =
        data == null
            ? BundledData.wdbc()
            : new ChannelReader().read("data", data, OptionalInt.empty());
    SweepResult result = new Sweep(settings, System.out::println).run(dataset);
    System.out.println();
    System.out.print(SweepTable.render(result.rows(), settings.values().unit()));
    for (Path file :
        SweepOutput.write(out, settings, result, LocalDate.now(ZoneOffset.UTC).toString())) {
      System.out.println("wrote " + file);
    }
    return 0;
  }

  /** The grid's mistakes as usage errors, before any data is read. */
  private void checkGrid() {
    if (folds < 2) {
      throw new ParameterException(
          spec.commandLine(), "--folds must be at least 2 (it is " + folds + ").");
    }
    if (ratios != null) {
      for (double ratio : ratios) {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
          throw new ParameterException(
              spec.commandLine(),
              "--ratios must be positive finite numbers; " + ratio + " is not.");
        }
      }
    } else if (!(minRatio > 0) || !(maxRatio >= minRatio) || Double.isInfinite(maxRatio)) {
      throw new ParameterException(
          spec.commandLine(),
          "--min-ratio and --max-ratio must be positive finite numbers with min <= max (they are "
              + minRatio
              + " and "
              + maxRatio
              + ").");
    } else if (steps < 1) {
      throw new ParameterException(
          spec.commandLine(), "--steps must be at least 1 (it is " + steps + ").");
    }
  }

  private static void putIfGiven(Map<String, String> map, Hyperparameter key, String value) {
    if (value != null) {
      map.put(key.key(), value);
    }
  }
}

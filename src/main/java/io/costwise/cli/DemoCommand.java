package io.costwise.cli;

import io.costwise.config.Hyperparameters;
import io.costwise.cost.CostModel;
import io.costwise.data.BundledData;
import io.costwise.evaluation.OutcomeValues;
import io.costwise.experiment.BankMarketingDemo;
import io.costwise.experiment.BankMarketingReport;
import io.costwise.experiment.Demo;
import io.costwise.experiment.DemoReport;
import io.costwise.experiment.DemoResult;
import io.costwise.experiment.DemoTable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code costwise demo}: the reference experiment on the bundled breast-cancer data. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Train builtin, 5:1 and medical (200:1) models on a seeded, stratified 75/25 split of the"
          + " bundled WDBC data, print a side-by-side comparison, and write report.html and"
          + " summary.json."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the report (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("costwise-demo");

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the split and the models (default: ${DEFAULT-VALUE}).")
  long seed = Demo.DEFAULT_SEED;

  @Mixin OutcomeValueOptions valueOptions;

  @Override
  public Integer call() throws Exception {
    OutcomeValues values = valueOptions.values();
    values.costOptimalThreshold(); // a degenerate value table fails before any training
    DemoResult result = new Demo(values, seed, System.out::println).run(BundledData.wdbc());
    System.out.println();
    System.out.print(DemoTable.render(result, values.unit(), values.costOptimalThreshold()));
    for (Path file : DemoReport.write(out, result, values)) {
      System.out.println("wrote " + file);
    }

    System.out.println();
    System.out.println(
        "Second experiment: bank marketing, where every case has its own costs (a call costs"
            + " EUR 1, a missed subscriber the margin on a quarter of their balance).");
    CostModel bankCosts =
        Hyperparameters.defaults().with(BankMarketingDemo.COST_COLUMNS).evaluationConfig().costs();
    List<BankMarketingDemo.Outcome> outcomes =
        new BankMarketingDemo(seed, System.out::println)
            .run(BundledData.bankMarketing(bankCosts), BundledData.bankMarketingTestRows());
    System.out.println();
    System.out.print(BankMarketingReport.table(outcomes));
    for (Path file : BankMarketingReport.write(out.resolve("bank-marketing"), outcomes)) {
      System.out.println("wrote " + file);
    }
    return 0;
  }
}

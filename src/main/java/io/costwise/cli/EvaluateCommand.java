package io.costwise.cli;

import io.costwise.artifact.SavedModel;
import io.costwise.evaluation.ClassificationReportText;
import io.costwise.evaluation.Evaluation;
import io.costwise.experiment.ModelEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code costwise evaluate}: a saved model and labelled data in, the training report out. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Evaluate a trained model (the folder train wrote, or its model.tar.gz) on label-first CSV"
          + " data and write evaluation.json, report.html and the charts, as train does."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      required = true,
      paramLabel = "PATH",
      description = "Model folder or model.tar.gz.")
  Path model;

  @Parameters(
      arity = "1..*",
      paramLabel = "CSV",
      description = "Labelled data: label first, then the model's features.")
  List<Path> data;

  @Option(
      names = "--threshold",
      paramLabel = "RULE",
      description =
          "Decision: a probability from 0 to 1, cost_optimal or bayes_risk (default: the"
              + " model's).")
  String threshold;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the report (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("costwise-evaluation");

  @Mixin OutcomeValueOptions valueOptions;

  @Override
  public Integer call() throws Exception {
    Path scratch = Files.createTempDirectory("costwise-model");
    try {
      SavedModel saved = SavedModel.open(model, scratch);
      ModelEvaluation.Result result =
          ModelEvaluation.run(
              saved, data, Optional.ofNullable(threshold), valueOptions.valuesIfGiven(), out);
      Evaluation e = result.evaluation();
      System.out.print(ClassificationReportText.toText(e.report()));
      System.out.printf(
          Locale.ROOT,
          "%n%s: TN %d, FP %d, FN %d, TP %d; AUC %.4f; expected value %,.2f %s per case%n",
          e.perCaseDecisions() ? "each case's minimum-risk decision" : "threshold " + e.threshold(),
          e.matrix().tn(),
          e.matrix().fp(),
          e.matrix().fn(),
          e.matrix().tp(),
          e.roc().auc(),
          e.expectedValuePerCase(),
          e.values().unit());
      System.out.printf(
          Locale.ROOT,
          "cost %,.2f %s (%,.2f per case); flag nobody %,.2f, flag everyone %,.2f; savings %.4f%n",
          e.costs().total(),
          e.values().unit(),
          e.costs().perCase(),
          e.costs().flagNobody(),
          e.costs().flagEveryone(),
          e.costs().savings());
      result.files().forEach(file -> System.out.println("wrote " + file));
      return 0;
    } finally {
      try (var files = Files.walk(scratch)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

package io.costwise.cli;

import io.costwise.evaluation.OutcomeValues;
import picocli.CommandLine.Option;

/** The value of each outcome, as command-line options; defaults are the reference's QALY table. */
final class OutcomeValueOptions {
  @Option(
      names = "--value-tn",
      paramLabel = "V",
      description = "Value of a true negative (default: ${DEFAULT-VALUE}).")
  double trueNegative = OutcomeValues.reference().trueNegative();

  @Option(
      names = "--value-fp",
      paramLabel = "V",
      description = "Value of a false positive (default: ${DEFAULT-VALUE}).")
  double falsePositive = OutcomeValues.reference().falsePositive();

  @Option(
      names = "--value-tp",
      paramLabel = "V",
      description = "Value of a true positive (default: ${DEFAULT-VALUE}).")
  double truePositive = OutcomeValues.reference().truePositive();

  @Option(
      names = "--value-fn",
      paramLabel = "V",
      description = "Value of a false negative (default: ${DEFAULT-VALUE}).")
  double falseNegative = OutcomeValues.reference().falseNegative();

  @Option(
      names = "--value-unit",
      paramLabel = "UNIT",
      description = "Unit of the values (default: ${DEFAULT-VALUE}).")
  String unit = OutcomeValues.reference().unit();

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec spec;

  OutcomeValues values() {
    return new OutcomeValues(trueNegative, falsePositive, falseNegative, truePositive, unit);
  }

  /** The values, only if any value option was given on the command line. */
  java.util.Optional<OutcomeValues> valuesIfGiven() {
    boolean given =
        spec.commandLine().getParseResult().matchedOptions().stream()
            .anyMatch(option -> option.longestName().startsWith("--value-"));
    return given ? java.util.Optional.of(values()) : java.util.Optional.empty();
  }
}

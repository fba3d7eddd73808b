package io.costwise.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code costwise} command line: one subcommand per SageMaker mode and tool. */
@Command(
    name = "costwise",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Train, evaluate and serve binary classifiers whose errors have unequal costs.",
    subcommands = {
      TrainCommand.class,
      DemoCommand.class,
      SweepCommand.class,
      EvaluateCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CostwiseCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  public static void main(String[] args) {
    // Charts are drawn into images; never look for a display, even where DISPLAY is set.
    System.setProperty("java.awt.headless", "true");
    System.exit(commandLine().execute(args));
  }

  /** The command line with its {@link ErrorPolicy}; tests run commands through it. */
  static CommandLine commandLine() {
    return new CommandLine(new CostwiseCommand()).setExecutionExceptionHandler(new ErrorPolicy());
  }
}

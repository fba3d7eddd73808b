package io.costwise.cli;

import io.costwise.error.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one error policy of every command: a user's mistake ({@link InvalidInputException} and its
 * subclasses) is one line, {@code costwise <command>: <sentence>}, on stderr and exit code 1, with
 * no stack trace; anything else is a bug and keeps its stack trace (picocli prints it, exit code
 * 1).
 *
 * <p>{@code train} never gets here with a user's mistake: the training job writes the sentence to
 * its log and the failure file and returns its exit code itself.
 */
final class ErrorPolicy implements IExecutionExceptionHandler {
  /** Exit code of a command that failed on the user's input. */
  static final int INVALID_INPUT = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed)
      throws Exception {
    if (e instanceof InvalidInputException) {
      command.getErr().println("costwise " + command.getCommandName() + ": " + e.getMessage());
      command.getErr().flush();
      return INVALID_INPUT;
    }
    throw e;
  }
}

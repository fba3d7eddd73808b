package io.costwise.train;

import java.nio.file.Path;
import java.util.Optional;

/** The failure-file sentences for failures that are not the user's input. */
final class Failures {
  private Failures() {}

  static String stopped(int epochsDone, Optional<Path> checkpointDir) {
    return "Training was stopped by SIGTERM (StopTrainingJob or a spot interruption) after "
        + epochsDone
        + " complete epochs; "
        + checkpointDir
            .map(
                dir ->
                    "the checkpoint of the last complete epoch is in "
                        + dir
                        + " and a restart resumes from it.")
            .orElse("checkpointing was off (no checkpoint_s3_uri), so a new job starts over.");
  }

  static String stoppedWhileReading() {
    return "Training was stopped by SIGTERM (StopTrainingJob or a spot interruption) while the"
        + " channels were still being read, before any epoch; nothing was trained or saved, so a"
        + " new job starts over.";
  }

  static String outOfMemory(OutOfMemoryError e) {
    return "Training ran out of memory ("
        + e.getMessage()
        + "); use an instance type with more memory or a smaller batch_size, or raise the Java"
        + " heap with the environment variable JAVA_TOOL_OPTIONS=-Xmx<size>.";
  }

  static String internal(Throwable e) {
    return "Training failed with an internal error ("
        + e.getClass().getName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage())
        + "); this is not a problem with your data or hyperparameters, the stack trace is in the"
        + " job's log, please report it.";
  }
}

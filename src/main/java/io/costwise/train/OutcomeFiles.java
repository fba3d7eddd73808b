package io.costwise.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes SageMaker's {@code success} and {@code failure} files.
 *
 * <p>The first failure wins: a failure file that already exists is never overwritten (the training
 * toolkit's rule), so the root cause is not replaced by a consequence such as the stop that
 * followed it. The message is cut to SageMaker's 1,024 characters.
 *
 * <p>"First" means first in this run: SageMaker never reuses an {@code /opt/ml} folder, but a local
 * {@code --base-dir} often is, so a job starts by removing the outcome files an earlier run left
 * (with a log line); otherwise an old {@code failure} would sit next to the new {@code success}.
 */
final class OutcomeFiles {
  static final int MAX_FAILURE_CHARS = 1024;

  private final Path success;
  private final Path failure;

  OutcomeFiles(Path success, Path failure) {
    this.success = success;
    this.failure = failure;
  }

  /** Removes a {@code success} or {@code failure} left by an earlier run; returns those removed. */
  List<Path> removeEarlierOutcome() {
    List<Path> removed = new ArrayList<>();
    for (Path file : List.of(success, failure)) {
      try {
        if (Files.deleteIfExists(file)) {
          removed.add(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return removed;
  }

  boolean failureExists() {
    return Files.exists(failure);
  }

  void writeSuccess() {
    try {
      Files.createDirectories(success.getParent());
      Files.writeString(success, "", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the reason unless a failure file exists; returns whether this call wrote it. */
  synchronized boolean writeFailure(String reason) {
    String text =
        reason.length() <= MAX_FAILURE_CHARS
            ? reason
            : reason.substring(0, MAX_FAILURE_CHARS - 3) + "...";
    try {
      Files.createDirectories(failure.getParent());
      Files.writeString(failure, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeFilesTest {
  @TempDir Path dir;

  private OutcomeFiles files() {
    return new OutcomeFiles(dir.resolve("output/success"), dir.resolve("output/failure"));
  }

  @Test
  void theFirstFailureWins() throws Exception {
    OutcomeFiles files = files();
    assertTrue(files.writeFailure("first"));
    assertFalse(files.writeFailure("second"));
    assertEquals("first", Files.readString(dir.resolve("output/failure")));
    assertTrue(files.failureExists());
  }

  @Test
  void longReasonsAreCutToSageMakersLimit() throws Exception {
    files().writeFailure("x".repeat(2000));
    String written = Files.readString(dir.resolve("output/failure"));
    assertEquals(1024, written.length());
    assertTrue(written.endsWith("..."));
  }

  @Test
  void successCreatesTheFolderAndAnEmptyFile() throws Exception {
    files().writeSuccess();
    assertEquals(0, Files.size(dir.resolve("output/success")));
  }
}

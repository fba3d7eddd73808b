package io.costwise.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.config.TrainingConfig;
import io.costwise.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged newest checkpoint — as a half-finished S3 sync leaves it — is skipped, and the run
 * resumes from the newest intact one and still ends with the uninterrupted run's model.
 */
class CheckpointStoreTest {
  private static final Dataset TRAIN = TestData.linear(200, 4, 5);
  private static final TrainingConfig CONFIG = Configs.of("epochs", "5", "optimizer", "adam");

  private static double[] uninterrupted() {
    return new Trainer(CONFIG, r -> {}, () -> false)
        .train(TRAIN, Optional.empty(), Optional.empty())
        .network()
        .parameters();
  }

  /** Checkpoints after epochs 2 and 3 (the newest two kept), then the damage, then a resume. */
  private static TrainingResult resumeAfter(Path dir, Consumer<Path> damageNewest) {
    CheckpointStore store = new CheckpointStore(dir, "fp");
    new Trainer(Configs.of("epochs", "3", "optimizer", "adam"), r -> {}, () -> false)
        .train(TRAIN, Optional.empty(), Optional.of(store));
    assertEquals(2, store.list().size());
    damageNewest.accept(store.list().get(1));
    return new Trainer(CONFIG, r -> {}, () -> false)
        .train(TRAIN, Optional.empty(), Optional.of(store));
  }

  @Test
  void aTruncatedStateFileIsSkipped(@TempDir Path dir) {
    TrainingResult result =
        resumeAfter(dir, newest -> rewrite(newest.resolve(CheckpointStore.STATE_FILE), 0.5));
    assertEquals(2, result.resumedAfterEpochs());
    assertArrayEquals(uninterrupted(), result.network().parameters(), 0.0);
  }

  @Test
  void garbageMetadataIsSkipped(@TempDir Path dir) {
    TrainingResult result =
        resumeAfter(
            dir, newest -> write(newest.resolve(CheckpointStore.METADATA_FILE), "{\"epochsDo"));
    assertEquals(2, result.resumedAfterEpochs());
    assertArrayEquals(uninterrupted(), result.network().parameters(), 0.0);
  }

  @Test
  void aMissingFileIsSkipped(@TempDir Path dir) {
    TrainingResult result =
        resumeAfter(dir, newest -> delete(newest.resolve(CheckpointStore.STATE_FILE)));
    assertEquals(2, result.resumedAfterEpochs());
    assertArrayEquals(uninterrupted(), result.network().parameters(), 0.0);
  }

  @Test
  void aFlippedByteFailsTheChecksum(@TempDir Path dir) {
    TrainingResult result =
        resumeAfter(
            dir,
            newest -> {
              Path state = newest.resolve(CheckpointStore.STATE_FILE);
              byte[] bytes = read(state);
              bytes[bytes.length / 2] ^= 0x10;
              write(state, bytes);
            });
    assertEquals(2, result.resumedAfterEpochs());
  }

  @Test
  void whenEveryCheckpointIsDamagedTrainingStartsAfresh(@TempDir Path dir) {
    CheckpointStore store = new CheckpointStore(dir, "fp");
    new Trainer(Configs.of("epochs", "2", "optimizer", "adam"), r -> {}, () -> false)
        .train(TRAIN, Optional.empty(), Optional.of(store));
    store.list().forEach(folder -> rewrite(folder.resolve(CheckpointStore.STATE_FILE), 0.1));
    TrainingResult result =
        new Trainer(CONFIG, r -> {}, () -> false)
            .train(TRAIN, Optional.empty(), Optional.of(store));
    assertEquals(0, result.resumedAfterEpochs());
    assertArrayEquals(uninterrupted(), result.network().parameters(), 0.0);
  }

  @Test
  void aPartialFolderFromAKilledWriteIsIgnored(@TempDir Path dir) throws IOException {
    CheckpointStore store = new CheckpointStore(dir, "fp");
    new Trainer(Configs.of("epochs", "2", "optimizer", "adam"), r -> {}, () -> false)
        .train(TRAIN, Optional.empty(), Optional.of(store));
    Files.createDirectories(dir.resolve(".epoch-000003.partial"));
    assertTrue(store.list().stream().noneMatch(p -> p.toString().contains("partial")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(3, files.count());
    }
  }

  private static void rewrite(Path file, double keep) {
    byte[] bytes = read(file);
    write(file, Arrays.copyOf(bytes, (int) (bytes.length * keep)));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void write(Path file, Object content) {
    try {
      if (content instanceof byte[] bytes) {
        Files.write(file, bytes);
      } else {
        Files.writeString(file, (String) content);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

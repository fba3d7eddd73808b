package io.costwise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipe mode: the channel is a FIFO that can be read once, forwards, and has no size. */
class ChannelReaderFifoTest {
  @TempDir Path dir;

  @Test
  void readsGzipFromAFifoWrittenInPieces() throws Exception {
    Path fifo = makeFifo(dir.resolve("train_0"));
    byte[] first = TestFiles.gzip("label,a\n1,1.5\n");
    byte[] second = TestFiles.gzip("label,a\n0,2.5\n");
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                // Pauses between the pieces: a reader that trusted available() would stop early.
                out.write(first, 0, 1);
                out.flush();
                Thread.sleep(50);
                out.write(first, 1, first.length - 1);
                out.flush();
                Thread.sleep(50);
                out.write(second);
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    Dataset data = new ChannelReader().read("train", List.of(fifo), OptionalInt.empty());

    writer.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("a"), data.featureNames());
    assertArrayEquals(new double[] {1.5, 2.5}, data.featuresRowMajor());
    assertArrayEquals(new int[] {1, 0}, data.labels());
    assertEquals(TestFiles.sha256(first, second), data.sha256());
  }

  @Test
  void readsPlainCsvFromAFifo() throws Exception {
    Path fifo = makeFifo(dir.resolve("validation_0"));
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try {
                Files.writeString(fifo, "1,1,2\r\n0,3,4\r\n", StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    Dataset data = new ChannelReader().read("validation", List.of(fifo), OptionalInt.of(2));

    writer.get(10, TimeUnit.SECONDS);
    assertArrayEquals(new double[] {1, 2, 3, 4}, data.featuresRowMajor());
  }

  private static Path makeFifo(Path path) throws InterruptedException {
    int exit;
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      exit = mkfifo.waitFor(10, TimeUnit.SECONDS) ? mkfifo.exitValue() : -1;
    } catch (IOException e) {
      exit = -1;
    }
    assumeTrue(exit == 0, "mkfifo is not available here");
    return path;
  }
}

package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyChunksTest {
  /** A stream that gives at most 3 bytes a read, as a slow socket does. */
  private static InputStream trickle(byte[] body) {
    return new ByteArrayInputStream(body) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 3));
      }
    };
  }

  /** Every chunk of whole lines, as text. */
  private static List<String> chunks(InputStream in, long declared, int chunkBytes)
      throws IOException {
    BodyChunks chunks = new BodyChunks(in, declared, chunkBytes);
    List<String> out = new ArrayList<>();
    while (chunks.next()) {
      out.add(
          new String(
              chunks.bytes(),
              chunks.start(),
              chunks.linesEnd() - chunks.start(),
              StandardCharsets.US_ASCII));
      chunks.consumed(chunks.linesEnd());
    }
    return out;
  }

  @Test
  void chunksAreWholeLinesAndTogetherTheBody() throws IOException {
    String body = "1,2\n3,4\n5,6\n7,8\n9,10\nlast";
    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
    for (long declared : new long[] {bytes.length, -1}) {
      List<String> chunks = chunks(trickle(bytes), declared, 10);
      assertEquals(body, String.join("", chunks));
      for (int i = 0; i < chunks.size() - 1; i++) {
        assertTrue(chunks.get(i).endsWith("\n"), chunks.toString());
        assertTrue(chunks.get(i).length() <= 10, chunks.toString());
      }
    }
    // A small body of known length is one chunk.
    assertEquals(List.of(body), chunks(new ByteArrayInputStream(bytes), bytes.length, 1 << 20));
  }

  @Test
  void aLineLongerThanAChunkGrowsTheBuffer() throws IOException {
    String body = "1\n" + "2".repeat(100) + "\n3\n";
    List<String> chunks = chunks(trickle(body.getBytes(StandardCharsets.US_ASCII)), -1, 8);
    assertEquals(body, String.join("", chunks));
    // The long line is in one chunk, whole, and every chunk ends at a line end.
    assertTrue(
        chunks.stream()
            .anyMatch(
                c ->
                    c.contains("\n" + "2".repeat(100) + "\n")
                        || c.startsWith("2".repeat(100) + "\n")),
        chunks.toString());
    assertTrue(chunks.stream().allMatch(c -> c.endsWith("\n")), chunks.toString());
  }

  @Test
  void anEmptyBodyHasNoChunk() throws IOException {
    assertFalse(new BodyChunks(new ByteArrayInputStream(new byte[0]), 0, 16).next());
  }

  @Test
  void readAllReadsWhateverTheDeclaredLength() throws IOException {
    byte[] body = new byte[200_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    for (long declared : new long[] {-1, 10, body.length, 10L * body.length}) {
      BodyChunks.Whole whole = BodyChunks.readAll(new ByteArrayInputStream(body), declared);
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      read.write(whole.bytes(), 0, whole.length());
      assertArrayEquals(body, read.toByteArray(), "declared " + declared);
    }
  }
}

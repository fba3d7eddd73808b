package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.sagemaker.ContentTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Body sizes in long arithmetic, and 413 as soon as a body passes the limit. */
class BodyReaderTest {
  private static BodyReader reader(long maxPayload) {
    return new BodyReader(
        new ServingSettings(
            0, maxPayload, ContentTypes.CSV, false, "MULTI_RECORD", 2, OutputField.DEFAULT, 4));
  }

  /** An endless body of '1' bytes that counts what was read from it. */
  private static final class Endless extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return '1';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = Math.min(len, 8192);
      java.util.Arrays.fill(b, off, off + n, (byte) '1');
      read += n;
      return n;
    }
  }

  @Test
  void growthPastOneGibibyteStaysAPositiveArraySize() {
    long limit = 2048L << 20; // SAGEMAKER_MAX_PAYLOAD_IN_MB=2048, past the largest array
    long ceiling = Math.min(limit + 1, BodyReader.MAX_ARRAY_BYTES);
    // The previous reader computed (int) Math.min(2L * (1 << 30), limit + 1) here: -2147483648.
    int next = BodyReader.nextCapacity(1 << 30, 1 << 30, -1, ceiling);
    assertEquals(BodyReader.MAX_ARRAY_BYTES, next);
    // A declared 1.15 GB body grows to its length, then one byte more to see its end.
    long declared = 1_150_000_000L;
    assertEquals(declared, BodyReader.nextCapacity(1 << 30, 1 << 30, declared, ceiling));
    assertEquals(
        declared + 1, BodyReader.nextCapacity((int) declared, (int) declared, declared, ceiling));
  }

  @Test
  void aDeclaredLengthOverTheLimitOrAnyArrayIs413BeforeReading() {
    assertEquals(
        413, assertThrows(ServingException.class, () -> reader(1000).checkDeclared(1001)).status());
    reader(1000).checkDeclared(1000);
    reader(1000).checkDeclared(-1);
    ServingException huge =
        assertThrows(ServingException.class, () -> reader(4096L << 20).checkDeclared(3L << 30));
    assertEquals(413, huge.status());
  }

  @Test
  void aBodyAtTheLimitIsReadAndOneByteMoreIs413() throws IOException {
    BodyReader reader = reader(100_000);
    BodyReader.Body body = reader.read(new ByteArrayInputStream(new byte[100_000]), -1);
    assertEquals(100_000, body.length());
    assertEquals(
        413,
        assertThrows(
                ServingException.class,
                () -> reader.read(new ByteArrayInputStream(new byte[100_001]), -1))
            .status());
  }

  @Test
  void aBodyWithoutLengthIsRefusedOnceItPassesTheLimitNotAtItsEnd() {
    Endless endless = new Endless();
    ServingException e = assertThrows(ServingException.class, () -> reader(1000).read(endless, -1));
    assertEquals(413, e.status());
    assertTrue(endless.read <= 1000 + 8192, "read " + endless.read + " bytes");
  }

  @Test
  void aBatchSizedBufferIsNotKeptByItsThread() throws IOException {
    BodyReader reader = reader(8L << 20);
    BodyReader.Body big = reader.read(new ByteArrayInputStream(new byte[2 << 20]), 2 << 20);
    reader.release(big);
    BodyReader.Body small = reader.read(new ByteArrayInputStream(new byte[10]), 10);
    assertTrue(small.bytes().length <= BodyReader.KEPT_BUFFER_BYTES, "" + small.bytes().length);
  }
}

package io.costwise.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads request bodies into byte arrays, bounded by the payload limit. All sizes are {@code long}:
 * the limit may be 2 GiB or more ({@code SAGEMAKER_MAX_PAYLOAD_IN_MB=2048}), past the largest Java
 * array, and a body that no array can hold is a 413, not an overflowed size.
 */
final class BodyReader {
  /** A body buffer up to this size stays with its thread for the next request; larger ones go. */
  static final int KEPT_BUFFER_BYTES = 1 << 20;

  /** The first allocation for a body of unknown or large length; it doubles as bytes arrive. */
  static final int FIRST_BUFFER_BYTES = 64 * 1024;

  /** The largest array the JVM allocates reliably (a few header words under Integer.MAX_VALUE). */
  static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  /** A body: its first {@code length} bytes. */
  record Body(byte[] bytes, int length) {}

  private final ServingSettings settings;

  /** A reusable body buffer per handler thread, up to {@link #KEPT_BUFFER_BYTES}. */
  private final ThreadLocal<byte[]> buffers =
      ThreadLocal.withInitial(() -> new byte[FIRST_BUFFER_BYTES]);

  BodyReader(ServingSettings settings) {
    this.settings = settings;
  }

  /** 413 before any byte is read when the declared length ({@code -1}: none) is over the limit. */
  void checkDeclared(long declared) {
    if (declared > settings.maxPayloadBytes() || declared > MAX_ARRAY_BYTES) {
      throw ServingException.payloadTooLarge(settings.payloadLimitMessage(declared));
    }
  }

  /**
   * Reads {@code in} to its end (into this thread's buffer when it fits), refusing it (413) as soon
   * as it passes the limit. The buffer grows as bytes arrive, not to the declared length: a client
   * that declares 100 MB and stalls holds only what it sent.
   */
  Body read(InputStream in, long declared) throws IOException {
    long limit = settings.maxPayloadBytes();
    // One byte past the limit shows a body over it, when an array can hold that byte.
    long ceiling = Math.min(limit + 1, MAX_ARRAY_BYTES);
    byte[] buffer = buffers.get();
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (length == MAX_ARRAY_BYTES) {
          if (in.read() < 0) {
            return new Body(buffer, length);
          }
          throw ServingException.payloadTooLarge(settings.payloadLimitMessage(length + 1L));
        }
        buffer = Arrays.copyOf(buffer, nextCapacity(buffer.length, length, declared, ceiling));
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        if (buffer.length <= KEPT_BUFFER_BYTES) {
          buffers.set(buffer);
        }
        return new Body(buffer, length);
      }
      length += n;
      if (length > limit) {
        throw ServingException.payloadTooLarge(settings.payloadLimitMessage(length));
      }
    }
  }

  /**
   * The next buffer size, in {@code long} arithmetic and never above {@code ceiling} (itself at
   * most {@link #MAX_ARRAY_BYTES}): double, but no further than the declared length while it is
   * being read, and one byte more once it is read (to see the end of the stream).
   */
  static int nextCapacity(int capacity, int length, long declared, long ceiling) {
    long grown = Math.max(capacity * 2L, FIRST_BUFFER_BYTES);
    if (declared >= 0 && length < declared) {
      grown = Math.min(grown, declared);
    } else if (declared >= 0) {
      grown = capacity + 1L;
    }
    return (int) Math.min(grown, ceiling);
  }

  /**
   * Lets a batch-sized buffer go rather than keep it per thread (four 95 MB bodies kept 1.2 GB).
   */
  void release(Body body) {
    if (body.bytes().length > KEPT_BUFFER_BYTES) {
      buffers.remove();
    }
  }
}

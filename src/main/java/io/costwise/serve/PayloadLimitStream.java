package io.costwise.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that refuses to go past the payload limit: the read that takes it over throws the
 * 413. For bodies without a Content-Length (chunked), and for bodies longer than they declared; a
 * declared length over the limit is refused before reading. Transport-free, so any HTTP server can
 * wrap its body stream in it.
 */
final class PayloadLimitStream extends FilterInputStream {
  private final ServingSettings settings;
  private long count;

  PayloadLimitStream(InputStream body, ServingSettings settings) {
    super(body);
    this.settings = settings;
  }

  /** The bytes read so far. */
  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    if (skipped > 0) {
      counted(skipped);
    }
    return skipped;
  }

  private void counted(long n) {
    count += n;
    if (count > settings.maxPayloadBytes()) {
      throw ServingException.payloadTooLarge(settings.payloadExceededMessage());
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}

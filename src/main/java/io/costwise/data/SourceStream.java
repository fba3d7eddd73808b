package io.costwise.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One source opened as text: its raw bytes fed to a digest, gunzipped if they are gzip, a UTF-8
 * byte order mark dropped, decoded as UTF-8.
 *
 * <p>It reads strictly forwards and never asks for a size, because in Pipe mode the source is a
 * FIFO. Gzip is recognised by its magic bytes, not by the name: S3 keys often lack the {@code .gz}
 * and a FIFO has no useful name; peeking uses {@link BufferedInputStream#mark}, which works on a
 * FIFO too.
 */
final class SourceStream implements Closeable {
  private static final int BUFFER = 1 << 16;
  private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};
  private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

  private final BufferedInputStream raw;
  private final MemberAwareGzip gzip;
  private final Reader reader;

  private SourceStream(BufferedInputStream raw, MemberAwareGzip gzip, Reader reader) {
    this.raw = raw;
    this.gzip = gzip;
    this.reader = reader;
  }

  /**
   * Opens {@code path}; every byte read from it, compressed or not, also goes to {@code digest}.
   */
  static SourceStream open(Path path, MessageDigest digest) throws IOException {
    // FileInputStream, not Files.newInputStream: on Java 17 the latter's available() asks the
    // channel for its position, which fails on a FIFO with "Illegal seek" (the FIFO test shows it).
    BufferedInputStream raw =
        new BufferedInputStream(
            new DigestInputStream(new FileInputStream(path.toFile()), digest), BUFFER);
    try {
      MemberAwareGzip gzip = startsWith(raw, GZIP_MAGIC) ? new MemberAwareGzip(raw) : null;
      BufferedInputStream text = gzip != null ? new BufferedInputStream(gzip, BUFFER) : raw;
      if (startsWith(text, UTF8_BOM)) {
        text.skipNBytes(UTF8_BOM.length);
      }
      requireText(text, gzip != null);
      return new SourceStream(raw, gzip, new InputStreamReader(text, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  Reader reader() {
    return reader;
  }

  /**
   * Reads whatever the text reader left unread, so the digest covers every byte of the source, and
   * says whether a gzip source had bytes after its last gzip member (a sign of plain and gzip
   * objects mixed in one Pipe-mode stream, which the gzip reader would otherwise drop silently).
   */
  boolean drainAndCheckTrailing() throws IOException {
    byte[] buffer = new byte[BUFFER];
    long left = 0;
    for (int n = raw.read(buffer); n >= 0; n = raw.read(buffer)) {
      left += n;
    }
    return gzip != null && (left > 0 || gzip.leftUnread());
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /**
   * A source whose first bytes hold a control character that no text file has (NUL and the other C0
   * controls except tab, line feed, form feed and carriage return): a binary file (Parquet,
   * RecordIO-protobuf, an image, a zip) that would otherwise be reported as ragged rows.
   */
  static final class NotTextException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int value;
    private final int offset;
    private final boolean gunzipped;

    NotTextException(int value, int offset, boolean gunzipped) {
      super("not text: byte 0x%02x at offset %d".formatted(value, offset));
      this.value = value;
      this.offset = offset;
      this.gunzipped = gunzipped;
    }

    /** The sentence's middle: what was found and where. */
    String found() {
      return "it contains byte 0x%02X at offset %d%s"
          .formatted(value, offset, gunzipped ? " of its gunzipped content" : "");
    }
  }

  /** How far the text check looks: one read of at most this many bytes, never waiting for more. */
  static final int TEXT_CHECK_BYTES = 1024;

  private static void requireText(BufferedInputStream in, boolean gunzipped) throws IOException {
    in.mark(TEXT_CHECK_BYTES);
    byte[] head = new byte[TEXT_CHECK_BYTES];
    // One read: it returns what is there (at least a byte), so a FIFO's slow writer is not waited
    // for any longer than the CSV reader would wait anyway.
    int n = Math.max(0, in.read(head, 0, head.length));
    in.reset();
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xff;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        throw new NotTextException(b, i, gunzipped);
      }
    }
  }

  private static boolean startsWith(BufferedInputStream in, byte[] prefix) throws IOException {
    in.mark(prefix.length);
    byte[] head = in.readNBytes(prefix.length);
    in.reset();
    return Arrays.equals(head, prefix);
  }

  /**
   * A {@link GZIPInputStream} that can tell whether it stopped before the end of its input.
   *
   * <p>After a member, {@code GZIPInputStream} tries to read another one and, if the bytes that
   * follow are not gzip, ends silently, leaving them in the inflater's input. Those bytes are the
   * 8-byte trailer it has just read plus anything it gave up on, so more than 8 means data was
   * dropped.
   */
  private static final class MemberAwareGzip extends GZIPInputStream {
    private static final int TRAILER = 8;

    MemberAwareGzip(BufferedInputStream raw) throws IOException {
      super(new BlockingAvailable(raw), BUFFER);
    }

    boolean leftUnread() {
      return inf.getRemaining() > TRAILER;
    }
  }

  /**
   * Makes {@code available()} wait for the next byte instead of answering 0 while a FIFO's writer
   * is between writes. {@link GZIPInputStream} asks {@code available()} after each member to decide
   * whether another member follows (Pipe mode sends a prefix of {@code .gz} objects as one stream
   * of members); a 0 there would end the data early without an error.
   */
  private static final class BlockingAvailable extends FilterInputStream {
    private final BufferedInputStream buffered;

    BlockingAvailable(BufferedInputStream buffered) {
      super(buffered);
      this.buffered = buffered;
    }

    @Override
    public int available() throws IOException {
      int ready = buffered.available();
      if (ready > 0) {
        return ready;
      }
      buffered.mark(1);
      int next = buffered.read();
      buffered.reset();
      return next < 0 ? 0 : 1;
    }
  }
}

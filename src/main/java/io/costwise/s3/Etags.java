package io.costwise.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An end-to-end check that works with every S3-compatible store: an unencrypted (or SSE-S3)
 * object's ETag is the MD5 of its bytes, and a multipart object's is the MD5 of its parts' MD5s
 * followed by {@code -<parts>}. The SDK's CRC checksums cover the same ground on AWS; this also
 * covers stores that do not return them.
 */
final class Etags {
  private static final Pattern SINGLE = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern MULTIPART = Pattern.compile("[0-9a-f]{32}-(\\d+)");

  private Etags() {}

  /**
   * The ETag {@code file} should have, when it can be known: {@code etag} tells single-part from
   * multipart; a multipart ETag is checkable only if its part count matches {@code partBytes}.
   */
  static Optional<String> expected(Path file, String etag, long partBytes) throws IOException {
    String tag = strip(etag);
    if (SINGLE.matcher(tag).matches()) {
      return Optional.of(HexFormat.of().formatHex(md5Parts(file, Long.MAX_VALUE, false)));
    }
    Matcher multipart = MULTIPART.matcher(tag);
    if (multipart.matches()) {
      long size = Files.size(file);
      long parts = Math.max(1, (size + partBytes - 1) / partBytes);
      if (parts == Long.parseLong(multipart.group(1))) {
        return Optional.of(HexFormat.of().formatHex(md5Parts(file, partBytes, true)) + "-" + parts);
      }
    }
    return Optional.empty();
  }

  static String strip(String etag) {
    return etag == null ? "" : etag.replace("\"", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** MD5 of the file, or (combined) MD5 of the MD5s of its {@code partBytes}-sized parts. */
  private static byte[] md5Parts(Path file, long partBytes, boolean combine) throws IOException {
    MessageDigest whole = md5();
    MessageDigest part = md5();
    byte[] buffer = new byte[1 << 16];
    long inPart = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        int offset = 0;
        while (offset < n) {
          int take = (int) Math.min(n - offset, partBytes - inPart);
          part.update(buffer, offset, take);
          offset += take;
          inPart += take;
          if (inPart == partBytes) {
            whole.update(part.digest());
            inPart = 0;
          }
        }
      }
    }
    if (!combine) {
      return part.digest();
    }
    if (inPart > 0) {
      whole.update(part.digest());
    }
    return whole.digest();
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}

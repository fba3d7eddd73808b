package io.costwise.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtagsTest {
  @TempDir Path dir;

  @Test
  void aSinglePartEtagIsTheMd5OfTheContent() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "hello\n", StandardCharsets.UTF_8);
    // md5sum of "hello\n"
    assertEquals(
        Optional.of("b1946ac92492d2347c6235b4d2611184"),
        Etags.expected(file, "\"0123456789abcdef0123456789abcdef\"", 5));
  }

  @Test
  void aMultipartEtagIsTheMd5OfThePartMd5sWithThePartCount() throws Exception {
    byte[] bytes = "abcdefghij".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("f"), bytes);
    MessageDigest whole = MessageDigest.getInstance("MD5");
    for (int from = 0; from < bytes.length; from += 4) {
      whole.update(
          MessageDigest.getInstance("MD5")
              .digest(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 4))));
    }
    String expected = HexFormat.of().formatHex(whole.digest()) + "-3";
    assertEquals(Optional.of(expected), Etags.expected(file, "\"" + "0".repeat(32) + "-3\"", 4));
  }

  @Test
  void anEtagOfUnknownShapeOrPartSizeIsNotChecked() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "abcdefghij", StandardCharsets.UTF_8);
    assertEquals(Optional.empty(), Etags.expected(file, "\"" + "0".repeat(32) + "-7\"", 4));
    assertEquals(Optional.empty(), Etags.expected(file, "W/\"opaque\"", 4));
    assertEquals(Optional.empty(), Etags.expected(file, null, 4));
  }
}

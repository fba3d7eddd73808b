package io.costwise.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.error.InvalidInputException;
import io.costwise.it.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/** The transfers themselves, in this JVM, against S3Proxy on loopback. */
class S3StorageIT {
  private static final String BUCKET = "costwise-storage-it";

  @TempDir static Path serverDir;
  private static S3ProxyServer server;
  private static S3Storage storage;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyServer.start(serverDir);
    try (var client = server.client()) {
      client.createBucket(b -> b.bucket(BUCKET)).join();
    }
    // The default credential chain reads these system properties first.
    System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
    storage = S3Storage.connect(new S3Settings(Optional.of(server.endpoint()), true));
  }

  @AfterAll
  static void stop() {
    if (storage != null) {
      storage.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aLargeFileGoesUpInPartsAndComesBackIdentical() throws Exception {
    long size = 5 * S3Storage.PART_BYTES + 12_345; // above the multipart threshold: 6 parts
    Path file = dir.resolve("large.bin");
    byte[] chunk = new byte[1 << 20];
    new Random(7).nextBytes(chunk);
    try (var out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
      }
    }
    S3Location object = new S3Location(BUCKET, "large/large.bin");

    String etag = storage.uploadFile(file, object, "--test");
    // uploadFile has checked the multipart ETag against the file's parts; check the part count.
    assertTrue(Etags.strip(etag).endsWith("-6"), "uploaded in 6 parts: " + etag);

    Path back = dir.resolve("back.bin");
    storage.downloadFile(object, back, "--test");
    assertArrayEquals(sha256(file), sha256(back));
  }

  @Test
  void aDamagedObjectIsDetectedAndItsDownloadDiscarded() throws Exception {
    byte[] content = "1,2.5,3.5\n0,1.5,0.5\n".getBytes(StandardCharsets.UTF_8);
    try (var client = server.client()) {
      client
          .putObject(
              p -> p.bucket(BUCKET).key("damaged/data.csv"), AsyncRequestBody.fromBytes(content))
          .join();
    }
    // Flip one byte in the store's own copy: the store still reports the original ETag (MD5).
    Path stored = serverDir.resolve("buckets").resolve(BUCKET).resolve("damaged/data.csv");
    byte[] damaged = Files.readAllBytes(stored);
    damaged[2] = (byte) '9';
    Files.write(stored, damaged);

    Path target = dir.resolve("channel");
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> storage.downloadPrefix(new S3Location(BUCKET, "damaged/"), target, "--s3-train"));
    assertEquals(
        "--s3-train (s3://"
            + BUCKET
            + "/damaged/data.csv): the downloaded file does not match the object's checksum (ETag),"
            + " so it was discarded; run again, and if it persists the object is damaged.",
        error.getMessage());
    assertFalse(Files.exists(target.resolve("data.csv")));
  }

  @Test
  void anIntactObjectPassesTheSameCheck() throws Exception {
    byte[] content = "1,2.5,3.5\n".getBytes(StandardCharsets.UTF_8);
    try (var client = server.client()) {
      client
          .putObject(
              p -> p.bucket(BUCKET).key("intact/data.csv"), AsyncRequestBody.fromBytes(content))
          .join();
    }
    Path target = dir.resolve("channel");
    assertEquals(1, storage.downloadPrefix(new S3Location(BUCKET, "intact"), target, "--s3-train"));
    assertArrayEquals(content, Files.readAllBytes(target.resolve("data.csv")));
  }

  private static byte[] sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (var in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }
}

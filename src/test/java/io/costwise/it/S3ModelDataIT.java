package io.costwise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * {@code serve --model-data} of the packaged jar leaves nothing in {@code java.io.tmpdir}: the
 * downloaded archive goes into the scratch folder that every way out of serve deletes.
 */
class S3ModelDataIT {
  private static final String BUCKET = "costwise-model-data-it";

  @TempDir Path dir;

  @Test
  void aModelFromS3LeavesNothingInTheTemporaryFolderAfterSigtermOrAFailedDownload()
      throws Exception {
    try (S3ProxyServer server = S3ProxyServer.start(dir.resolve("s3"));
        S3AsyncClient s3 = server.client()) {
      s3.createBucket(b -> b.bucket(BUCKET)).join();
      s3.putObject(
              p -> p.bucket(BUCKET).key("models/v1/model.tar.gz"),
              AsyncRequestBody.fromBytes(tarGz(Path.of("src/test/resources/models/v1/model.json"))))
          .join();
      Path tmp = Files.createDirectories(dir.resolve("tmp"));
      Map<String, String> env = new HashMap<>(server.environment());
      env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);

      int port = freePort();
      Path log = dir.resolve("serve.log");
      Process serve =
          CostwiseProcess.start(
              env, log, serveArgs(server, Integer.toString(port), "models/v1/model.tar.gz"));
      try {
        awaitPing(port, serve, log);
        assertFalse(scratch(tmp).isEmpty(), "serves from a folder under the test's tmpdir");
      } finally {
        serve.destroy(); // SIGTERM
      }
      assertTrue(serve.waitFor(25, TimeUnit.SECONDS));
      assertEquals(0, serve.exitValue(), Files.readString(log));
      assertEquals(List.of(), scratch(tmp), "after SIGTERM");

      Path missingLog = dir.resolve("missing.log");
      Process missing =
          CostwiseProcess.start(
              env, missingLog, serveArgs(server, "0", "models/none/model.tar.gz"));
      assertTrue(missing.waitFor(60, TimeUnit.SECONDS));
      String text = Files.readString(missingLog);
      assertEquals(1, missing.exitValue(), text);
      assertTrue(text.contains("there is no such object"), text);
      assertEquals(List.of(), scratch(tmp), "after a failed download");
    }
  }

  private static String[] serveArgs(S3ProxyServer server, String port, String key) {
    return new String[] {
      "serve",
      "--base-dir",
      "/nonexistent",
      "--port",
      port,
      "--host",
      "127.0.0.1",
      "--model-data",
      "s3://" + BUCKET + "/" + key,
      "--s3-endpoint",
      server.endpoint().toString(),
      "--s3-path-style"
    };
  }

  /** What serve left in {@code tmp}: its download and unpacking folders are costwise-model*. */
  private static List<String> scratch(Path tmp) throws IOException {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith("costwise-model"))
          .sorted()
          .toList();
    }
  }

  private static byte[] tarGz(Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      byte[] bytes = Files.readAllBytes(file);
      TarArchiveEntry entry = new TarArchiveEntry(file.getFileName().toString());
      entry.setSize(bytes.length);
      tar.putArchiveEntry(entry);
      tar.write(bytes);
      tar.closeArchiveEntry();
    }
    return out.toByteArray();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPing(int port, Process process, Path log) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      assertTrue(System.nanoTime() < deadline && process.isAlive(), Files.readString(log));
      try {
        HttpRequest ping =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                .timeout(Duration.ofSeconds(2))
                .build();
        if (client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
  }
}

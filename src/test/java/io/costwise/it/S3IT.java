package io.costwise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code train --s3-*} and {@code serve --model-data} of the packaged jar against a real
 * S3-compatible server on loopback: staging, uploads, serving, and the errors users meet.
 */
class S3IT {
  private static final String BUCKET = "costwise-it";
  private static final Path SAMPLE = Path.of("container/local_test/opt_ml/input");

  @TempDir static Path serverDir;
  private static S3ProxyServer server;
  private static S3AsyncClient s3;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(serverDir);
    s3 = server.client();
    s3.createBucket(b -> b.bucket(BUCKET)).join();
    // The train channel as two objects, one nested and gzip-compressed, as S3 prefixes often are.
    List<String> rows = Files.readAllLines(SAMPLE.resolve("data/train/train.csv"));
    int half = rows.size() / 2;
    put("data/train/part-1.csv", lines(rows.subList(0, half)));
    put("data/train/more/part-2.csv.gz", gzip(lines(rows.subList(half, rows.size()))));
    put(
        "data/validation/validation.csv",
        Files.readAllBytes(SAMPLE.resolve("data/validation/validation.csv")));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void trainsFromS3UploadsLikeSageMakerAndServesTheUploadedModel() throws Exception {
    Path hyperparameters = dir.resolve("hyperparameters.json");
    Files.writeString(hyperparameters, "{\"epochs\": \"5\", \"fn_cost\": \"5\"}");
    Path base = dir.resolve("opt_ml");
    Result train =
        run(
            server.environment(),
            "train",
            "--base-dir",
            base.toString(),
            "--s3-train",
            "s3://" + BUCKET + "/data/train",
            "--s3-validation",
            "s3://" + BUCKET + "/data/validation/",
            "--s3-output",
            "s3://" + BUCKET + "/jobs",
            "--hyperparameters",
            hyperparameters.toString(),
            "--job-name",
            "s3-it",
            "--s3-endpoint",
            server.endpoint().toString(),
            "--s3-path-style");
    assertEquals(0, train.exit(), train.log());

    // Staged with the paths relative to the prefix, as SageMaker's File mode does.
    assertTrue(Files.isRegularFile(base.resolve("input/data/train/part-1.csv")));
    assertTrue(Files.isRegularFile(base.resolve("input/data/train/more/part-2.csv.gz")));
    assertTrue(
        Files.readString(base.resolve("input/config/hyperparameters.json")).contains("\"5\""));
    String description = Files.readString(base.resolve("model/model.json"));
    assertTrue(
        description.contains("\"negative\" : 267") && description.contains("\"positive\" : 159"),
        "both train objects were read: " + description);

    assertEquals(
        List.of("jobs/s3-it/output/model.tar.gz", "jobs/s3-it/output/output.tar.gz"),
        keys("jobs/s3-it/"));
    assertTrue(
        entries(get("jobs/s3-it/output/model.tar.gz"))
            .containsAll(List.of("model.json", "model.zip")));
    assertTrue(entries(get("jobs/s3-it/output/output.tar.gz")).contains("evaluation.json"));

    int port = freePort();
    Process serve =
        CostwiseProcess.start(
            server.environment(),
            dir.resolve("serve.log"),
            "serve",
            "--base-dir",
            dir.resolve("serving").toString(),
            "--port",
            Integer.toString(port),
            "--model-data",
            "s3://" + BUCKET + "/jobs/s3-it/output/model.tar.gz",
            "--s3-endpoint",
            server.endpoint().toString(),
            "--s3-path-style");
    try {
      awaitPing(port, dir.resolve("serve.log"));
      String row = Files.readAllLines(SAMPLE.resolve("data/validation/validation.csv")).get(0);
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                      .header("Content-Type", "text/csv")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(row.substring(row.indexOf(',') + 1)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode());
      assertTrue(answer.body().matches("[0-9.E-]+,[01]\\n"), answer.body());
    } finally {
      serve.destroy();
    }
    assertTrue(serve.waitFor(25, TimeUnit.SECONDS));
    assertEquals(0, serve.exitValue());
  }

  @Test
  void aMissingBucketFailsTheJobWithTheAddressAndUploadsTheFailure() throws Exception {
    Result train = trainFrom("s3://no-such-bucket/data/train/", "bad-bucket", server.environment());
    assertEquals(1, train.exit(), train.log());
    String failure = Files.readString(dir.resolve("opt_ml/output/failure"));
    assertEquals(
        "--s3-train (s3://no-such-bucket/data/train/): the bucket 'no-such-bucket' does not exist;"
            + " check the bucket name.",
        failure);
    assertEquals(
        failure, new String(get("jobs/bad-bucket/output/failure"), StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyPrefixFailsTheJobWithTheAddress() throws Exception {
    Result train =
        trainFrom("s3://" + BUCKET + "/no/such/prefix", "empty-prefix", server.environment());
    assertEquals(1, train.exit(), train.log());
    assertEquals(
        "--s3-train (s3://"
            + BUCKET
            + "/no/such/prefix/): there are no objects under this prefix;"
            + " check the prefix.",
        Files.readString(dir.resolve("opt_ml/output/failure")));
  }

  @Test
  void missingCredentialsSayHowToGiveThem() throws Exception {
    Result train =
        trainFrom(
            "s3://" + BUCKET + "/data/train/",
            "no-credentials",
            S3ProxyServer.isolatedEnvironment());
    assertEquals(1, train.exit(), train.log());
    assertTrue(
        Files.readString(dir.resolve("opt_ml/output/failure"))
            .startsWith("No AWS credentials were found for S3; set AWS_ACCESS_KEY_ID"),
        train.log());
  }

  @Test
  void wrongCredentialsAreNamedAsSuch() throws Exception {
    Map<String, String> env = new HashMap<>(server.environment());
    env.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
    Result train = trainFrom("s3://" + BUCKET + "/data/train/", "wrong-credentials", env);
    assertEquals(1, train.exit(), train.log());
    String failure = Files.readString(dir.resolve("opt_ml/output/failure"));
    assertTrue(failure.contains("S3 rejected the credentials"), failure);
  }

  @Test
  void servingAMissingModelStopsWithExitCode1AndSaysWhy() throws Exception {
    Result serve =
        run(
            server.environment(),
            "serve",
            "--port",
            "0",
            "--model-data",
            "s3://" + BUCKET + "/jobs/nothing/model.tar.gz",
            "--s3-endpoint",
            server.endpoint().toString(),
            "--s3-path-style");
    assertEquals(1, serve.exit(), serve.log());
    assertTrue(
        serve
            .log()
            .contains(
                "Cannot serve: --model-data (s3://"
                    + BUCKET
                    + "/jobs/nothing/model.tar.gz): there is no such object; check the key."),
        serve.log());
  }

  private Result trainFrom(String trainUri, String jobName, Map<String, String> env)
      throws Exception {
    return run(
        env,
        "train",
        "--base-dir",
        dir.resolve("opt_ml").toString(),
        "--s3-train",
        trainUri,
        "--s3-output",
        "s3://" + BUCKET + "/jobs/",
        "--job-name",
        jobName,
        "--s3-endpoint",
        server.endpoint().toString(),
        "--s3-path-style");
  }

  record Result(int exit, String log) {}

  private Result run(Map<String, String> env, String... args) throws Exception {
    Path log = Files.createTempFile(dir, "run", ".log");
    ProcessBuilder builder = CostwiseProcess.builder(env, log, args);
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") && !env.containsKey(k));
    Process process = builder.start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "finished within 180 s");
    return new Result(process.exitValue(), Files.readString(log));
  }

  private static void put(String key, byte[] bytes) {
    s3.putObject(p -> p.bucket(BUCKET).key(key), AsyncRequestBody.fromBytes(bytes)).join();
  }

  private static byte[] get(String key) {
    return s3.getObject(g -> g.bucket(BUCKET).key(key), AsyncResponseTransformer.toBytes())
        .join()
        .asByteArray();
  }

  private static List<String> keys(String prefix) {
    return s3.listObjectsV2(l -> l.bucket(BUCKET).prefix(prefix)).join().contents().stream()
        .map(S3Object::key)
        .sorted()
        .toList();
  }

  private static List<String> entries(byte[] archive) throws IOException {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  private static byte[] lines(List<String> rows) {
    return (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPing(int port, Path log) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      assertTrue(System.nanoTime() < deadline, Files.readString(log));
      try {
        if (client
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
  }
}

package io.costwise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's {@code serve}: start, answer, stop on SIGTERM with exit 0. */
class ServeIT {
  private final HttpClient client = HttpClient.newHttpClient();
  @TempDir Path dir;

  private Path trainedRoot() throws Exception {
    Path base = dir.resolve("opt_ml");
    CostwiseProcess.sampleInput(base, "{\"epochs\": \"3\"}");
    Process train =
        CostwiseProcess.start(
            Map.of(), dir.resolve("train.log"), "train", "--base-dir", base.toString());
    assertTrue(train.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, train.exitValue(), Files.readString(dir.resolve("train.log")));
    return base;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheTrainedModelAndStopsCleanlyOnSigterm() throws Exception {
    Path base = trainedRoot();
    int port = freePort();
    Process serve =
        CostwiseProcess.start(
            Map.of(
                "SAGEMAKER_BASE_DIR",
                base.toString(),
                "SAGEMAKER_BIND_TO_PORT",
                Integer.toString(port)),
            dir.resolve("serve.log"),
            "serve");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int status = 0;
      while (status != 200) {
        assertTrue(System.nanoTime() < deadline, Files.readString(dir.resolve("serve.log")));
        try {
          status = get(port, "/ping").statusCode();
        } catch (java.io.IOException notYet) {
          Thread.sleep(50);
        }
      }
      String row = Files.readAllLines(base.resolve("input/data/validation/validation.csv")).get(0);
      String features = row.substring(row.indexOf(',') + 1);
      HttpResponse<String> csv =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(features))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, csv.statusCode());
      assertTrue(csv.body().matches("[0-9.E-]+,[01]\\n"), csv.body());
      HttpResponse<String> json =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString("{\"instances\": [[" + features + "]]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, json.statusCode());
      assertTrue(json.body().startsWith("{\"predictions\":[{\"probability\":"), json.body());
    } finally {
      serve.destroy(); // SIGTERM
    }
    assertTrue(serve.waitFor(25, TimeUnit.SECONDS), "stopped within 25 s");
    assertEquals(0, serve.exitValue());
    assertTrue(Files.readString(dir.resolve("serve.log")).contains("Stopped cleanly"));
  }

  @Test
  void aModelThatCannotLoadStopsStartUpWithExitCode1() throws Exception {
    Path base = dir.resolve("empty");
    Files.createDirectories(base.resolve("model"));
    Files.writeString(base.resolve("model/model.json"), "{not json");
    Process serve =
        CostwiseProcess.start(
            Map.of(
                "SAGEMAKER_BASE_DIR",
                base.toString(),
                "SAGEMAKER_BIND_TO_PORT",
                Integer.toString(freePort())),
            dir.resolve("bad.log"),
            "serve");
    assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
    assertEquals(1, serve.exitValue());
    String log = Files.readString(dir.resolve("bad.log"));
    assertTrue(
        log.contains("Cannot serve: ") && log.contains("is not a costwise model description"), log);
  }
}

package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real server on port 0, through the JDK's HTTP client. */
class InferenceServerTest {
  private InferenceServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws Exception {
    server = InferenceServer.start(ServeFixtures.settings());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  private HttpRequest.Builder post(String type, String body) {
    return to("/invocations")
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  @Test
  void pingIs503UntilReadyThen200() throws Exception {
    HttpResponse<String> loading = send(to("/ping"));
    assertEquals(503, loading.statusCode());
    assertTrue(
        loading.body().contains("\"error\":\"The model is still loading.\""), loading.body());
    assertEquals(503, send(post("text/csv", ServeFixtures.csvRow(0))).statusCode());
    server.ready(ServeFixtures.service());
    assertEquals(200, send(to("/ping")).statusCode());
  }

  @Test
  void invocationsAnswerCsvAndJsonWithTheCustomAttributesEcho() throws Exception {
    server.ready(ServeFixtures.service());
    HttpResponse<String> csv =
        send(
            post("text/csv", ServeFixtures.csvRow(0) + "\n" + ServeFixtures.csvRow(1))
                .header("Accept", "text/csv"));
    assertEquals(200, csv.statusCode());
    assertEquals("text/csv", csv.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(2, csv.body().split("\n").length);
    HttpResponse<String> json =
        send(
            post("application/json", "{\"instances\": [" + ServeFixtures.jsonRow(0) + "]}")
                .header("Accept", "application/json")
                .header(HttpEndpoints.CUSTOM_ATTRIBUTES, "threshold=0.25"));
    assertEquals(200, json.statusCode());
    assertTrue(json.body().startsWith("{\"predictions\":[{\"probability\":"), json.body());
    assertEquals(
        "threshold=0.25", json.headers().firstValue(HttpEndpoints.CUSTOM_ATTRIBUTES).orElseThrow());
  }

  @Test
  void csvWithCostsGetsEachRowsMinimumRiskDecision() throws Exception {
    server.ready(ServeFixtures.service());
    int row = 0;
    while (ServeFixtures.WDBC.labels()[row] != 0) {
      row++;
    }
    String features = ServeFixtures.csvRow(row);
    // The same features three times: c_FP 0 and c_FN 1 make the threshold 0 (always flag); c_FP 1
    // and c_FN 0 make it 1 (flag only at p = 1); empty costs leave the model's threshold 0.5.
    String body =
        String.join(",", ServeFixtures.names())
            + ",C_FP,C_FN\n"
            + features
            + ",0,1\n"
            + features
            + ",1,0\n"
            + features
            + ",,\n";
    HttpResponse<String> response =
        send(
            post("text/csv", body)
                .header(HttpEndpoints.CUSTOM_ATTRIBUTES, "fields=probability,label"));
    assertEquals(200, response.statusCode(), response.body());
    String[] lines = response.body().split("\n");
    assertEquals(3, lines.length);
    double p = Double.parseDouble(lines[0].split(",")[0]);
    assertTrue(p < 0.5, "a benign row: " + p);
    assertEquals(List.of(p + ",1", p + ",0", p + ",0"), List.of(lines));
    assertEquals(
        "threshold=0.5, rows_with_costs=bayes_risk",
        response.headers().firstValue(HttpEndpoints.CUSTOM_ATTRIBUTES).orElseThrow());
    HttpResponse<String> bad = send(post("text/csv", body.replace(",0,1\n", ",0,-1\n")));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Line 2: the costs are not reasonable"), bad.body());
  }

  @Test
  void executionParametersReportTheBatchSettings() throws Exception {
    HttpResponse<String> response = send(to("/execution-parameters"));
    assertEquals(200, response.statusCode());
    assertEquals(
        "{\"MaxConcurrentTransforms\":2,\"BatchStrategy\":\"MULTI_RECORD\",\"MaxPayloadInMB\":6}",
        response.body());
  }

  @Test
  void everyErrorHasItsStatusAndTheServerKeepsServing() throws Exception {
    server.ready(ServeFixtures.service());
    assertEquals(400, send(post("text/csv", "1,2,3")).statusCode());
    assertEquals(415, send(post("application/xml", "<a/>")).statusCode());
    assertEquals(
        406,
        send(post("text/csv", ServeFixtures.csvRow(0)).header("Accept", "image/png")).statusCode());
    assertEquals(404, send(to("/predict")).statusCode());
    HttpResponse<String> wrongMethod = send(to("/invocations"));
    assertEquals(405, wrongMethod.statusCode());
    assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElseThrow());
    HttpResponse<String> bad = send(post("text/csv", ServeFixtures.csvRow(0) + "\n1,2"));
    assertTrue(
        bad.body().contains("Line 2 has 2 values, but the model expects 30 features."), bad.body());
    assertEquals("application/json", bad.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(200, send(post("text/csv", ServeFixtures.csvRow(0))).statusCode());
  }

  @Test
  void bodiesOverThePayloadLimitAre413() throws Exception {
    server.close();
    server =
        InferenceServer.start(
            new ServingSettings(
                0, 1000, "text/csv", false, "MULTI_RECORD", 1, OutputField.DEFAULT, 2));
    server.ready(
        new InferenceService(
            ServeFixtures.PREDICTOR,
            new ServingSettings(
                0, 1000, "text/csv", false, "MULTI_RECORD", 1, OutputField.DEFAULT, 2)));
    String big = (ServeFixtures.csvRow(0) + "\n").repeat(10);
    HttpResponse<String> response = send(post("text/csv", big));
    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("SAGEMAKER_MAX_PAYLOAD_IN_MB"), response.body());
    assertEquals(200, send(post("text/csv", ServeFixtures.csvRow(0))).statusCode());
  }

  @Test
  void chunkedBodiesOverThePayloadLimitAre413() throws Exception {
    server.close();
    ServingSettings small =
        new ServingSettings(0, 1000, "text/csv", false, "MULTI_RECORD", 1, OutputField.DEFAULT, 2);
    server = InferenceServer.start(small);
    server.ready(new InferenceService(ServeFixtures.PREDICTOR, small));
    byte[] big = (ServeFixtures.csvRow(0) + "\n").repeat(10).getBytes(StandardCharsets.US_ASCII);
    // No length: the body is counted as it is streamed into the decoder.
    HttpResponse<String> response =
        send(
            to("/invocations")
                .header("Content-Type", "text/csv")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big))));
    assertEquals(413, response.statusCode(), response.body());
    assertTrue(response.body().contains("SAGEMAKER_MAX_PAYLOAD_IN_MB"), response.body());
  }

  @Test
  void aBadRowEarlyInABatchBodyIs400AfterTheWholeBody() throws Exception {
    server.close();
    ServingSettings batch =
        new ServingSettings(
            0, 100L << 20, "text/csv", true, "MULTI_RECORD", 1, OutputField.DEFAULT, 2);
    server = InferenceServer.start(batch);
    server.ready(new InferenceService(ServeFixtures.PREDICTOR, batch));
    // Decoding stops at line 2; the server still reads the other ~12 MB before it answers.
    String body =
        ServeFixtures.csvRow(0) + "\nabc\n" + (ServeFixtures.csvRow(1) + "\n").repeat(40_000);
    HttpResponse<String> response = send(post("text/csv", body));
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("Line 2, column 1"), response.body());
    assertEquals(200, send(post("text/csv", ServeFixtures.csvRow(0))).statusCode());
  }

  @Test
  void anUnexpectedFailureIs500WithARequestIdAndNoStackTrace() throws Exception {
    server.ready(
        request -> {
          throw new IllegalStateException("secret internals");
        });
    HttpResponse<String> response = send(post("text/csv", ServeFixtures.csvRow(0)));
    assertEquals(500, response.statusCode());
    assertTrue(
        response
            .body()
            .matches(
                "\\{\"error\":\"internal error\",\"status\":500,\"request_id\":\"[0-9a-f-]{36}\"}"),
        response.body());
    assertTrue(!response.body().contains("secret") && !response.body().contains("at io.costwise"));
    server.ready(ServeFixtures.service());
    assertEquals(200, send(post("text/csv", ServeFixtures.csvRow(0))).statusCode());
  }

  @Test
  void manyClientsAtOnceGetTheirOwnAnswers() throws Exception {
    server.ready(ServeFixtures.service());
    InferenceService reference = ServeFixtures.service();
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int row = i % ServeFixtures.WDBC.rows();
        results.add(
            clients.submit(
                () -> {
                  HttpResponse<String> response = send(post("text/csv", ServeFixtures.csvRow(row)));
                  byte[] body = ServeFixtures.csvRow(row).getBytes();
                  String expected =
                      new String(
                          reference
                              .invoke(InvocationRequest.of("text/csv", null, body, null))
                              .body());
                  return response.statusCode() == 200 && response.body().equals(expected);
                }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void stoppingAnswers503AtOnceAndWaitsForRequestsInFlight() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    InferenceService real = ServeFixtures.service();
    server.ready(
        request -> {
          entered.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return real.invoke(request);
        });
    ExecutorService background = Executors.newFixedThreadPool(2);
    try {
      Future<HttpResponse<String>> inFlight =
          background.submit(() -> send(post("text/csv", ServeFixtures.csvRow(0))));
      assertTrue(entered.await(5, TimeUnit.SECONDS));
      Future<Boolean> stopping = background.submit(() -> server.stop(Duration.ofSeconds(10)));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      int ping = 200;
      while (ping == 200 && System.nanoTime() < deadline) {
        ping = send(to("/ping")).statusCode();
      }
      assertEquals(503, ping, "a stopping server fails its health check at once");
      assertTrue(!stopping.isDone(), "the stop waits for the request in flight");
      release.countDown();
      assertEquals(200, inFlight.get(5, TimeUnit.SECONDS).statusCode());
      assertTrue(stopping.get(5, TimeUnit.SECONDS), "drained");
    } finally {
      release.countDown();
      background.shutdownNow();
    }
  }
}

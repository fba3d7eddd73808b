package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.sagemaker.ContentTypes;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What HTTP allows a status for gets one, with the JSON error body, on a real server on port 0:
 * oversized heads (431, 414), too many headers (431), a bad chunk size (400), a stalled body or
 * head (408), a chunked body past the limit (413). The JDK server closed the first four without a
 * status, and cut off stalled bodies without one.
 */
class HttpLimitsTest {
  private InferenceServer server;

  private int start(ServingSettings settings) throws Exception {
    server = InferenceServer.start(settings);
    server.ready(ServeFixtures.service());
    return server.port();
  }

  /** Default limits, except for the timeouts and the payload limit. */
  private static ServingSettings settings(long maxPayload, int headerSeconds, int bodySeconds) {
    return new ServingSettings(
        0,
        maxPayload,
        ContentTypes.CSV,
        false,
        "MULTI_RECORD",
        2,
        OutputField.DEFAULT,
        4,
        null,
        Duration.ofSeconds(headerSeconds),
        Duration.ofSeconds(bodySeconds),
        ServingSettings.DEFAULT_MAX_CONNECTIONS);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static void assertJsonError(RawHttp.Answer answer, int status) {
    assertEquals(status, answer.status(), answer.statusLine());
    assertTrue(answer.head().contains("Content-Type: application/json"), answer.head());
    assertTrue(
        answer.body().matches("\\{\"error\":\"[^\"]+\",\"status\":" + status + "}"), answer.body());
  }

  @Test
  void aHeaderSectionOverTheLimitIs431() throws Exception {
    int port = start(ServeFixtures.settings());
    try (RawHttp client = new RawHttp(port)) {
      String big = "b".repeat(InferenceServer.MAX_HEAD_BYTES + 1);
      client.send("GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n");
      RawHttp.Answer answer = client.response(2000);
      assertJsonError(answer, 431);
      assertTrue(answer.body().contains("headers are too large"), answer.body());
    }
  }

  @Test
  void aRequestLineOverTheLimitIs414() throws Exception {
    int port = start(ServeFixtures.settings());
    try (RawHttp client = new RawHttp(port)) {
      String path = "/ping?" + "q".repeat(InferenceServer.MAX_HEAD_BYTES + 1);
      client.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertJsonError(client.response(2000), 414);
    }
  }

  @Test
  void tooManyHeadersIs431() throws Exception {
    int port = start(ServeFixtures.settings());
    try (RawHttp client = new RawHttp(port)) {
      // 300 small headers: under the byte limit, over the count.
      client.send("GET /ping HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(300) + "\r\n");
      RawHttp.Answer answer = client.response(2000);
      assertJsonError(answer, 431);
      assertTrue(answer.body().contains("301 headers, more than 200"), answer.body());
    }
  }

  @Test
  void aBadChunkSizeIs400() throws Exception {
    int port = start(ServeFixtures.settings());
    try (RawHttp client = new RawHttp(port)) {
      client.send(
          "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
              + "Transfer-Encoding: chunked\r\n\r\nzz\r\n1,2\r\n0\r\n\r\n");
      assertJsonError(client.response(2000), 400);
    }
  }

  @Test
  void aBadChunkSizeWhileTheBodyIsBeingReadIs400() throws Exception {
    int port = start(ServeFixtures.settings());
    try (RawHttp client = new RawHttp(port)) {
      client.send(
          "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n5\r\n1,2,3\r\n");
      // The handler is reading the body when the bad size arrives.
      Thread.sleep(300);
      client.send("zz\r\n1,2\r\n0\r\n\r\n");
      assertJsonError(client.response(2000), 400);
    }
  }

  @Test
  void aChunkedBodyPastTheLimitIs413() throws Exception {
    int port = start(settings(1000, 10, 10));
    try (RawHttp client = new RawHttp(port)) {
      String chunk = "1".repeat(600);
      client.send(
          "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n258\r\n"
              + chunk
              + "\r\n258\r\n"
              + chunk
              + "\r\n");
      // The terminating chunk is never sent: the answer must not wait for the end of the body.
      RawHttp.Answer answer = client.response(2000);
      assertJsonError(answer, 413);
      assertTrue(answer.head().contains("Connection: close"), answer.head());
    }
  }

  @Test
  void aStalledBodyIs408AfterTheBodyTimeoutAndFreesItsThread() throws Exception {
    int port = start(settings(6L << 20, 10, 1));
    try (RawHttp stalled = new RawHttp(port)) {
      stalled.send(
          "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
              + "Content-Length: 1000\r\n\r\n1,2");
      long start = System.nanoTime();
      RawHttp.Answer answer = stalled.response(4000);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertJsonError(answer, 408);
      assertTrue(answer.body().contains("COSTWISE_BODY_TIMEOUT_SECONDS"), answer.body());
      assertTrue(millis >= 900 && millis < 3000, "408 after " + millis + " ms");
    }
    try (RawHttp ping = new RawHttp(port)) {
      assertEquals(200, ping.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n").response(1000).status());
    }
  }

  @Test
  void aHeadThatKeepsTricklingIs408AfterTheHeaderTimeout() throws Exception {
    int port = start(settings(6L << 20, 1, 10));
    try (RawHttp slow = new RawHttp(port)) {
      slow.send("POST /invocations HTTP/1.1\r\nHost: x\r\n");
      long start = System.nanoTime();
      // A line every 300 ms keeps the connection from ever being idle for the idle timeout.
      for (int i = 0; i < 8; i++) {
        Thread.sleep(300);
        try {
          slow.send("X-Slow-" + i + ": y\r\n");
        } catch (java.io.IOException closed) {
          break;
        }
      }
      RawHttp.Answer answer = slow.response(2000);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertJsonError(answer, 408);
      assertTrue(millis < 3500, "408 after " + millis + " ms");
    }
  }

  @Test
  void connectionsOverTheLimitWaitUntilOneCloses() throws Exception {
    ServingSettings two =
        new ServingSettings(
            0,
            6L << 20,
            ContentTypes.CSV,
            false,
            "MULTI_RECORD",
            2,
            OutputField.DEFAULT,
            4,
            null,
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            2);
    int port = start(two);
    String ping = "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n";
    // Not try-with-resources: the first connection is closed in the middle of the test.
    RawHttp first = new RawHttp(port);
    try (RawHttp second = new RawHttp(port)) {
      assertEquals(200, first.send(ping).response(2000).status());
      assertEquals(200, second.send(ping).response(2000).status());
      try (RawHttp third = new RawHttp(port)) {
        // Connected by the kernel's backlog, but not accepted: no answer while two are open.
        assertEquals("timeout", third.send(ping).response(700).statusLine());
        first.close();
        assertEquals(200, third.response(3000).status());
      }
    } finally {
      first.close();
    }
  }

  @Test
  void scoringLongerThanTheBodyTimeoutIsNotCutOff() throws Exception {
    int port = start(settings(6L << 20, 10, 1));
    InferenceService real = ServeFixtures.service();
    server.ready(
        request -> {
          try {
            Thread.sleep(2500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return real.invoke(request);
        });
    String row = ServeFixtures.csvRow(0);
    try (RawHttp client = new RawHttp(port)) {
      client.send(
          "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: "
              + row.length()
              + "\r\n\r\n"
              + row);
      assertEquals(200, client.response(5000).status());
    }
  }
}

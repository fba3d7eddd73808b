package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and hostile clients, with plain sockets on port 0: they must not take the health check down,
 * and what HTTP allows an answer to gets one. Every read has a timeout.
 */
class SlowClientTest {
  /** More stalled connections than the server has handler threads. */
  private static final int STALLED = 12;

  private InferenceServer server;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = InferenceServer.start(settings());
    server.ready(ServeFixtures.service());
  }

  static ServingSettings settings() {
    return ServeFixtures.settings().withBodyTimeout(Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.close();
  }

  private Socket open() throws IOException {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
    socket.setSoTimeout(2000);
    return socket;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** The status line, or "closed" / "timeout". */
  private static String statusLine(Socket socket, int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      while (true) {
        int b = in.read();
        if (b < 0) {
          return line.size() == 0 ? "closed" : line.toString(StandardCharsets.ISO_8859_1);
        }
        if (b == '\n') {
          return line.toString(StandardCharsets.ISO_8859_1).strip();
        }
        line.write(b);
      }
    } catch (SocketTimeoutException e) {
      return "timeout";
    } catch (IOException e) {
      return "closed";
    }
  }

  /** A fresh connection's GET /ping must answer 200 within a second. */
  private void assertPingAnswers() throws IOException {
    Socket ping = open();
    long start = System.nanoTime();
    write(ping, "GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n");
    String status = statusLine(ping, 1000);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("HTTP/1.1 200 OK", status, "/ping after " + millis + " ms");
  }

  @Test
  void slowHeadersDoNotTakePingDown() throws Exception {
    for (int i = 0; i < STALLED; i++) {
      write(open(), "POST /invocations HTTP/1.1\r\nHost: localhost\r\n");
    }
    Thread.sleep(200);
    for (int i = 0; i < 3; i++) {
      assertPingAnswers();
    }
  }

  @Test
  void aBodyShorterThanItsLengthIsCutOffAndPingKeepsAnswering() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < STALLED; i++) {
      Socket socket = open();
      write(
          socket,
          "POST /invocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
              + "Content-Length: 1000\r\n\r\n1");
      stalled.add(socket);
    }
    Thread.sleep(200);
    assertPingAnswers();
    long start = System.nanoTime();
    for (Socket socket : stalled) {
      String status = statusLine(socket, 4000);
      assertTrue(
          status.equals("closed") || status.startsWith("HTTP/1.1 408"),
          "a stalled body gets 408 or a close, not: " + status);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 4000, "stalled bodies cut off after " + millis + " ms");
    assertPingAnswers();
  }

  @Test
  void anOversizedContentLengthIs413WithoutReadingTheBody() throws Exception {
    List<Socket> uploads = new ArrayList<>();
    for (int i = 0; i < STALLED; i++) {
      Socket socket = open();
      write(
          socket,
          "POST /invocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
              + "Content-Length: 1000000000\r\n\r\n1,2,3");
      uploads.add(socket);
    }
    for (Socket socket : uploads) {
      // The reason phrase is the server's (the JDK's "Request Entity Too Large", Jetty's "Payload
      // Too Large"); the status is what counts.
      String status = statusLine(socket, 1000);
      assertTrue(status.startsWith("HTTP/1.1 413 "), status);
    }
    assertPingAnswers();
  }

  @Test
  void theAccessLogHasEachRequestsOwnOutcome() throws Exception {
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.slf4j.Logger capture =
        (org.slf4j.Logger)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {org.slf4j.Logger.class},
                (proxy, method, args) -> {
                  if (method.getName().matches("info|warn|error")
                      && args != null
                      && args.length == 1
                      && args[0] instanceof String line) {
                    lines.add(method.getName() + " " + line);
                  }
                  return method.getReturnType() == boolean.class ? true : null;
                });
    try (InferenceServer logged = InferenceServer.start(ServeFixtures.settings(), capture)) {
      Socket bad = new Socket("127.0.0.1", logged.port());
      sockets.add(bad);
      write(bad, "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n1,2,3");
      assertEquals("HTTP/1.1 503 Service Unavailable", statusLine(bad, 2000));
      Socket ping = new Socket("127.0.0.1", logged.port());
      sockets.add(ping);
      write(ping, "HEAD /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
      assertEquals("HTTP/1.1 404 Not Found", statusLine(ping, 2000));
    }
    assertEquals(2, lines.size(), lines.toString());
    // Jetty logs a request when it completes its exchange, which may come after the client has
    // read the answer: the two lines' order is not the requests'.
    assertTrue(
        lines.stream()
            .anyMatch(
                line ->
                    line.matches(
                        "warn POST /invocations 503 \\d+ B [0-9.]+ ms error: .*not ready.*")),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(
                line -> line.matches("warn HEAD /nowhere 404 0 B [0-9.]+ ms error: No endpoint.*")),
        lines.toString());
  }

  @Test
  void hostChoosesTheAddressListenedOn() throws Exception {
    try (InferenceServer loopback =
        InferenceServer.start(ServeFixtures.settings().withHost("127.0.0.1"))) {
      loopback.ready(ServeFixtures.service());
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", loopback.port()), 2000);
        write(socket, "GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK", statusLine(socket, 2000));
      }
      assertEquals("127.0.0.1", loopback.address().getAddress().getHostAddress());
    }
    assertTrue(server.address().getAddress().isAnyLocalAddress(), "default: every interface");
  }

  /**
   * A 1 MB request line or header and 10,000 headers are refused at once, and the server keeps
   * answering. The server answers (431, 414) as soon as it has read its limit and then closes while
   * the client is still sending, so the client's write may fail and TCP may discard the answer (a
   * reset): a close is accepted here. {@code HttpLimitsTest} checks the statuses with heads just
   * over the limit, which the client sends whole.
   */
  @Test
  void aHugeRequestLineOrHeaderIsRefusedAtOnceAndPingKeepsAnswering() throws Exception {
    String big = "a".repeat(1 << 20);
    List<Socket> refused = new ArrayList<>();
    for (String request :
        List.of(
            "GET /ping?" + big + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "GET /ping HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\n\r\n",
            "GET /ping HTTP/1.1\r\nHost: localhost\r\n" + "X-A: b\r\n".repeat(10_000) + "\r\n")) {
      Socket socket = open();
      try {
        write(socket, request);
      } catch (IOException closedWhileSending) {
        // Refused before the client finished: the status below, or a close.
      }
      refused.add(socket);
    }
    for (Socket socket : refused) {
      String status = statusLine(socket, 2000);
      assertTrue(
          status.equals("closed") || status.matches("HTTP/1.1 (414|431) .*"),
          "refused at once, not: " + status);
    }
    assertPingAnswers();
  }
}

package io.costwise.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.costwise.sagemaker.ContentTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the endpoints: routes, reads bodies, writes answers, and maps errors to statuses
 * in one place. All behaviour of an invocation lives in {@link InferenceService}.
 */
final class HttpEndpoints {
  static final String CUSTOM_ATTRIBUTES = "X-Amzn-SageMaker-Custom-Attributes";
  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A body buffer up to this size stays with its thread for the next request; larger ones go. */
  static final int KEPT_BUFFER_BYTES = 1 << 20;

  /** The first allocation for a body of unknown or large length; it doubles as bytes arrive. */
  private static final int FIRST_BUFFER_BYTES = 64 * 1024;

  private final Readiness readiness;
  private final ServingSettings settings;
  private final BodyWatchdog watchdog;

  /**
   * Requests scored at once: the handler pool grows with the connections (so that slow clients
   * cannot take it), the scoring does not.
   */
  private final Semaphore scoring;

  /** A reusable body buffer per handler thread, up to {@link #KEPT_BUFFER_BYTES}. */
  private final ThreadLocal<byte[]> buffers =
      ThreadLocal.withInitial(() -> new byte[FIRST_BUFFER_BYTES]);

  private final AccessLog accessLog;

  /**
   * What the access log needs from the request on this thread (a request is handled on one thread
   * from start to end). Not exchange attributes: the JDK server shares those across a context.
   */
  private static final class Outcome {
    long bytes;
    String error;
  }

  private static final ThreadLocal<Outcome> OUTCOME = ThreadLocal.withInitial(Outcome::new);

  HttpEndpoints(
      Readiness readiness, ServingSettings settings, BodyWatchdog watchdog, AccessLog accessLog) {
    this.accessLog = accessLog;
    this.readiness = readiness;
    this.settings = settings;
    this.watchdog = watchdog;
    this.scoring = new Semaphore(settings.threads());
  }

  /** Every request enters here. */
  void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    Outcome outcome = OUTCOME.get();
    outcome.bytes = 0;
    outcome.error = null;
    readiness.begin();
    // Not try-with-resources: that would close the exchange before the catch blocks answer.
    try {
      route(exchange);
    } catch (ServingException e) {
      sendError(exchange, e.status(), e.getMessage());
    } catch (IOException e) {
      // The client went away mid-request (or its body stalled); nothing to answer.
      LOG.debug("I/O error on {}: {}", exchange.getRequestURI(), e.toString());
      outcome.error = "connection closed: " + e;
    } catch (RuntimeException | Error e) {
      String id = UUID.randomUUID().toString();
      LOG.error("Request {} to {} failed", id, exchange.getRequestURI(), e);
      outcome.error = "internal error, request " + id + ": " + e;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "internal error");
      body.put("status", 500);
      body.put("request_id", id);
      trySend(exchange, 500, body);
    } finally {
      // Closing drains what is left of the body (up to 64 KB) before the connection is reused: a
      // client that stalls there is cut off like a stalled body.
      BodyWatchdog.Read drain = watchdog.watch();
      try {
        exchange.close();
      } finally {
        drain.close();
      }
      readiness.end();
      accessLog.record(
          new AccessLog.Entry(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getResponseCode(),
              outcome.bytes,
              (System.nanoTime() - started) / 1000,
              outcome.error));
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/ping" -> {
        requireMethod(exchange, "GET", "HEAD");
        if (readiness.service().isEmpty()) {
          throw ServingException.unavailable(
              readiness.isStopping() ? "The server is stopping." : "The model is still loading.");
        }
        exchange.sendResponseHeaders(200, -1);
      }
      case "/invocations" -> {
        requireMethod(exchange, "POST");
        invoke(exchange);
      }
      case "/execution-parameters" -> {
        requireMethod(exchange, "GET");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("MaxConcurrentTransforms", settings.maxConcurrentTransforms());
        parameters.put("BatchStrategy", settings.batchStrategy());
        parameters.put("MaxPayloadInMB", settings.maxPayloadBytes() / (1024 * 1024));
        send(exchange, 200, ContentTypes.JSON, JSON.writeValueAsBytes(parameters));
      }
      default ->
          throw ServingException.notFound(
              404, "No endpoint " + path + "; use GET /ping or POST /invocations.");
    }
  }

  private void invoke(HttpExchange exchange) throws IOException {
    Invoker service =
        readiness
            .service()
            .orElseThrow(() -> ServingException.unavailable("The model is not ready to serve."));
    Headers headers = exchange.getRequestHeaders();
    Body read = readBody(exchange);
    byte[] body = read.bytes();
    InvocationResponse response;
    scoring.acquireUninterruptibly();
    try {
      response =
          service.invoke(
              new InvocationRequest(
                  headers.getFirst("Content-Type"),
                  headers.getFirst("Accept"),
                  body,
                  read.length(),
                  headers.getFirst(CUSTOM_ATTRIBUTES)));
    } finally {
      scoring.release();
      if (body.length > KEPT_BUFFER_BYTES) {
        // A batch body: let it go rather than keep it per thread (four 95 MB bodies once kept
        // 1.2 GB resident).
        buffers.remove();
      }
    }
    exchange.getResponseHeaders().set(CUSTOM_ATTRIBUTES, response.customAttributes());
    send(exchange, 200, response.contentType(), response.body());
  }

  /** Reads the body (into this thread's buffer when it fits), refusing it (413) past the limit. */
  /** A body: its first {@code length} bytes. */
  private record Body(byte[] bytes, int length) {}

  private Body readBody(HttpExchange exchange) throws IOException {
    long limit = settings.maxPayloadBytes();
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    long expected = -1;
    if (declared != null) {
      try {
        expected = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        throw ServingException.badRequest("Content-Length '" + declared + "' is not a number.");
      }
      if (expected > limit) {
        // Answered before reading any of the body; the connection is closed after the answer.
        exchange.getResponseHeaders().set("Connection", "close");
        throw ServingException.payloadTooLarge(settings.payloadLimitMessage(expected));
      }
    }
    byte[] buffer = buffers.get();
    if (expected > buffer.length) {
      // Grow as the bytes arrive, not to the declared length: a client that declares 100 MB and
      // stalls holds only what it sent.
      buffer = new byte[(int) Math.min(expected, Math.max(buffer.length, FIRST_BUFFER_BYTES))];
    }
    int length = 0;
    try (BodyWatchdog.Read read = watchdog.watch();
        InputStream in = exchange.getRequestBody()) {
      while (true) {
        if (length == buffer.length) {
          if (buffer.length > limit) {
            exchange.getResponseHeaders().set("Connection", "close");
            throw ServingException.payloadTooLarge(settings.payloadLimitMessage(length));
          }
          long grown = Math.min(buffer.length * 2L, limit + 1);
          if (expected >= 0 && length < expected) {
            grown = Math.min(grown, expected);
          } else if (expected >= 0) {
            // The declared length is read; one more byte shows the end of the stream.
            grown = buffer.length + 1L;
          }
          buffer = Arrays.copyOf(buffer, (int) grown);
        }
        int n;
        try {
          n = in.read(buffer, length, buffer.length - length);
        } catch (IOException e) {
          if (read.timedOut()) {
            LOG.info(
                "Closed a connection whose body stalled for {} s after {} bytes",
                settings.bodyTimeout().toSeconds(),
                length);
          }
          throw e;
        }
        if (n < 0) {
          if (buffer.length <= KEPT_BUFFER_BYTES) {
            buffers.set(buffer);
          }
          return new Body(buffer, length);
        }
        read.progress();
        length += n;
      }
    }
  }

  private static void requireMethod(HttpExchange exchange, String... allowed) {
    for (String method : allowed) {
      if (method.equals(exchange.getRequestMethod())) {
        return;
      }
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
    throw ServingException.notFound(
        405,
        exchange.getRequestMethod()
            + " is not allowed on "
            + exchange.getRequestURI().getPath()
            + "; use "
            + String.join(" or ", allowed)
            + ".");
  }

  private static void sendError(HttpExchange exchange, int status, String message) {
    OUTCOME.get().error = message;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("status", status);
    trySend(exchange, status, body);
  }

  private static void trySend(HttpExchange exchange, int status, Map<String, Object> body) {
    try {
      send(exchange, status, ContentTypes.JSON, JSON.writeValueAsBytes(body));
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not send the {} answer: {}", status, e.toString());
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    OUTCOME.get().bytes = body.length;
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

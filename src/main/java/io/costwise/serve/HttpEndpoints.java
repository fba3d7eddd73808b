package io.costwise.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.costwise.sagemaker.ContentTypes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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

  private final Readiness readiness;
  private final ServingSettings settings;
  private final BodyWatchdog watchdog;

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
    long declared = declaredLength(exchange);
    // The service reads the body as it decodes (a batch body is never held whole); the handler
    // pool grows with the connections, and the service bounds the requests scored at once.
    PayloadLimitStream limited = new PayloadLimitStream(exchange.getRequestBody(), settings);
    InputStream body = new WatchedBody(limited);
    InvocationResponse response;
    try {
      response =
          service.invoke(
              new InvocationRequest(
                  headers.getFirst("Content-Type"),
                  headers.getFirst("Accept"),
                  body,
                  declared,
                  headers.getFirst(CUSTOM_ATTRIBUTES)));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (ServingException e) {
      if (e.status() == 413) {
        // The rest of the body is not read; the connection cannot carry another request.
        exchange.getResponseHeaders().set("Connection", "close");
      } else {
        // Refused at a bad row before the end: read the rest, as a client sending a body expects
        // its answer after sending it (and the connection stays usable).
        discardRest(exchange, body);
      }
      throw e;
    }
    exchange.getResponseHeaders().set(CUSTOM_ATTRIBUTES, response.customAttributes());
    send(exchange, 200, response.contentType(), response.body());
  }

  /**
   * The Content-Length, or −1; refused (413) before any of the body is read when over the limit.
   */
  private long declaredLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared == null) {
      return -1;
    }
    long expected;
    try {
      expected = Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      throw ServingException.badRequest("Content-Length '" + declared + "' is not a number.");
    }
    if (expected > settings.maxPayloadBytes()) {
      // Answered before reading any of the body; the connection is closed after the answer.
      exchange.getResponseHeaders().set("Connection", "close");
      throw ServingException.payloadTooLarge(settings.payloadLimitMessage(expected));
    }
    return expected;
  }

  private static void discardRest(HttpExchange exchange, InputStream body) throws IOException {
    byte[] skip = new byte[8192];
    try {
      while (body.read(skip) >= 0) {
        // Discarded.
      }
    } catch (ServingException tooLarge) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
  }

  /**
   * The body, with each read watched by the {@link BodyWatchdog}: a read that gets no byte for the
   * body timeout is cut off. Only reads are watched, not the decoding and scoring between them.
   */
  private final class WatchedBody extends FilterInputStream {
    private final PayloadLimitStream limited;

    WatchedBody(PayloadLimitStream limited) {
      super(limited);
      this.limited = limited;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try (BodyWatchdog.Read read = watchdog.watch()) {
        try {
          return in.read(buffer, offset, length);
        } catch (IOException e) {
          if (read.timedOut()) {
            LOG.info(
                "Closed a connection whose body stalled for {} s after {} bytes",
                settings.bodyTimeout().toSeconds(),
                limited.count());
          }
          throw e;
        }
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

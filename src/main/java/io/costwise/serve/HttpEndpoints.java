package io.costwise.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.costwise.sagemaker.ContentTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

  /** A reusable body buffer per handler thread: large batches would otherwise churn the heap. */
  private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

  HttpEndpoints(Readiness readiness, ServingSettings settings) {
    this.readiness = readiness;
    this.settings = settings;
  }

  /** Every request enters here. */
  void handle(HttpExchange exchange) throws IOException {
    readiness.begin();
    // Not try-with-resources: that would close the exchange before the catch blocks answer.
    try {
      route(exchange);
    } catch (ServingException e) {
      sendError(exchange, e.status(), e.getMessage());
    } catch (IOException e) {
      // The client went away mid-request; nothing to answer.
      LOG.debug("I/O error on {}: {}", exchange.getRequestURI(), e.toString());
    } catch (RuntimeException | Error e) {
      String id = UUID.randomUUID().toString();
      LOG.error("Request {} to {} failed", id, exchange.getRequestURI(), e);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "internal error");
      body.put("status", 500);
      body.put("request_id", id);
      trySend(exchange, 500, body);
    } finally {
      exchange.close();
      readiness.end();
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
    int length = readBody(exchange);
    InvocationResponse response =
        service.invoke(
            new InvocationRequest(
                headers.getFirst("Content-Type"),
                headers.getFirst("Accept"),
                buffers.get(),
                length,
                headers.getFirst(CUSTOM_ATTRIBUTES)));
    exchange.getResponseHeaders().set(CUSTOM_ATTRIBUTES, response.customAttributes());
    send(exchange, 200, response.contentType(), response.body());
  }

  /** Reads the body into this thread's buffer, refusing it (413) past the payload limit. */
  private int readBody(HttpExchange exchange) throws IOException {
    long limit = settings.maxPayloadBytes();
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        throw ServingException.badRequest("Content-Length '" + declared + "' is not a number.");
      }
      if (length > limit) {
        // Not reading a body this large: the connection is closed after the answer.
        exchange.getResponseHeaders().set("Connection", "close");
        throw ServingException.payloadTooLarge(settings.payloadLimitMessage(length));
      }
    }
    byte[] buffer = buffers.get();
    int length = 0;
    try (InputStream in = exchange.getRequestBody()) {
      while (true) {
        if (length == buffer.length) {
          if (buffer.length > limit) {
            exchange.getResponseHeaders().set("Connection", "close");
            throw ServingException.payloadTooLarge(settings.payloadLimitMessage(length));
          }
          buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, limit + 1));
          buffers.set(buffer);
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          return length;
        }
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
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

package io.costwise.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.sagemaker.ContentTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the endpoints: routes, reads bodies, writes answers, and maps errors to statuses
 * in one place. All behaviour of an invocation lives in {@link InferenceService}.
 */
final class HttpEndpoints extends Handler.Abstract {
  static final String CUSTOM_ATTRIBUTES = "X-Amzn-SageMaker-Custom-Attributes";

  /** The request attribute the access log reads an error's message from. */
  static final String ERROR_ATTRIBUTE = "costwise.error";

  /** The status of an error response Jetty wrote through {@link JsonErrorHandler}, once sent. */
  static final String SENT_STATUS_ATTRIBUTE = "costwise.sent-status";

  /** More request headers than this is 431 (the JDK server's limit; SageMaker sends a handful). */
  static final int MAX_HEADERS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Readiness readiness;
  private final ServingSettings settings;

  HttpEndpoints(Readiness readiness, ServingSettings settings) {
    this.readiness = readiness;
    this.settings = settings;
  }

  /** Every request whose head Jetty has parsed enters here, on a thread of its own. */
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    readiness.begin();
    Callback done = Callback.from(readiness::end, callback);
    // The idle timeout is for clients that stop sending or reading (a pending read fails, and is
    // answered 408; a pending write fails). Waiting for a scoring slot or scoring a large batch is
    // not a stalled client: with no read or write pending, the timeout is ignored.
    request.addIdleTimeoutListener(timeout -> false);
    try {
      route(request, response, done);
    } catch (ServingException e) {
      sendError(request, response, done, e.status(), e.getMessage());
    } catch (IOException e) {
      // The client went away mid-body; nothing to answer.
      LOG.debug("I/O error on {}: {}", request.getHttpURI().getPath(), e.toString());
      request.setAttribute(ERROR_ATTRIBUTE, "connection failed: " + e.getMessage());
      done.failed(e);
    } catch (RuntimeException | Error e) {
      String id = UUID.randomUUID().toString();
      LOG.error("Request {} to {} failed", id, request.getHttpURI().getPath(), e);
      request.setAttribute(ERROR_ATTRIBUTE, "internal error, request " + id + ": " + e);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "internal error");
      body.put("status", 500);
      body.put("request_id", id);
      send(request, response, done, 500, ContentTypes.JSON, json(body));
    }
    return true;
  }

  private void route(Request request, Response response, Callback done) throws IOException {
    // Jetty bounds the head's bytes (431), not its number of headers.
    int headerCount = request.getHeaders().size();
    if (headerCount > MAX_HEADERS) {
      closeAfter(response);
      throw ServingException.headersTooLarge(
          "The request has " + headerCount + " headers, more than " + MAX_HEADERS + ".");
    }
    String path = request.getHttpURI().getDecodedPath();
    switch (path) {
      case "/ping" -> {
        requireMethod(request, response, "GET", "HEAD");
        if (readiness.service().isEmpty()) {
          throw ServingException.unavailable(
              readiness.isStopping() ? "The server is stopping." : "The model is still loading.");
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        done.succeeded();
      }
      case "/invocations" -> {
        requireMethod(request, response, "POST");
        invoke(request, response, done);
      }
      case "/execution-parameters" -> {
        requireMethod(request, response, "GET");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("MaxConcurrentTransforms", settings.maxConcurrentTransforms());
        parameters.put("BatchStrategy", settings.batchStrategy());
        parameters.put("MaxPayloadInMB", settings.maxPayloadBytes() / (1024 * 1024));
        send(request, response, done, 200, ContentTypes.JSON, json(parameters));
      }
      default ->
          throw ServingException.notFound(
              404, "No endpoint " + Echo.clip(path) + "; use GET /ping or POST /invocations.");
    }
  }

  private void invoke(Request request, Response response, Callback done) throws IOException {
    Invoker service =
        readiness
            .service()
            .orElseThrow(() -> ServingException.unavailable("The model is not ready to serve."));
    HttpFields headers = request.getHeaders();
    long declared = request.getLength();
    if (declared > settings.maxPayloadBytes()) {
      // Answered before reading any of the body; the rest is never read.
      closeAfter(response);
      throw ServingException.payloadTooLarge(settings.payloadLimitMessage(declared));
    }
    // The service reads the body as it decodes (a batch body is never held whole) and bounds the
    // requests scored at once; handler threads grow with the connections.
    InputStream body = new PayloadLimitStream(requestBody(request), settings);
    InvocationResponse answer;
    try {
      answer =
          service.invoke(
              new InvocationRequest(
                  headers.get(HttpHeader.CONTENT_TYPE),
                  headers.get(HttpHeader.ACCEPT),
                  body,
                  declared,
                  headers.get(CUSTOM_ATTRIBUTES)));
    } catch (UncheckedIOException e) {
      throw bodyFailure(response, e.getCause());
    } catch (ServingException e) {
      if (e.status() == 413) {
        // The rest of the body is not read; the connection cannot carry another request.
        closeAfter(response);
      } else {
        // Refused at a bad row before the end: read the rest, as a client sending a body expects
        // its answer after sending it (and the connection stays usable).
        discardRest(response, body);
      }
      throw e;
    } catch (RuntimeException e) {
      if (e instanceof HttpException malformed) {
        // Jetty's parser refused the body (e.g. a bad chunk size); it arrives unwrapped.
        closeAfter(response);
        throw ServingException.malformed(
            malformed.getCode(), "The request body is malformed: " + malformed.getReason() + ".");
      }
      throw e;
    }
    response.getHeaders().put(CUSTOM_ATTRIBUTES, answer.customAttributes());
    send(request, response, done, 200, answer.contentType(), answer.body());
  }

  /** A body read that failed: 408 when it stalled past the body timeout, else the failure. */
  private IOException bodyFailure(Response response, IOException e) {
    if (e.getCause() instanceof TimeoutException) {
      closeAfter(response);
      throw ServingException.requestTimeout(
          "The request body stopped arriving: no byte for "
              + settings.bodyTimeout().toSeconds()
              + " s (COSTWISE_BODY_TIMEOUT_SECONDS).");
    }
    return e;
  }

  private void discardRest(Response response, InputStream body) throws IOException {
    byte[] skip = new byte[8192];
    try {
      while (body.read(skip) >= 0) {
        // Discarded.
      }
    } catch (ServingException tooLarge) {
      closeAfter(response);
    } catch (IOException e) {
      throw bodyFailure(response, e);
    }
  }

  /**
   * The request body as a blocking stream: the one place that reads request content. A read that
   * gets no byte for the body timeout fails with a {@link TimeoutException} cause (answered 408).
   */
  private static InputStream requestBody(Request request) {
    return Content.Source.asInputStream(request);
  }

  private static void closeAfter(Response response) {
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
  }

  private static void requireMethod(Request request, Response response, String... allowed) {
    for (String method : allowed) {
      if (method.equals(request.getMethod())) {
        return;
      }
    }
    response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
    throw ServingException.notFound(
        405,
        Echo.clip(request.getMethod())
            + " is not allowed on "
            + Echo.clip(request.getHttpURI().getDecodedPath())
            + "; use "
            + String.join(" or ", allowed)
            + ".");
  }

  private static void sendError(
      Request request, Response response, Callback done, int status, String message) {
    request.setAttribute(ERROR_ATTRIBUTE, message);
    send(request, response, done, status, ContentTypes.JSON, errorJson(status, message));
  }

  /** {@code {"error": message, "status": status}}, the body of every error. */
  static byte[] errorJson(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("status", status);
    return json(body);
  }

  private static byte[] json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a map of strings and numbers as JSON", e);
    }
  }

  /** Writes the whole answer; {@code done} completes when it is sent (or fails). */
  private static void send(
      Request request, Response response, Callback done, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    if ("HEAD".equals(request.getMethod()) || body.length == 0) {
      done.succeeded();
      return;
    }
    response.write(true, ByteBuffer.wrap(body), done);
  }

  /**
   * The access log's line for a finished request, including those Jetty answered itself (a refused
   * head whose request line could not be read is {@code BAD /badMessage}, Jetty's name for it). The
   * status is -1 when none was sent: the connection closed or failed first.
   */
  static AccessLog.Entry accessEntry(Request request, Response response) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    Object sent = request.getAttribute(SENT_STATUS_ATTRIBUTE);
    int status = sent != null ? (Integer) sent : response.isCommitted() ? response.getStatus() : -1;
    Object error = request.getAttribute(ERROR_ATTRIBUTE);
    if (error == null && status < 0) {
      error = "no response: the connection closed or failed first";
    }
    return new AccessLog.Entry(
        request.getMethod() == null ? "-" : request.getMethod(),
        path == null ? "-" : path,
        status,
        Response.getContentBytesWritten(response),
        Math.max(0, (System.nanoTime() - request.getBeginNanoTime()) / 1000),
        error == null ? null : error.toString());
  }
}

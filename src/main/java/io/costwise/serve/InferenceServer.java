package io.costwise.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server: Jetty 12 with one core handler ({@link HttpEndpoints}), chosen by measurement
 * (see docs/serving.md) because, unlike the JDK's server, it answers malformed and oversized heads
 * with a status, reads heads without a thread, and can answer a stalled body with 408.
 *
 * <p>It starts listening before the model is loaded, answering {@code /ping} with 503 until {@link
 * #ready} is called, so that SageMaker sees a live container from the first second.
 *
 * <p>Slow clients: Jetty parses request lines and headers on its selector, so a slow head holds no
 * handler thread; {@link HeadTimeout} bounds how long one may take. A handler thread is taken only
 * once a head is complete, and a body read that gets no byte for the body timeout (the connector's
 * idle timeout) fails and is answered 408. Scoring is bounded apart from the threads ({@link
 * HttpEndpoints}).
 */
public final class InferenceServer implements AutoCloseable {
  /**
   * Request line plus headers; more is 431 (414 when the request line alone is too long). SageMaker
   * sends a handful of short headers (custom attributes up to 1,024 characters); 64 KiB lets a
   * client's oversized Accept or Content-Type still get its own 406 or 415.
   */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  private static final String LOGGED = "costwise.logged";

  private final Server server;
  private final ServerConnector connector;
  private final HeadTimeout headTimeout;
  private final AccessLog accessLog;
  private final Readiness readiness = new Readiness();

  private InferenceServer(
      Server server, ServerConnector connector, HeadTimeout headTimeout, AccessLog accessLog) {
    this.server = server;
    this.connector = connector;
    this.headTimeout = headTimeout;
    this.accessLog = accessLog;
  }

  /** Binds to the settings' host and port (0 = any free port) and starts answering. */
  public static InferenceServer start(ServingSettings settings) throws IOException {
    return start(settings, org.slf4j.LoggerFactory.getLogger("access"));
  }

  /** As {@link #start(ServingSettings)}, writing the access log to {@code accessLogger}. */
  static InferenceServer start(ServingSettings settings, org.slf4j.Logger accessLogger)
      throws IOException {
    if (settings.host() != null && new InetSocketAddress(settings.host(), 0).isUnresolved()) {
      throw new IOException("cannot resolve the host '" + settings.host() + "'");
    }
    // Threads are taken only by requests whose head is complete: scoring (bounded apart), /ping,
    // and bodies being read (each for at most the body timeout). The pool may grow to one per
    // connection so that stalled bodies can never queue /ping behind them; idle threads end.
    QueuedThreadPool threads =
        new QueuedThreadPool(settings.maxConnections() + 16, Math.max(8, settings.threads()));
    threads.setName("costwise-http");
    threads.setDaemon(true);
    Server server = new Server(threads);

    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HEAD_BYTES);
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    // An absolute-form request line names its own authority, which RFC 9112 says wins over Host;
    // Jetty's default refuses a mismatch (400), which a proxy-style client would not expect.
    http.setHttpCompliance(
        HttpCompliance.RFC9110.with("costwise", HttpCompliance.Violation.MISMATCHED_AUTHORITY));
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    // A body read, a response write or a kept-alive connection that makes no progress for this
    // long fails (a body read is then answered 408); scoring itself is not timed (HttpEndpoints).
    connector.setIdleTimeout(settings.bodyTimeout().toMillis());
    // Small responses must not wait for the client's delayed ACK (~40 ms per request without).
    connector.setAcceptedTcpNoDelay(true);
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    // Over the limit, Jetty stops accepting: further connections wait in the listen backlog.
    server.addBean(new NetworkConnectionLimit(settings.maxConnections(), server));

    AccessLog accessLog = new AccessLog(accessLogger);
    InferenceServer inference =
        new InferenceServer(
            server, connector, new HeadTimeout(connector, settings.headerTimeout()), accessLog);
    server.setHandler(new HttpEndpoints(inference.readiness, settings));
    server.setErrorHandler(new JsonErrorHandler());
    // Jetty calls this after each response, also for heads it refused itself (431, 414, 400);
    // the line is only queued here and written by the access log's own thread.
    server.setRequestLog(
        (request, response) -> {
          // Jetty may complete a request's stream a second time when its connection closes
          // (seen when a stop follows a HEAD answer at once): one line per request.
          if (request.getAttribute(LOGGED) == null) {
            request.setAttribute(LOGGED, Boolean.TRUE);
            accessLog.record(HttpEndpoints.accessEntry(request, response));
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      inference.close();
      throw e;
    } catch (Exception e) {
      inference.close();
      throw new IOException("cannot start the HTTP server: " + e.getMessage(), e);
    }
    inference.headTimeout.start();
    return inference;
  }

  /** The address actually bound. */
  public InetSocketAddress address() {
    String host = connector.getHost();
    return host == null
        ? new InetSocketAddress(port())
        : new InetSocketAddress(host, connector.getLocalPort());
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** From now on, /ping answers 200 and /invocations uses {@code service}. */
  public void ready(Invoker service) {
    readiness.ready(service);
  }

  /**
   * Stops gracefully: new requests get 503 at once, requests in flight finish (up to {@code
   * grace}), then the listener closes.
   *
   * @return whether every request in flight finished within the grace period
   */
  public boolean stop(Duration grace) {
    readiness.stopping();
    long deadline = System.nanoTime() + grace.toNanos();
    // The count includes this server's own 503s being written; wait for it to drop to zero.
    while (readiness.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    boolean drained = readiness.inFlight() == 0;
    headTimeout.close();
    try {
      server.stop();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(InferenceServer.class)
          .warn("The HTTP server did not stop cleanly: {}", e.toString());
    }
    accessLog.close();
    return drained;
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
  }
}

package io.costwise.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server: the JDK's own {@code com.sun.net.httpserver}, chosen by measurement (see
 * docs/serving.md) — it met every throughput target here with no dependency at all.
 *
 * <p>It starts listening before the model is loaded, answering {@code /ping} with 503 until {@link
 * #ready} is called, so that SageMaker sees a live container from the first second.
 *
 * <p>Slow clients: the JDK server parses a request's line and headers on an executor thread, not on
 * its dispatcher, so a fixed pool is taken by as many slow clients as it has threads. The executor
 * therefore grows with the connections (up to {@link ServingSettings#maxConnections}, which the JDK
 * server also enforces); what is bounded by {@link ServingSettings#threads} is the scoring ({@link
 * HttpEndpoints}). Slow headers are cut off by the JDK's {@code sun.net.httpserver.maxReqTime},
 * stalled bodies by {@link BodyWatchdog}.
 */
public final class InferenceServer implements AutoCloseable {
  static {
    // Without TCP_NODELAY, small responses wait for the client's delayed ACK: ~40 ms per request.
    // The JDK server reads this property once, when its configuration class loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final BodyWatchdog watchdog;
  private final AccessLog accessLog;
  private final Readiness readiness = new Readiness();

  private InferenceServer(
      HttpServer server, ExecutorService executor, BodyWatchdog watchdog, AccessLog accessLog) {
    this.accessLog = accessLog;
    this.server = server;
    this.executor = executor;
    this.watchdog = watchdog;
  }

  /**
   * The JDK server reads its limits once per process, when its configuration class loads (at the
   * first server): the first settings win, and a {@code -D} on the command line wins over them.
   */
  private static void configureJdkServer(ServingSettings settings) {
    setIfAbsent("sun.net.httpserver.maxReqTime", settings.headerTimeout().toSeconds());
    setIfAbsent("jdk.httpserver.maxConnections", settings.maxConnections());
    // The request-timeout task runs every timerMillis (default 1 s); keep it at a second.
    setIfAbsent("sun.net.httpserver.timerMillis", 1000);
  }

  private static void setIfAbsent(String property, long value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Long.toString(value));
    }
  }

  /** Binds to the settings' host and port (0 = any free port) and starts answering. */
  public static InferenceServer start(ServingSettings settings) throws IOException {
    return start(settings, org.slf4j.LoggerFactory.getLogger("access"));
  }

  /** As {@link #start(ServingSettings)}, writing the access log to {@code accessLogger}. */
  static InferenceServer start(ServingSettings settings, org.slf4j.Logger accessLogger)
      throws IOException {
    configureJdkServer(settings);
    InetSocketAddress address =
        settings.host() == null
            ? new InetSocketAddress(settings.port())
            : new InetSocketAddress(settings.host(), settings.port());
    if (address.isUnresolved()) {
      throw new IOException("cannot resolve the host '" + settings.host() + "'");
    }
    HttpServer server = HttpServer.create(address, 1024);
    AtomicInteger threadNumber = new AtomicInteger();
    // Grows with the connections: a thread per connection being read or answered, bounded by the
    // JDK server's own connection limit (so nothing is ever rejected); idle threads end after 60 s.
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.maxConnections() + 16,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "costwise-http-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    BodyWatchdog watchdog = new BodyWatchdog(settings.bodyTimeout());
    AccessLog accessLog = new AccessLog(accessLogger);
    InferenceServer inference = new InferenceServer(server, executor, watchdog, accessLog);
    HttpEndpoints endpoints = new HttpEndpoints(inference.readiness, settings, watchdog, accessLog);
    server.createContext("/", endpoints::handle);
    server.setExecutor(executor);
    server.start();
    return inference;
  }

  /** The address actually bound. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
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
    // The handler counting a request that is being answered includes this one's own 503s; wait for
    // the count to drop to zero (or the deadline).
    while (readiness.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    boolean drained = readiness.inFlight() == 0;
    server.stop(0);
    watchdog.close();
    executor.shutdown();
    accessLog.close();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return drained;
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
  }
}

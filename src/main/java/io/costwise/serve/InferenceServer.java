package io.costwise.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server: the JDK's own {@code com.sun.net.httpserver}, chosen by measurement (see
 * docs/serving.md) — it met every throughput target here with no dependency at all.
 *
 * <p>It starts listening before the model is loaded, answering {@code /ping} with 503 until {@link
 * #ready} is called, so that SageMaker sees a live container from the first second.
 */
public final class InferenceServer implements AutoCloseable {
  static {
    // Without TCP_NODELAY, small responses wait for the client's delayed ACK: ~40 ms per request.
    // The JDK server reads this property once, when its configuration class loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Readiness readiness = new Readiness();

  private InferenceServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds to the settings' port (0 = any free port) and starts answering. */
  public static InferenceServer start(ServingSettings settings) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(settings.port()), 1024);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            settings.threads(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "costwise-http-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    InferenceServer inference = new InferenceServer(server, executor);
    HttpEndpoints endpoints = new HttpEndpoints(inference.readiness, settings);
    server.createContext("/", endpoints::handle);
    server.setExecutor(executor);
    server.start();
    return inference;
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
    executor.shutdown();
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

package io.costwise.serve;

import io.costwise.sagemaker.ContentTypes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds how long a request line and headers may take. Jetty's idle timeout only bounds the gap
 * between bytes, so a client sending one header line every few seconds would keep its connection
 * forever. Every quarter of the limit (at most a second), a connection seen in the same request's
 * head for the limit is answered 408 and closed. A head costs no thread while it arrives, so this
 * bounds connections, not threads.
 */
final class HeadTimeout implements AutoCloseable {
  private static final byte[] ANSWER = answer();

  private final ServerConnector connector;
  private final long limitNanos;
  private final ScheduledExecutorService ticker;

  /** A connection's request (its count of requests so far) first seen in its head at a time. */
  private record Seen(long request, long since) {}

  /** Connections seen in a head, and those answered already; the ticker thread's only. */
  private final Map<EndPoint, Seen> seen = new WeakHashMap<>();

  private final Set<EndPoint> answered = Collections.newSetFromMap(new WeakHashMap<>());

  HeadTimeout(ServerConnector connector, Duration limit) {
    this.connector = connector;
    this.limitNanos = limit.toNanos();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "costwise-head-timeout");
              thread.setDaemon(true);
              return thread;
            });
  }

  void start() {
    long tick = Math.max(50, Math.min(1000, limitNanos / 4_000_000));
    ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    long now = System.nanoTime();
    for (EndPoint endPoint : connector.getConnectedEndPoints()) {
      if (!(endPoint.getConnection() instanceof HttpConnection connection)
          || !inHead(connection.getParser())) {
        seen.remove(endPoint);
        continue;
      }
      // The parser's own begin time is written by the connection's thread without a fence, so a
      // busy connection could be read as an old head; instead a head counts as stuck only when
      // this thread sees the same request (by the connection's count) in its head for the limit.
      long request = connection.getMessagesIn();
      Seen before = seen.get(endPoint);
      if (before == null || before.request() != request) {
        seen.put(endPoint, new Seen(request, now));
      } else if (now - before.since() >= limitNanos && answered.add(endPoint)) {
        try {
          // A head is still arriving, so no response is being written on this connection (HTTP/1.1
          // answers in order): the answer cannot interleave; the connection closes once it is sent.
          endPoint.write(Callback.from(endPoint::close), ByteBuffer.wrap(ANSWER));
        } catch (RuntimeException e) {
          // E.g. the connection closed meanwhile; an exception would also end the ticker.
          endPoint.close();
        }
      }
    }
  }

  /** Between the head's first byte and its end (START: no byte of a request yet). */
  private static boolean inHead(HttpParser parser) {
    return parser.inHeaderState() && !parser.isStart();
  }

  private static byte[] answer() {
    byte[] body =
        HttpEndpoints.errorJson(
            408,
            "The request line and headers did not arrive in time"
                + " (COSTWISE_HEADER_TIMEOUT_SECONDS).");
    String head =
        "HTTP/1.1 408 Request Timeout\r\nContent-Type: "
            + ContentTypes.JSON
            + "\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    byte[] head8 = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head8.length + body.length];
    System.arraycopy(head8, 0, all, 0, head8.length);
    System.arraycopy(body, 0, all, head8.length, body.length);
    return all;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}

package io.costwise.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plays a {@link HostileCase} over a plain socket and records what came back: the responses (1xx
 * interim ones skipped), and how the connection ended. Every read is bounded by the deadline, so a
 * server that hangs gives {@code "timeout"}, never a stuck test.
 */
final class RawExchange {
  /** One response: status, headers (names lower-cased, first value), body. */
  record Response(int status, String statusLine, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /**
   * What was observed.
   *
   * @param responses the final responses read, in order
   * @param ending {@code "closed"} (the server closed or reset), {@code "timeout"} (the deadline
   *     passed with fewer responses than expected), or {@code "open"} (every expected response
   *     read)
   * @param writeError what a write failed with (the server may close while a large request is sent)
   */
  record Observed(List<Response> responses, String ending, String writeError) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      for (Response r : responses) {
        String body = r.text();
        s.append(r.statusLine())
            .append(" ")
            .append(body, 0, Math.min(body.length(), 300))
            .append(" | ");
      }
      return s.append(ending).append(writeError == null ? "" : ", write: " + writeError).toString();
    }
  }

  private RawExchange() {}

  static Observed play(HostileCase c, int port, long deadlineMillis) throws IOException {
    long deadline = System.currentTimeMillis() + deadlineMillis;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      String writeError = null;
      try {
        OutputStream out = socket.getOutputStream();
        for (HostileCase.Step step : c.steps()) {
          if (step.pauseMillis() > 0) {
            sleep(step.pauseMillis());
          }
          out.write(step.bytes());
          out.flush();
        }
        if (c.end() == HostileCase.End.HALF_CLOSE) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        writeError = e.getMessage();
      }
      if (c.end() == HostileCase.End.RESET) {
        socket.setSoLinger(true, 0);
        return new Observed(List.of(), "closed", writeError);
      }
      List<Response> responses = new ArrayList<>();
      InputStream in = socket.getInputStream();
      // After the expected answers, a case with a reason for no status must see the close; one
      // more response then is recorded (and fails the case).
      int wanted = c.answers().size() + (c.noStatusBecause() == null ? 0 : 1);
      try {
        while (responses.size() < wanted) {
          Response r = read(socket, in, deadline);
          if (r == null) {
            return new Observed(responses, "closed", writeError);
          }
          if (r.status() >= 200 || r.status() < 100) {
            responses.add(r);
          }
        }
        return new Observed(responses, "open", writeError);
      } catch (SocketTimeoutException e) {
        return new Observed(responses, "timeout", writeError);
      } catch (IOException e) {
        return new Observed(responses, "closed", writeError);
      }
    }
  }

  /** Reads one response, or null if the connection closed before any byte of it. */
  private static Response read(Socket socket, InputStream in, long deadline) throws IOException {
    String statusLine = line(socket, in, deadline);
    if (statusLine == null) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    while (true) {
      String header = line(socket, in, deadline);
      if (header == null || header.isEmpty()) {
        break;
      }
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(
            header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).strip());
      }
    }
    String[] parts = statusLine.split(" ", 3);
    int status = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
    byte[] body = new byte[0];
    if (status >= 200 && status != 204 && status != 304) {
      String length = headers.get("content-length");
      if (length != null) {
        body = exactly(socket, in, Integer.parseInt(length), deadline);
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = chunked(socket, in, deadline);
      }
    }
    return new Response(status, statusLine, headers, body);
  }

  private static byte[] chunked(Socket socket, InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(socket, in, deadline);
      int n = Integer.parseInt(size == null ? "0" : size.split(";")[0].strip(), 16);
      if (n == 0) {
        line(socket, in, deadline);
        return body.toByteArray();
      }
      body.writeBytes(exactly(socket, in, n, deadline));
      line(socket, in, deadline);
    }
  }

  private static byte[] exactly(Socket socket, InputStream in, int n, long deadline)
      throws IOException {
    byte[] bytes = new byte[n];
    int read = 0;
    while (read < n) {
      socket.setSoTimeout(remaining(deadline));
      int got = in.read(bytes, read, n - read);
      if (got < 0) {
        throw new IOException("closed inside a body");
      }
      read += got;
    }
    return bytes;
  }

  /** A line without its CRLF, or null at the end of the stream before any byte. */
  private static String line(Socket socket, InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      socket.setSoTimeout(remaining(deadline));
      int b = in.read();
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (b == '\n') {
        return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
      }
      line.write(b);
    }
  }

  private static int remaining(long deadline) throws SocketTimeoutException {
    long left = deadline - System.currentTimeMillis();
    if (left <= 0) {
      throw new SocketTimeoutException("deadline");
    }
    return (int) left;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

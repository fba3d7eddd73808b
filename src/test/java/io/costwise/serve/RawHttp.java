package io.costwise.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One plain socket to a server on loopback, for requests no HTTP client would send. Every read has
 * a timeout; {@link #response} reads one answer whole (by its Content-Length).
 */
final class RawHttp implements AutoCloseable {
  /** A status line (or "closed" / "timeout"), the head's text, and the body. */
  record Answer(String statusLine, String head, String body) {
    int status() {
      String[] parts = statusLine.split(" ");
      return parts.length > 1 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
    }
  }

  private final Socket socket = new Socket();

  RawHttp(int port) throws IOException {
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    socket.setTcpNoDelay(true);
  }

  RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp send(byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads one response, waiting at most {@code timeoutMillis} for each byte. */
  Answer response(int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try {
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return new Answer(head.size() == 0 ? "closed" : head.toString(), head.toString(), "");
        }
        head.write(b);
      }
    } catch (SocketTimeoutException e) {
      return new Answer("timeout", head.toString(StandardCharsets.ISO_8859_1), "");
    } catch (IOException e) {
      return new Answer("closed", head.toString(StandardCharsets.ISO_8859_1), "");
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    byte[] body = in.readNBytes(length);
    return new Answer(
        text.substring(0, text.indexOf("\r\n")), text, new String(body, StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

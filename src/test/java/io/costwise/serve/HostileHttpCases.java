package io.costwise.serve;

import static io.costwise.serve.HostileCase.get;
import static io.costwise.serve.HostileCase.post;
import static io.costwise.serve.HostileCase.send;

import java.util.List;

/**
 * Hostile HTTP: request lines, methods, URIs, headers, body framing, versions, pipelining and slow
 * clients. The payloads themselves are in {@link HostileBodyCases}.
 */
final class HostileHttpCases {
  private static final String ROW = ServeFixtures.csvRow(0);
  private static final String PING = get("/ping");
  private static final String CSV_HEAD =
      "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n";

  /** RFC 9112 §8: a server MAY answer an incomplete request; a FIN mid-request cancels it. */
  private static final String CANCELLED =
      "the client ended its side mid-request (a cancelled request, which HTTP lets the server"
          + " answer or simply close)";

  private HostileHttpCases() {}

  static List<HostileCase> all() {
    List<HostileCase> cases = new java.util.ArrayList<>();
    cases.addAll(requestLines());
    cases.addAll(headers());
    cases.addAll(lengths());
    cases.addAll(chunks());
    cases.addAll(versionsAndPipelines());
    cases.addAll(slowAndCut());
    return cases;
  }

  private static List<HostileCase> requestLines() {
    return List.of(
        send("request line without a version (HTTP/0.9 style)", "GET /ping\r\n\r\n")
            .answer(400)
            .build(),
        send("request line of spaces", "   \r\n\r\n").answer(400, 404).build(),
        send("request line of one word", "PING\r\n\r\n").answer(400).build(),
        send("empty line before the request line", "\r\n" + PING).answer(200, 400).build(),
        send("lowercase method", "get /ping HTTP/1.1\r\nHost: x\r\n\r\n").error(405).build(),
        send("unknown method FOO", "FOO /ping HTTP/1.1\r\nHost: x\r\n\r\n").error(405).build(),
        send("DELETE /invocations", "DELETE /invocations HTTP/1.1\r\nHost: x\r\n\r\n")
            .error(405)
            .build(),
        send("PUT /invocations with a body", text(post("text/csv", ROW)).replace("POST", "PUT"))
            .error(405)
            .build(),
        send("GET /invocations", get("/invocations")).error(405).mentions("POST").build(),
        send("POST /ping", "POST /ping HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            .error(405)
            .build(),
        send("TRACE /", "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n").error(404, 405).build(),
        send("method of 10 KB", "M".repeat(10_000) + " /ping HTTP/1.1\r\nHost: x\r\n\r\n")
            .error(400, 405, 501)
            .build(),
        send("OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").answer(400, 404, 405).build(),
        send("CONNECT authority-form", "CONNECT localhost:1 HTTP/1.1\r\nHost: x\r\n\r\n")
            .answer(400, 404, 405)
            .build(),
        send("opaque URI", "GET mailto:a@b HTTP/1.1\r\nHost: x\r\n\r\n").answer(400, 404).build(),
        send("URI of only a query", "GET ?a=1 HTTP/1.1\r\nHost: x\r\n\r\n")
            .answer(400, 404)
            .build(),
        send("absolute-form URI", get("http://localhost/ping")).answer(200).build(),
        send("HEAD /ping", "HEAD /ping HTTP/1.1\r\nHost: x\r\n\r\n").answer(200).build(),
        send("GET /execution-parameters", get("/execution-parameters")).answer(200).build(),
        send(
                "POST /execution-parameters",
                "POST /execution-parameters HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            .error(405)
            .build(),
        send("unknown path", get("/nowhere")).error(404).build(),
        send("path of 8 KB", get("/" + "p".repeat(8 * 1024))).error(404, 414).build(),
        send("query of 100 KB on /ping", get("/ping?" + "q".repeat(100_000)))
            .answer(200, 414, 431)
            .build(),
        send("request line of 1 MB", get("/ping?" + "q".repeat(1 << 20))).answer(414, 431).build(),
        send("bad percent-encoding", get("/%zz")).answer(400).build(),
        send("encoded NUL in the path", get("/ping%00")).error(404, 400).build(),
        send("dot segments", get("/x/../ping")).answer(200, 404).build(),
        send("TLS handshake on the plain port", new byte[] {0x16, 3, 1, 0, (byte) 0xa5, 1, 0})
            .then(0, "\r\n\r\n")
            .answer(400)
            .build());
  }

  private static List<HostileCase> headers() {
    String many = "X-A: b\r\n";
    return List.of(
        send("header of 1 MB", get("/ping", "X-Big: " + "b".repeat(1 << 20))).answer(431).build(),
        send("10,000 headers", get("/ping", many.repeat(10_000).strip())).answer(431).build(),
        send("300 small headers", get("/ping", many.repeat(300).strip())).answer(200, 431).build(),
        send("header of 100 KB", get("/ping", "X-Big: " + "b".repeat(100_000)))
            .answer(200, 431)
            .build(),
        send("header line without a colon", get("/ping", "Not a header")).answer(200, 400).build(),
        send("space before the colon", get("/ping", "X-A : b")).answer(200, 400).build(),
        send("obsolete line folding", get("/ping", "X-A: b", " folded")).answer(200, 400).build(),
        send("NUL in a header value", get("/ping", "X-A: b\0c")).answer(200, 400).build(),
        send("bytes over 0x7f in a header", get("/ping", "X-A: \u00ff\u00fe"))
            .answer(200, 400)
            .build(),
        send("no Host header", "GET /ping HTTP/1.1\r\n\r\n").answer(200, 400).build(),
        send("two Host headers", get("/ping", "Host: y")).answer(200, 400).build(),
        send("bare LF line endings", "GET /ping HTTP/1.1\nHost: x\n\n").answer(200, 400).build(),
        send("invalid header name", get("/ping", "X(A): b")).answer(200, 400).build(),
        send("empty header name", get("/ping", ": b")).answer(200, 400).build(),
        send(
                "Connection: Upgrade to h2c",
                get("/ping", "Connection: Upgrade, HTTP2-Settings", "Upgrade: h2c"))
            .answer(200, 101)
            .build());
  }

  private static List<HostileCase> lengths() {
    return List.of(
        send("Content-Length not a number", CSV_HEAD + "Content-Length: abc\r\n\r\n" + ROW)
            .answer(400)
            .build(),
        send("negative Content-Length", CSV_HEAD + "Content-Length: -5\r\n\r\n" + ROW)
            .answer(400)
            .build(),
        send(
                "Content-Length past a long",
                CSV_HEAD + "Content-Length: 99999999999999999999999\r\n\r\n" + ROW)
            .answer(400, 413)
            .build(),
        send(
                "Content-Length of Long.MAX_VALUE",
                CSV_HEAD + "Content-Length: " + Long.MAX_VALUE + "\r\n\r\n" + ROW)
            .error(413)
            .build(),
        send("Content-Length in hex", CSV_HEAD + "Content-Length: 0x10\r\n\r\n" + ROW)
            .answer(400)
            .build(),
        send("Content-Length with a plus sign", CSV_HEAD + "Content-Length: +5\r\n\r\n1,2,3")
            .answer(400)
            .build(),
        send("Content-Length as a list", CSV_HEAD + "Content-Length: 5, 5\r\n\r\n1,2,3")
            .answer(400)
            .build(),
        send(
                "two different Content-Lengths",
                CSV_HEAD
                    + "Content-Length: "
                    + ROW.length()
                    + "\r\nContent-Length: 3\r\n\r\n"
                    + ROW)
            .answer(400)
            .build(),
        send(
                "Content-Length and Transfer-Encoding",
                CSV_HEAD
                    + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(ROW.length())
                    + "\r\n"
                    + ROW
                    + "\r\n0\r\n\r\n")
            .answer(200, 400)
            .build(),
        send("Content-Length 0", CSV_HEAD + "Content-Length: 0\r\n\r\n").error(400).build(),
        send("no Content-Length on a POST", CSV_HEAD + "\r\n" + ROW).answer(400, 411).build(),
        send("Content-Length of 7 MB", CSV_HEAD + "Content-Length: 7340032\r\n\r\n" + ROW)
            .error(413)
            .mentions("SAGEMAKER_MAX_PAYLOAD_IN_MB")
            .build(),
        send("body of 7 MB sent whole", post("text/csv", ("1,".repeat(1 << 20) + "\n").repeat(4)))
            .error(413)
            .build(),
        send(
                "Content-Length shorter than the body",
                CSV_HEAD + "Content-Length: 5\r\n\r\n" + ROW + "\r\n")
            .error(400)
            .build(),
        send(
                "GET /ping with a body",
                "GET /ping HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
            .answer(200)
            .build(),
        send(
                "Content-Length with leading zeros",
                CSV_HEAD + "Content-Length: 000" + ROW.length() + "\r\n\r\n" + ROW)
            .answer(200, 400)
            .build(),
        send("Transfer-Encoding gzip alone", CSV_HEAD + "Transfer-Encoding: gzip\r\n\r\n" + ROW)
            .answer(400, 501)
            .build(),
        send(
                "Transfer-Encoding twice",
                CSV_HEAD
                    + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(ROW.length())
                    + "\r\n"
                    + ROW
                    + "\r\n0\r\n\r\n")
            .answer(400)
            .build(),
        send(
                "Content-Encoding gzip the server does not decode",
                CSV_HEAD
                    + "Content-Encoding: gzip\r\nContent-Length: 10\r\n\r\n"
                    + "\u001f\u008b\b\u0000\u0000\u0000\u0000\u0000\u0000\u0003")
            .error(400, 415)
            .build(),
        send(
                "unknown headers are ignored",
                text(post("text/csv", ROW, "X-Whatever: 1", "Accept-Charset: klingon")))
            .answer(200)
            .build(),
        send(
                "Transfer-Encoding gzip",
                CSV_HEAD + "Transfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabc")
            .answer(400, 411, 415, 501)
            .build(),
        send(
                "Transfer-Encoding identity",
                CSV_HEAD
                    + "Transfer-Encoding: identity\r\nContent-Length: "
                    + ROW.length()
                    + "\r\n\r\n"
                    + ROW)
            .answer(200, 400, 501)
            .build());
  }

  private static List<HostileCase> chunks() {
    String chunked = CSV_HEAD + "Transfer-Encoding: chunked\r\n\r\n";
    String size = Integer.toHexString(ROW.length());
    return List.of(
        send("chunked body", chunked + size + "\r\n" + ROW + "\r\n0\r\n\r\n").answer(200).build(),
        send(
                "chunked, Transfer-Encoding in capitals",
                chunked.replace("chunked", "CHUNKED") + size + "\r\n" + ROW + "\r\n0\r\n\r\n")
            .answer(200)
            .build(),
        send("chunk extension", chunked + size + ";a=b\r\n" + ROW + "\r\n0\r\n\r\n")
            .answer(200)
            .build(),
        send("chunk size not hex", chunked + "zz\r\n" + ROW + "\r\n0\r\n\r\n").answer(400).build(),
        send("chunk size overflowing", chunked + "f".repeat(40) + "\r\n" + ROW + "\r\n0\r\n\r\n")
            .answer(400, 413)
            .build(),
        send("negative chunk size", chunked + "-1\r\n" + ROW + "\r\n0\r\n\r\n").answer(400).build(),
        send("chunk longer than its size", chunked + "2\r\n" + ROW + "\r\n0\r\n\r\n")
            .answer(400)
            .build(),
        send("chunks past 6 MB", chunked + ("100000\r\n" + "1".repeat(0x100000) + "\r\n").repeat(7))
            .error(413)
            .build(),
        send("chunked body without its last chunk, then FIN", chunked + size + "\r\n" + ROW)
            .halfClose()
            .answer(400)
            .mayClose(CANCELLED)
            .build());
  }

  private static List<HostileCase> versionsAndPipelines() {
    return List.of(
        send("HTTP/1.0 GET /ping", "GET /ping HTTP/1.0\r\n\r\n").answer(200).build(),
        send("HTTP/1.0 POST", text(post("text/csv", ROW)).replace("HTTP/1.1", "HTTP/1.0"))
            .answer(200)
            .build(),
        send("HTTP/1.0 keep-alive", "GET /ping HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + PING)
            .answer(200)
            .answer(200)
            .build(),
        send("HTTP/1.0, then a second request", "GET /ping HTTP/1.0\r\n\r\n" + PING)
            .answer(200)
            .noStatus("HTTP/1.0 without keep-alive closes after the first answer")
            .build(),
        send("version HTTP/1.2", "GET /ping HTTP/1.2\r\nHost: x\r\n\r\n")
            .answer(200, 400, 505)
            .build(),
        // Jetty answers an HTTP/2 request line on an HTTP/1.1 connection 426 Upgrade Required.
        send("version HTTP/2.0", "GET /ping HTTP/2.0\r\nHost: x\r\n\r\n")
            .answer(200, 400, 426, 505)
            .build(),
        send("version FOO/1.1", "GET /ping FOO/1.1\r\nHost: x\r\n\r\n")
            .answer(200, 400, 505)
            .build(),
        send("HTTP/2 prior-knowledge preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
            .answer(400, 404, 405, 426, 505)
            .build(),
        send("three pipelined pings", PING.repeat(3)).answer(200).answer(200).answer(200).build(),
        send("100 pipelined pings", PING.repeat(100)).answers(100, 200).build(),
        send("invocation then ping, pipelined", text(post("text/csv", ROW)) + PING)
            .answer(200)
            .answer(200)
            .build(),
        send("bad JSON then ping, pipelined", text(post("application/json", "{")) + PING)
            .error(400)
            .answer(200)
            .build(),
        send("request after Connection: close", get("/ping", "Connection: close") + PING)
            .answer(200)
            .noStatus("the first request asked to close the connection after its answer")
            .build(),
        send(
                "request after a 413",
                CSV_HEAD + "Content-Length: 7340032\r\n\r\n" + ROW + "\r\n" + PING)
            .error(413)
            .noStatus("a 413 before the body closes the connection: the rest is unread body")
            .build(),
        send("Expect: 100-continue", headThenBody("Expect: 100-continue"))
            .then(200, ROW)
            .answer(200)
            .build(),
        send(
                "Expect: 100-continue on an oversized body",
                CSV_HEAD + "Expect: 100-continue\r\nContent-Length: 7340032\r\n\r\n")
            .error(413)
            .build(),
        send("Expect: something else", headThenBody("Expect: teapot") + ROW)
            .answer(200, 417)
            .build());
  }

  private static List<HostileCase> slowAndCut() {
    return List.of(
        send("headers sent slowly but in time", "GET /ping HTTP/1.1\r\n")
            .then(300, "Host: x\r\n")
            .then(300, "\r\n")
            .answer(200)
            .build(),
        send("body sent slowly but in time", headThenBody(""))
            .then(300, ROW.substring(0, 10))
            .then(300, ROW.substring(10))
            .answer(200)
            .build(),
        send("headers that never end", "POST /invocations HTTP/1.1\r\nHost: x\r\n")
            .then(500, "X-1: a\r\n")
            .then(500, "X-2: a\r\n")
            .then(500, "X-3: a\r\n")
            .then(500, "X-4: a\r\n")
            .then(500, "X-5: a\r\n")
            .answer(408)
            .build(),
        send("stalled body", headThenBody("") + ROW.substring(0, 10)).answer(408).build(),
        send("truncated body, then FIN", headThenBody("") + ROW.substring(0, 10))
            .halfClose()
            .answer(400)
            .mayClose(CANCELLED)
            .build(),
        send("half a request line, then FIN", "GET /pi")
            .halfClose()
            .answer(400)
            .mayClose(CANCELLED)
            .build(),
        send("client connects and resets", "").reset().build(),
        send("client resets inside the headers", "GET /ping HTTP/1.1\r\nHo").reset().build(),
        send("client resets inside the body", headThenBody("") + "1,2").reset().build());
  }

  /** A CSV POST's head declaring the single row's length, with one more header line. */
  private static String headThenBody(String header) {
    return CSV_HEAD
        + (header.isEmpty() ? "" : header + "\r\n")
        + "Content-Length: "
        + ROW.length()
        + "\r\n\r\n";
  }

  private static String text(byte[] request) {
    return new String(request, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}

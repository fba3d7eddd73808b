package io.costwise.serve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One hostile exchange as data: bytes to send (with pauses between them, for slow clients), how the
 * client leaves, and what the server must answer. Built with {@link #send} and the methods after
 * it.
 *
 * @param name what the case is, unique (the test's display name)
 * @param steps what the client writes, in order
 * @param end how the client ends its side once the steps are written
 * @param answers for each response expected on the connection, in order, the statuses allowed
 * @param noStatusBecause why HTTP gives no (further) status here, so that after the answers the
 *     connection must be closed; null when the answers are all
 * @param mayCloseBecause why closing the connection instead of the answers is also right (the
 *     client cancelled its request), or null
 * @param jsonError whether the first answer must be our JSON error ({@code error}, {@code status})
 * @param mentions text the first answer's body must contain, or null
 */
record HostileCase(
    String name,
    List<Step> steps,
    End end,
    List<Set<Integer>> answers,
    String noStatusBecause,
    String mayCloseBecause,
    boolean jsonError,
    String mentions) {

  /** Bytes to write after a pause. */
  record Step(long pauseMillis, byte[] bytes) {}

  /** How the client ends its side after writing. */
  enum End {
    /** Keeps the connection open and reads. */
    KEEP,
    /** Shuts down its output (a FIN) and reads. */
    HALF_CLOSE,
    /** Closes at once with a reset (SO_LINGER 0); nobody is left to answer. */
    RESET
  }

  /** The milliseconds the client spends pausing. */
  long pauses() {
    return steps.stream().mapToLong(Step::pauseMillis).sum();
  }

  static Builder send(String name, String raw) {
    return new Builder(name).then(0, raw);
  }

  static Builder send(String name, byte[] raw) {
    return new Builder(name).then(0, raw);
  }

  /** Builds a case; the text of requests is ISO-8859-1, so every char is one byte. */
  static final class Builder {
    private final String name;
    private final List<Step> steps = new ArrayList<>();
    private End end = End.KEEP;
    private final List<Set<Integer>> answers = new ArrayList<>();
    private String noStatusBecause;
    private String mayCloseBecause;
    private boolean jsonError;
    private String mentions;

    private Builder(String name) {
      this.name = name;
    }

    Builder then(long pauseMillis, String raw) {
      return then(pauseMillis, raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    Builder then(long pauseMillis, byte[] raw) {
      steps.add(new Step(pauseMillis, raw));
      return this;
    }

    Builder halfClose() {
      end = End.HALF_CLOSE;
      return this;
    }

    Builder reset() {
      end = End.RESET;
      return this;
    }

    /** The next response's status must be one of these. */
    Builder answer(int... statuses) {
      Set<Integer> allowed = new TreeSet<>();
      for (int status : statuses) {
        allowed.add(status);
      }
      answers.add(allowed);
      return this;
    }

    /** The first answer is one of {@code statuses} and our JSON error. */
    Builder error(int... statuses) {
      jsonError = true;
      return answer(statuses);
    }

    /** {@code count} responses, each one of {@code statuses} (pipelining). */
    Builder answers(int count, int... statuses) {
      for (int i = 0; i < count; i++) {
        answer(statuses);
      }
      return this;
    }

    /** Closing the connection instead of answering is right too, for this reason. */
    Builder mayClose(String why) {
      mayCloseBecause = why;
      return this;
    }

    Builder mentions(String text) {
      mentions = text;
      return this;
    }

    /** After the answers so far (maybe none), HTTP gives no status: the connection must close. */
    Builder noStatus(String why) {
      noStatusBecause = why;
      return this;
    }

    HostileCase build() {
      if (answers.isEmpty() && noStatusBecause == null && end != End.RESET) {
        throw new IllegalStateException(name + ": give answers or a reason for none");
      }
      return new HostileCase(
          name,
          List.copyOf(steps),
          end,
          List.copyOf(answers),
          noStatusBecause,
          mayCloseBecause,
          jsonError,
          mentions);
    }
  }

  /** {@code head} then {@code body}, as one array. */
  static byte[] join(String head, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A POST to /invocations with this content type (none if null), extra header lines and body. */
  static byte[] post(String contentType, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder("POST /invocations HTTP/1.1\r\nHost: x\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return join(head.toString(), body);
  }

  static byte[] post(String contentType, String body, String... headers) {
    return post(contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** A GET of {@code path} with extra header lines. */
  static String get(String path, String... headers) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + String.join("", lines(headers)) + "\r\n";
  }

  private static List<String> lines(String... headers) {
    List<String> lines = new ArrayList<>();
    for (String header : headers) {
      lines.add(header + "\r\n");
    }
    return lines;
  }
}

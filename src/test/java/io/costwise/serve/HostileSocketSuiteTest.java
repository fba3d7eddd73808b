package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.costwise.sagemaker.ContentTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input suite: every case of {@link HostileHttpCases} and {@link HostileBodyCases} sent
 * as raw bytes over a socket to one server on port 0, with short header and body timeouts. Each
 * case must end within its deadline (no hang) with a status line (or, where HTTP gives none, a
 * closed connection), never a 5xx other than one the case allows (HTTP's own answers: 505 for an
 * unsupported version, 501 for an unknown transfer coding), with our short JSON error where the
 * case says so; and after each case a fresh {@code GET /ping} must answer 200. Cases run
 * concurrently (slow clients take seconds each), each on its own connection.
 *
 * <p>{@code -Dhostile.verbose=true} prints what each case got.
 */
class HostileSocketSuiteTest {
  private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(1);

  /** SageMaker's own /ping timeout. */
  private static final long PING_DEADLINE_MILLIS = 2000;

  private static final List<String> INTERNALS =
      List.of(
          "JsonReadFeature",
          "Source:",
          "REDACTED",
          "StreamReadConstraints",
          "com.fasterxml",
          "Exception",
          "\tat ");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static InferenceServer server;
  private static ExecutorService pool;
  private static final Map<String, Future<Result>> RESULTS = new LinkedHashMap<>();
  private static long slack;

  /** A case's observation, and the status of the /ping sent after it. */
  record Result(RawExchange.Observed observed, String pingAfter, long millis) {}

  static List<HostileCase> cases() {
    List<HostileCase> all = new ArrayList<>(HostileHttpCases.all());
    all.addAll(HostileBodyCases.all());
    return all;
  }

  @BeforeAll
  static void startAndPlayEveryCase() throws Exception {
    ServingSettings settings =
        new ServingSettings(
            0,
            6L << 20,
            ContentTypes.CSV,
            false,
            "MULTI_RECORD",
            2,
            OutputField.DEFAULT,
            4,
            "127.0.0.1",
            HEADER_TIMEOUT,
            BODY_TIMEOUT,
            1000);
    server = InferenceServer.start(settings);
    server.ready(ServeFixtures.service());
    // The longer timeout, plus room for a loaded machine: at load 23 on 2 cores, 100 pipelined
    // pings took over 6 s. A hang is a wait with no end, so a generous deadline still tells one
    // apart.
    slack = (Math.max(HEADER_TIMEOUT.toSeconds(), BODY_TIMEOUT.toSeconds()) + 15) * 1000;
    pool = Executors.newFixedThreadPool(8);
    for (HostileCase c : cases()) {
      RESULTS.put(c.name(), pool.submit(() -> play(c)));
    }
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
    server.close();
  }

  private static long deadline(HostileCase c) {
    return c.pauses() + slack;
  }

  private static Result play(HostileCase c) throws Exception {
    long start = System.nanoTime();
    RawExchange.Observed observed = RawExchange.play(c, server.port(), deadline(c));
    long millis = (System.nanoTime() - start) / 1_000_000;
    HostileCase ping = HostileCase.send("ping", HostileCase.get("/ping")).answer(200).build();
    RawExchange.Observed after = RawExchange.play(ping, server.port(), PING_DEADLINE_MILLIS);
    String pingAfter =
        after.responses().isEmpty() ? after.ending() : after.responses().get(0).statusLine();
    return new Result(observed, pingAfter, millis);
  }

  @Test
  void thereAreAtLeastAHundredCasesWithUniqueNames() {
    List<HostileCase> all = cases();
    Set<String> names = new HashSet<>();
    for (HostileCase c : all) {
      assertTrue(names.add(c.name()), "duplicate case name: " + c.name());
    }
    assertTrue(all.size() >= 100, all.size() + " cases played");
  }

  @TestFactory
  Stream<DynamicTest> everyHostileCase() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(HostileCase c) throws Exception {
    Result result = RESULTS.get(c.name()).get(deadline(c) + 10_000, TimeUnit.MILLISECONDS);
    RawExchange.Observed seen = result.observed();
    String what = c.name() + " → " + seen + " after " + result.millis() + " ms";
    if (Boolean.getBoolean("hostile.verbose")) {
      System.out.println("hostile: " + what + "; then /ping: " + result.pingAfter());
    }
    assertNotEquals("timeout", seen.ending(), "hang: " + what);
    for (RawExchange.Response r : seen.responses()) {
      assertTrue(r.status() > 0, "not a status line: " + what);
      boolean allowed = c.answers().stream().anyMatch(a -> a.contains(r.status()));
      assertTrue(r.status() < 500 || allowed, "5xx: " + what);
    }
    int answered = Math.min(seen.responses().size(), c.answers().size());
    if (answered < c.answers().size()) {
      assertTrue(
          c.mayCloseBecause() != null && seen.ending().equals("closed"),
          "closed without a status where HTTP allows one: " + what);
    }
    for (int i = 0; i < answered; i++) {
      int status = seen.responses().get(i).status();
      assertTrue(
          c.answers().get(i).contains(status),
          "answer " + (i + 1) + " not " + c.answers().get(i) + ": " + what);
    }
    if (c.noStatusBecause() != null) {
      assertEquals(
          c.answers().size(), seen.responses().size(), "a status where none is due: " + what);
      assertEquals("closed", seen.ending(), "not closed (" + c.noStatusBecause() + "): " + what);
    }
    if (answered > 0 && c.jsonError()) {
      assertOurJsonError(seen.responses().get(0), what);
    }
    if (answered > 0 && c.mentions() != null) {
      assertTrue(
          seen.responses().get(0).text().contains(c.mentions()),
          "does not mention '" + c.mentions() + "': " + what);
    }
    assertEquals("HTTP/1.1 200 OK", result.pingAfter(), "/ping after " + what);
  }

  private static void assertOurJsonError(RawExchange.Response r, String what) throws Exception {
    assertTrue(r.status() >= 400, "not an error: " + what);
    assertEquals(ContentTypes.JSON, r.headers().get("content-type"), what);
    JsonNode body = JSON.readTree(r.body());
    assertEquals(r.status(), body.path("status").asInt(), what);
    String message = body.path("error").asText("");
    assertFalse(message.isBlank(), "no message: " + what);
    assertTrue(message.length() < 600, message.length() + " characters: " + what);
    for (String internal : INTERNALS) {
      assertFalse(message.contains(internal), "leaks '" + internal + "': " + what);
    }
  }
}

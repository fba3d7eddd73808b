package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessLogTest {
  @Test
  void aLineNamesMethodPathStatusBytesMillisecondsAndTheError() {
    assertEquals(
        "POST /invocations 200 37 B 1.2 ms",
        new AccessLog.Entry("POST", "/invocations", 200, 37, 1234, null).line());
    assertEquals(
        "POST /invocations 413 180 B 0.0 ms error: too large",
        new AccessLog.Entry("POST", "/invocations", 413, 180, 12, "too large").line());
  }

  @Test
  void recordingNeverBlocksEvenWhenTheQueueIsFull() {
    try (AccessLog log = new AccessLog(org.slf4j.helpers.NOPLogger.NOP_LOGGER)) {
      long start = System.nanoTime();
      for (int i = 0; i < 3 * AccessLog.CAPACITY; i++) {
        log.record(new AccessLog.Entry("GET", "/ping", 200, 0, 5, null));
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 2000, "recording took " + millis + " ms");
    }
  }
}

package io.costwise.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hook's behaviour by phase (the hook is called directly; no signal is sent). */
class StopSignalTest {
  @Test
  void aStopWhileReadingIsRecordedAtOnceWithoutWaitingForTheJob() {
    AtomicInteger recorded = new AtomicInteger();
    StopSignal stop = new StopSignal(recorded::incrementAndGet);
    long start = System.nanoTime();
    stop.onShutdown();
    assertTrue((System.nanoTime() - start) / 1e9 < 1, "returns at once");
    assertEquals(1, recorded.get());
    assertTrue(stop.requested());
  }

  @Test
  void aStopWhileTrainingWaitsForTheJobToRecordIt() throws Exception {
    AtomicInteger recorded = new AtomicInteger();
    StopSignal stop = new StopSignal(recorded::incrementAndGet);
    stop.training();
    Thread hook = new Thread(stop::onShutdown);
    hook.start();
    hook.join(300);
    assertTrue(hook.isAlive(), "the hook waits for the job");
    assertTrue(stop.requested());
    stop.ended(TrainingJob.STOPPED);
    hook.join(2000);
    assertFalse(hook.isAlive());
    assertEquals(0, recorded.get(), "the training loop, not the hook, records this stop");
  }

  @Test
  void aStopWhileFinishingWaitsForTheJobAndDoesNotRecordAStop() throws Exception {
    AtomicInteger recorded = new AtomicInteger();
    StopSignal stop = new StopSignal(recorded::incrementAndGet);
    stop.training();
    stop.finishing();
    Thread hook = new Thread(stop::onShutdown);
    hook.start();
    hook.join(300);
    assertTrue(hook.isAlive(), "the hook lets the job complete");
    // A failed finish (code 1) releases the hook without halting; success halts with 0, which
    // the jar-level check shows (halting here would end the test JVM).
    stop.ended(TrainingJob.FAILED);
    hook.join(2000);
    assertFalse(hook.isAlive());
    assertEquals(0, recorded.get());
  }
}

package io.costwise.data;

import io.costwise.error.InvalidInputException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of feature values (and per-row costs) a {@link ChannelReader} may keep on the Java
 * heap, shared by every file it reads in parallel and every channel it reads; beyond it, features
 * go to a memory-mapped file on local disk (see {@link ChunkedRows}).
 *
 * <p>Heap rows reserve their bytes here when a chunk is allocated and keep the reservation for as
 * long as the reader lives, since the {@link Dataset} holding them does; rows that were read and
 * then thrown away (a failed file) give it back.
 */
final class MemoryBudget {
  /**
   * System property overriding the default budget: bytes, or a number with {@code k}, {@code m} or
   * {@code g} (binary units), e.g. {@code -Dcostwise.data.memoryBudget=2g}; {@code 0} always
   * spills.
   */
  static final String PROPERTY = "costwise.data.memoryBudget";

  /**
   * The default share of the heap for the training data.
   *
   * <p>A third, because the rows are not the only large thing on the heap while a model trains:
   * evaluation keeps scores, labels and sorted copies of them (8 to 16 bytes a row, against 120 for
   * 30 float32 features), the learners a window of a few thousand rows, and G1 needs free regions
   * to collect without falling back to full collections. Rows beyond the budget cost little: a
   * mapped file is served from the page cache, which lives outside the heap (the image gives the
   * heap 45 % of the container and ND4J 35 %, so the third of the heap is about 15 % of the
   * container's memory).
   */
  private static final int DEFAULT_HEAP_DIVISOR = 3;

  private final long total;
  private final AtomicLong available;

  MemoryBudget(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("memory budget must be ≥ 0, got " + bytes);
    }
    this.total = bytes;
    this.available = new AtomicLong(bytes);
  }

  /** No limit: for data built in memory by code (constructors, {@link Dataset#select}). */
  static MemoryBudget unlimited() {
    return new MemoryBudget(Long.MAX_VALUE);
  }

  /** The {@link #PROPERTY} if set, else a third of the heap the JVM may use. */
  static long defaultBytes() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      return parse(configured);
    }
    long heap = Runtime.getRuntime().maxMemory();
    return heap == Long.MAX_VALUE ? Long.MAX_VALUE : heap / DEFAULT_HEAP_DIVISOR;
  }

  static long parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    int shift = 0;
    if (!value.isEmpty()) {
      switch (value.charAt(value.length() - 1)) {
        case 'k' -> shift = 10;
        case 'm' -> shift = 20;
        case 'g' -> shift = 30;
        default -> shift = 0;
      }
    }
    String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
    try {
      long number = Long.parseLong(digits);
      if (number >= 0 && number <= Long.MAX_VALUE >> shift) {
        return number << shift;
      }
    } catch (NumberFormatException e) {
      // Reported below with the fix.
    }
    throw new InvalidInputException(
        "System property "
            + PROPERTY
            + " is '"
            + text
            + "'; give the memory for training data as a whole number of bytes, optionally"
            + " followed by k, m or g (e.g. 2g), or 0 to keep it on local disk.");
  }

  long total() {
    return total;
  }

  long available() {
    return available.get();
  }

  boolean isUnlimited() {
    return total == Long.MAX_VALUE;
  }

  /** Takes {@code bytes} from the budget if that many are left; says whether it did. */
  boolean tryReserve(long bytes) {
    long left = available.get();
    while (left >= bytes) {
      if (available.compareAndSet(left, left - bytes)) {
        return true;
      }
      left = available.get();
    }
    return false;
  }

  /**
   * Takes {@code bytes} from the budget even if fewer are left (then nothing is left for what could
   * go to disk instead): for what must stay on the heap, such as per-row costs.
   */
  void take(long bytes) {
    available.addAndGet(-bytes);
  }

  void release(long bytes) {
    available.addAndGet(bytes);
  }
}

package io.costwise.data;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The one-line account of where a {@link Dataset}'s rows are held, for the training log. */
final class Storage {
  private Storage() {}

  /**
   * Says where the rows are and why.
   *
   * @param budget the reader's budget; null for data built in memory by code
   * @param availableAtStart how much of the budget was left when the channel was read
   */
  static String describe(List<RowChunk> chunks, MemoryBudget budget, long availableAtStart) {
    long costs = 0;
    for (RowChunk chunk : chunks) {
      costs += chunk.costBytes();
    }
    String features = describeFeatures(chunks, budget, availableAtStart);
    return costs == 0
        ? features
        : features + ", and per-row costs in memory (" + size(costs) + " as double)";
  }

  private static String describeFeatures(
      List<RowChunk> chunks, MemoryBudget budget, long availableAtStart) {
    long heap = 0;
    long mapped = 0;
    Set<Path> files = new LinkedHashSet<>();
    for (RowChunk chunk : chunks) {
      if (chunk.isMapped()) {
        mapped += chunk.bytes();
        files.add(chunk.file());
      } else {
        heap += chunk.bytes();
      }
    }
    String limit = "";
    if (budget != null && !budget.isUnlimited()) {
      limit =
          availableAtStart < budget.total()
              ? "the " + size(availableAtStart) + " left of the " + size(budget.total())
              : "the " + size(budget.total());
      limit += " memory budget";
    }
    if (mapped == 0) {
      return "in memory ("
          + size(heap)
          + " as float32"
          + (limit.isEmpty() ? "" : ", within " + limit)
          + ")";
    }
    String disk =
        "on local disk, memory-mapped from "
            + (files.size() == 1
                ? files.iterator().next()
                : files.size() + " files such as " + files.iterator().next());
    String why = (limit.isEmpty() ? "" : ", more than " + limit) + "; unlinked once mapped)";
    if (heap == 0) {
      return disk + " (" + size(mapped) + " as float32" + why;
    }
    return "partly in memory ("
        + size(heap)
        + ") and partly "
        + disk
        + " ("
        + size(mapped)
        + ") ("
        + size(heap + mapped)
        + " as float32 in all"
        + why;
  }

  /** {@code 68 KB}, {@code 1,024 MB}: binary units, as the JVM's {@code -Xmx} counts them. */
  static String size(long bytes) {
    if (bytes < 1 << 20) {
      return String.format(Locale.ROOT, "%,d KB", (bytes + 1023) >> 10);
    }
    return String.format(Locale.ROOT, "%,d MB", (bytes + (1 << 19)) >> 20);
  }
}
